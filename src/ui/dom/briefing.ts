// The briefing and the hot-seat hand-off: what one side may read before sitting at the table.
import { textOf, sideName, cardTitle, otherSide, possessive, type Scenario, type Side } from '../../engine';
import { play } from '../../audio/sound';
import { store } from '../session';
import { el, button } from './el';

/** One side's confidential brief: priorities and red lines. Shown only to that side. */
export function briefSection(scenario: Scenario, side: Side, headingLevel: 'h2' | 'h3' = 'h2'): HTMLElement {
  const def = scenario.sides[side];
  const priorities = Object.entries(def.priorities).sort((a, b) => b[1] - a[1]);
  return el(
    'section',
    { 'aria-labelledby': `brief-${side}-h`, class: 'brief' },
    el(headingLevel, { id: `brief-${side}-h` }, `Confidential brief: ${sideName(scenario, side)}`),
    el('p', {}, textOf(def.brief)),
    el(
      'p',
      {},
      `Leader: ${textOf(def.leader)}, ${textOf(def.capital)}. Goal: a score of ${def.goal} by the end of the game. `,
      'Your score counts the concessions actually carried out and how far the tracks advance, each weighed by your priorities below, plus your support at home, minus the escalation risk.',
    ),
    el('h4', {}, 'Priorities (0–10)'),
    el('ul', {}, ...priorities.map(([track, w]) => el('li', {}, `${textOf(scenario.tracks.find((t) => t.id === track)?.name) || track}: ${w}`))),
    el('h4', {}, 'Red lines'),
    def.redLines.length
      ? el('ul', {}, ...def.redLines.map((r) => el('li', {}, `Never give “${cardTitle(scenario, r.card)}”: ${textOf(r.why)}`)))
      : el('p', {}, 'None.'),
  );
}

export function renderBriefing(root: HTMLElement): void {
  const s = store.session!;
  const { scenario } = s;
  const quotes = scenario.tracks.flatMap((t) => t.cite.filter((c) => c.quote).map((c) => ({ track: textOf(t.name), ...c })));
  const hotseat = s.settings.opponent === 'hotseat';
  const me = sideName(scenario, s.viewer);
  const them = sideName(scenario, otherSide(scenario.seats, s.viewer));
  root.append(
    el('h1', {}, textOf(scenario.title)),
    hotseat
      ? el(
          'p',
          { class: 'lede' },
          s.briefed.size === 0
            ? `Briefing for the ${me} player only. ${them} reads their own after the hand-off.`
            : `Briefing for the ${me} player only: ${possessive(them)} brief stays hidden.`,
        )
      : '',
    el('section', { 'aria-labelledby': 'moment-h' }, el('h2', { id: 'moment-h' }, `The moment: ${scenario.year}`), el('p', {}, textOf(scenario.summary))),
    briefSection(scenario, s.viewer),
    el(
      'section',
      { 'aria-labelledby': 'sources-h' },
      el('h2', { id: 'sources-h' }, 'Sources'),
      el('ul', {}, ...scenario.sources.map((src) => el('li', {}, `${textOf(src.title)} — ${textOf(src.author)}, ${textOf(src.date)} (${src.file})`))),
      quotes.length ? el('h3', {}, 'In their own words') : null,
      ...quotes.slice(0, 5).map((q) => el('blockquote', {}, `“${q.quote}”`, el('footer', {}, '— ', el('cite', {}, `${q.track}: ${q.file}`)))),
    ),
    el(
      'div',
      { class: 'row' },
      button(
        'Go to the table',
        () => {
          play('click');
          store.leaveBriefing();
        },
        { class: 'primary' },
      ),
    ),
  );
}

export function renderHandoff(root: HTMLElement): void {
  const s = store.session!;
  const next = sideName(s.scenario, s.viewer);
  const prev = sideName(s.scenario, s.viewer === 'us' ? 'ru' : 'us');
  root.append(
    el('h1', {}, `Hand over to ${next}`),
    el('p', {}, `${possessive(prev)} confidential brief and hand are hidden. ${prev} player: pass the keyboard to the ${next} player and look away.`),
    el('div', { class: 'row' }, button(`Continue as ${next}`, () => (play('click'), store.takeSeat()), { class: 'primary' })),
  );
}
