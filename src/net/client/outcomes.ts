// Every table's result side by side, as a table a projector and a screen reader both read well.
import { sideName, textOf, type Scenario } from '../../engine';
import { PHASE_NAME } from '../../ui/labels';
import { el } from '../../ui/dom/el';
import type { TeacherUpdate } from '../protocol';

export function renderOutcomeTable(container: HTMLElement, scenario: Scenario, update: TeacherUpdate): void {
  const th = (text: string) => el('th', { scope: 'col' }, text);
  const num = (n: number | undefined) => el('td', { class: 'num' }, n === undefined ? '–' : n.toFixed(1));
  container.replaceChildren(
    el('p', {}, `${textOf(scenario.title)}: where each table stood when the session ended. Scores come from each side’s own hidden priorities; the joint score shows what both gained together.`),
    el(
      'table',
      { class: 'grid' },
      el('caption', {}, 'Outcome by table'),
      el('thead', {}, el('tr', {}, th('Table'), th('Reached'), ...scenario.seats.map((s) => th(`${sideName(scenario, s)} score`)), th('Joint score'), th('Agreements'), th('Moves and injects'))),
      el(
        'tbody',
        {},
        ...update.tables.map((t) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, `Table ${t.table + 1}`),
            el('td', {}, t.outcome?.ended ? 'Game over' : `Turn ${t.turn}, ${PHASE_NAME[t.phase]}`),
            ...scenario.seats.map((s) => num(t.outcome?.scores[s])),
            num(t.outcome?.joint),
            el('td', { class: 'num' }, String(t.agreements)),
            el('td', { class: 'num' }, String(t.moves)),
          ),
        ),
      ),
    ),
    el('p', {}, `Goals: ${scenario.seats.map((s) => `${sideName(scenario, s)} ${scenario.sides[s].goal}`).join(', ')}. What actually happened: ${textOf(scenario.history.text)}`),
  );
}
