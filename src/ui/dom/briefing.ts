// The briefing and the hot-seat hand-off: what one side may read before sitting at the table.
import { textOf, otherSide, type Scenario, type Side, type Language } from '../../engine';
import { play } from '../../audio/sound';
import { store, words } from '../session';
import { wordsFor } from '../i18n';
import { cardLabel, sideLabel, trackLabel } from '../labels';
import { el, button } from './el';

/** One side's confidential brief: priorities and red lines. Shown only to that side. */
export function briefSection(scenario: Scenario, side: Side, headingLevel: 'h2' | 'h3' = 'h2', lang: Language = 'en'): HTMLElement {
  const w = wordsFor(lang).briefing;
  const def = scenario.sides[side];
  const priorities = Object.entries(def.priorities).sort((a, b) => b[1] - a[1]);
  return el(
    'section',
    { 'aria-labelledby': `brief-${side}-h`, class: 'brief' },
    el(headingLevel, { id: `brief-${side}-h` }, w.confidential(sideLabel(scenario, side, lang))),
    el('p', {}, textOf(def.brief, lang)),
    el('p', {}, w.leaderGoal(textOf(def.leader, lang), textOf(def.capital, lang), def.goal), w.scoreCounts),
    el('h4', {}, w.priorities),
    el('ul', {}, ...priorities.map(([track, weight]) => el('li', {}, `${trackLabel(scenario, track, lang)}: ${weight}`))),
    el('h4', {}, w.redLines),
    def.redLines.length ? el('ul', {}, ...def.redLines.map((r) => el('li', {}, w.neverGive(cardLabel(scenario, r.card, lang), textOf(r.why, lang))))) : el('p', {}, w.none),
  );
}

export function renderBriefing(root: HTMLElement): void {
  const s = store.session!;
  const { scenario } = s;
  const lang = store.language;
  const w = words().briefing;
  const quotes = scenario.tracks.flatMap((t) => t.cite.filter((c) => c.quote).map((c) => ({ track: textOf(t.name, lang), ...c })));
  const hotseat = s.settings.opponent === 'hotseat';
  const me = sideLabel(scenario, s.viewer, lang);
  const them = sideLabel(scenario, otherSide(scenario.seats, s.viewer), lang);
  root.append(
    el('h1', {}, textOf(scenario.title, lang)),
    hotseat ? el('p', { class: 'lede' }, s.briefed.size === 0 ? w.onlyFirst(me, them) : w.onlyLater(me, them)) : '',
    el('section', { 'aria-labelledby': 'moment-h' }, el('h2', { id: 'moment-h' }, w.moment(scenario.year)), el('p', {}, textOf(scenario.summary, lang))),
    briefSection(scenario, s.viewer, 'h2', lang),
    el(
      'section',
      { 'aria-labelledby': 'sources-h' },
      el('h2', { id: 'sources-h' }, w.sources),
      el('ul', {}, ...scenario.sources.map((src) => el('li', {}, w.source(textOf(src.title, lang), textOf(src.author, lang), textOf(src.date, lang), src.file)))),
      quotes.length ? el('h3', {}, w.ownWords) : null,
      // The quotes stay in the articles' own words (English): they are checked against the files.
      ...quotes.slice(0, 5).map((q) => el('blockquote', { lang: 'en' }, `“${q.quote}”`, el('footer', {}, '— ', el('cite', {}, `${q.track}: ${q.file}`)))),
    ),
    el(
      'div',
      { class: 'row' },
      button(
        w.toTable,
        () => {
          play('click');
          store.leaveBriefing();
        },
        { class: 'primary', 'data-focus': 'to-table' },
      ),
    ),
  );
}

export function renderHandoff(root: HTMLElement): void {
  const s = store.session!;
  const lang = store.language;
  const w = words().briefing;
  const next = sideLabel(s.scenario, s.viewer, lang);
  const prev = sideLabel(s.scenario, otherSide(s.scenario.seats, s.viewer), lang);
  root.append(
    el('h1', {}, w.handOver(next)),
    el('p', {}, store.reopened ? w.reopened(next) : w.hidden(prev, next)),
    el('div', { class: 'row' }, button(w.continueAs(next), () => (play('click'), store.takeSeat()), { class: 'primary', 'data-focus': 'take-seat' })),
  );
}
