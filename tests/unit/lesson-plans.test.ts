// The lesson plans in docs/teacher-guide.md: one for each shipped scenario, with objectives, timings that fill 50
// minutes, and three discussion questions each tied to a quotation from the scenario's article, word for word.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/engine';
import { builtInScenarioFiles, requireScenario } from '../../src/scenario/files';
import { lessonSection, renderMarkdown } from '../../src/ui/lesson-plans';
import { articleText, normaliseQuote, sourcesPresent } from '../sources';

const guide = readFileSync(resolve(import.meta.dirname, '../../docs/teacher-guide.md'), 'utf8');
const section = lessonSection(guide);
const plans = new Map(section.split(/\n(?=### Lesson plan: )/).slice(1).map((p) => [p.split('\n')[0].replace('### Lesson plan: ', ''), p] as const));

describe('docs/teacher-guide.md: a 50-minute lesson plan per scenario', () => {
  it('the timings run from minute 0 to minute 50 without a gap', () => {
    const rows = [...section.matchAll(/^\| (\d+)–(\d+) \|/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(rows[0][0]).toBe(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i][0]).toBe(rows[i - 1][1]);
    expect(rows.at(-1)![1]).toBe(50);
  });

  for (const file of builtInScenarioFiles()) {
    const s = requireScenario(file);
    it(`${s.id}: objectives and three questions, each quoting its article verbatim`, () => {
      const plan = plans.get(textOf(s.title));
      expect(plan, `no "### Lesson plan: ${textOf(s.title)}"`).toBeDefined();
      const article = /\*\*Article:\*\*.*\(`(\d{3}_[0-9a-f]+\.txt)`\)/.exec(plan!)![1];
      // The article is the one the scenario is drawn from (its first source).
      expect(article).toBe(s.sources[0].file);
      expect(plan!.split('**Discussion questions.**')[0].match(/^- /gm)?.length).toBeGreaterThanOrEqual(3);
      const questions = [...plan!.matchAll(/^(\d)\. (.+)\n\n((?: {3}> .*\n)+)/gm)];
      expect(questions.map((q) => q[1])).toEqual(['1', '2', '3']);
      for (const q of questions) {
        expect(q[2]).toMatch(/\?/);
        const lines = q[3].split('\n').filter(Boolean).map((l) => l.replace(/^ {3}> /, ''));
        expect(lines.at(-1)).toBe(`— \`${article}\``);
        const quote = lines.slice(0, -1).join(' ').replace(/^"|"$/g, '');
        if (sourcesPresent) expect(articleText(article), `${s.id}: "${quote}"`).toContain(normaliseQuote(quote));
      }
    });
  }

  it('renders for print: each question keeps its quotation, the tables their headers', () => {
    const html = renderMarkdown(plans.get('Reset 2009')!);
    expect(html).toMatch(/<ol><li><p>Did a warm tone alone move any track.*?<\/p><blockquote><p>&quot;The prevailing view/s);
    expect(html.match(/<blockquote>/g)?.length).toBe(3);
    expect(renderMarkdown(section)).toContain('<th scope="col">Minutes</th>');
  });
});
