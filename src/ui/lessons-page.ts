// lessons.html: the lesson plans of docs/teacher-guide.md, for the screen and for paper.
import { mountLessonPlans } from './lesson-plans';

mountLessonPlans(document.getElementById('plans')!);
document.getElementById('print')!.addEventListener('click', () => window.print());
document.body.dataset.ready = 'lessons';
