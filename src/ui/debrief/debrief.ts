// The debrief: an accessible page (DOM + SVG) shown at the end of a game. It reads the finished
// state through the engine's own readers (outcomeOf, timeline, allLedger) and decides nothing.
import {
  indexOf,
  otherSide,
  outcomeOf,
  textOf,
  timeline,
  type GameState,
  type Language,
  type LedgerEntry,
  type Obligation,
  type Scenario,
  type Side,
} from '../../engine';
import { analyzeScenario, type ScenarioAnalysis, type ScenarioDeal } from '../../ai/analysis';
import { branchSection, endingsSection, missedDealsSection, wantedSection, type BranchControls } from './lesson';
import { branchTurns } from '../branch';
import { download, gameLogCsv, gameLogJson } from '../export';
import { gameAgainstHistory, historyByTrack, historySentence } from './history';
import { DEBRIEF_CSS } from './style';
import { el, svg } from '../dom/el';
import { wordsFor, type Words } from '../i18n';
import { cardLabel, causeWords, sideLabel } from '../labels';

export interface DebriefInput {
  scenario: Scenario;
  state: GameState;
  players: Record<Side, 'human' | 'computer'>;
  /** What the computer believed a human player valued (its opponent model), per track. */
  beliefs?: { side: Side; estimated: Record<string, number> };
  /** The interface's language (English when not given). */
  language?: Language;
  /** This game is a branch: the game it went its own way from, and the turn it did. */
  branch?: { origin: GameState; turn: number };
  /** Play on from a turn of this game, or a link to that turn (none: the page offers no branching). */
  controls?: BranchControls;
}

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. Lines also differ by dash and marker. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4'];

interface Series {
  path: string;
  label: string;
}
interface ChartDef {
  id: string;
  title: string;
  series: Series[];
}

let nextId = 0;


function table(caption: string, head: string[], rows: (string | Node)[][], className = ''): HTMLTableElement {
  return el(
    'table',
    className ? { class: className } : {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))),
  );
}

/** Meter paths in words, from the scenario's own names. */
export function meterLabel(scenario: Scenario, path: string, lang: Language = 'en'): string {
  const w = wordsFor(lang).debrief.meter;
  const [group, key] = path.split('.');
  const name = (s: string) => (scenario.seats.includes(s) ? sideLabel(scenario, s, lang) : s);
  switch (group) {
    case 'trust':
      return w.trust(name(key), name(otherSide(scenario.seats, key)));
    case 'support':
      return w.support(name(key));
    case 'hawks':
      return w.hawks(name(key));
    case 'allies':
      return w.allies(textOf(scenario.thirdParties.find((t) => t.id === key)?.name, lang) || key);
    case 'escalation':
      return w.escalation;
    default:
      return path;
  }
}

/** "+12 trust.india: cause" (the engine's turning-point note) with the meter named in words. */
function turningPointText(scenario: Scenario, note: string, lang: Language): string {
  const m = /^([+-]?\d+) (\S+): (.*)$/.exec(note);
  return m ? `${meterLabel(scenario, m[2], lang)} ${m[1]}: ${causeWords(scenario, m[3], lang)}` : note;
}

function chartDefs(scenario: Scenario, paths: string[], lang: Language): ChartDef[] {
  const w = wordsFor(lang).debrief.charts;
  const pick = (prefix: string) => paths.filter((p) => p.startsWith(prefix)).map((p) => ({ path: p, label: meterLabel(scenario, p, lang) }));
  return [
    { id: 'trust', title: w.trust, series: pick('trust.') },
    { id: 'support', title: w.support, series: pick('support.') },
    { id: 'hawks', title: w.hawks, series: pick('hawks.') },
    { id: 'allies', title: w.allies, series: pick('allies.') },
    { id: 'escalation', title: w.escalation, series: pick('escalation') },
  ].filter((c) => c.series.length > 0);
}

function lineChart(state: GameState, def: ChartDef, w: Words['debrief']): HTMLElement {
  const points = timeline(state);
  const turns = points.map((p) => p.turn);
  const lastTurn = Math.max(1, turns[turns.length - 1] ?? 1);
  const W = 640;
  const H = 240;
  const pad = { l: 40, r: 32, t: 16, b: 34 };
  const x = (turn: number) => pad.l + ((W - pad.l - pad.r) * turn) / lastTurn;
  const y = (v: number) => pad.t + ((H - pad.t - pad.b) * (100 - v)) / 100;
  const uid = `debrief-${nextId++}`;

  const title = svg('title', { id: `${uid}-title` }, def.title);
  const summary = def.series
    .map((s) => {
      const first = points[0]?.meters[s.path];
      const last = points[points.length - 1]?.meters[s.path];
      return w.went(s.label, first, last, lastTurn);
    })
    .join('; ');
  const desc = svg('desc', { id: `${uid}-desc` }, `${summary}${w.dashed}`);
  const g = svg('g');
  // Axes and grid: 0, 25, 50, 75, 100.
  for (const v of [0, 25, 50, 75, 100]) {
    g.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), class: 'grid' }));
    g.append(svg('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(v)));
  }
  const step = Math.max(1, Math.ceil(lastTurn / 10));
  for (let t = 0; t <= lastTurn; t += step) g.append(svg('text', { x: x(t), y: H - pad.b + 16, 'text-anchor': 'middle', class: 'tick' }, String(t)));
  g.append(svg('text', { x: (W + pad.l) / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis' }, w.axisTurn));
  // Turning points.
  for (const t of state.history) {
    if (!t.turningPoint) continue;
    g.append(svg('line', { x1: x(t.turn), x2: x(t.turn), y1: pad.t, y2: H - pad.b, class: 'turning' }));
    g.append(svg('text', { x: x(t.turn) + 3, y: pad.t + 10, class: 'turning-label' }, `◆${t.turn}`));
  }
  def.series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length];
    const d = points.map((p, j) => `${j ? 'L' : 'M'}${x(p.turn).toFixed(1)},${y(p.meters[s.path] ?? 0).toFixed(1)}`).join(' ');
    g.append(svg('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': DASHES[i % DASHES.length], class: 'series' }));
    for (const p of points) {
      const cx = x(p.turn);
      const cy = y(p.meters[s.path] ?? 0);
      // Marker shape differs per line too: circle, square, triangle...
      const shape = i % 3 === 0 ? svg('circle', { cx, cy, r: 3 }) : i % 3 === 1 ? svg('rect', { x: cx - 3, y: cy - 3, width: 6, height: 6 }) : svg('path', { d: `M${cx},${cy - 4} L${cx + 4},${cy + 3} L${cx - 4},${cy + 3} Z` });
      shape.setAttribute('fill', colour);
      g.append(shape);
    }
  });
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'chart' }, title, desc, g);

  const legend = el(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    ...def.series.map((s, i) =>
      el('li', {}, svg('svg', { width: 36, height: 10, viewBox: '0 0 36 10' }, svg('line', { x1: 0, x2: 36, y1: 5, y2: 5, stroke: PALETTE[i % PALETTE.length], 'stroke-width': 3, 'stroke-dasharray': DASHES[i % DASHES.length] })), ` ${s.label}`),
    ),
  );
  const figures = table(
    w.byTurn(def.title),
    [w.axisTurn, ...def.series.map((s) => s.label)],
    points.map((p) => [String(p.turn), ...def.series.map((s) => String(p.meters[s.path] ?? ''))]),
    'figures',
  );
  const details = el('details', { class: 'chart-figures' }, el('summary', {}, w.figures(def.title)), figures);
  return el('figure', { class: 'chart-figure' }, el('h3', { id: `${uid}-h` }, def.title), chart, legend, details);
}

const END_WORDS = (scenario: Scenario, end: GameState['end'], lang: Language): string => {
  const w = wordsFor(lang).debrief;
  if (!end) return w.notEnded;
  if (end.reason === 'turns') return w.endTurns(end.turn);
  if (end.reason === 'escalation') return w.endEscalation(end.turn);
  return w.endOffice(end.side ? sideLabel(scenario, end.side, lang) : null, end.turn);
};

export function mountDebrief(container: HTMLElement, input: DebriefInput): { destroy(): void } {
  const { scenario, state, players } = input;
  const lang = input.language ?? 'en';
  const w = wordsFor(lang).debrief;
  const STATUS_WORDS = w.status;
  const outcome = outcomeOf(scenario, state);
  const name = (s: Side) => sideLabel(scenario, s, lang);
  const who = (s: Side) => w.who(name(s), players[s] === 'human' ? (state.seats.every((x) => players[x] === 'human') ? w.player : w.you) : w.computer);
  const ix = indexOf(scenario);
  const style = el('style', {}, DEBRIEF_CSS);
  // A labelled region, not <main>: the UI's own DOM layer may already have a main landmark.
  const root = el('section', { class: 'debrief', 'aria-labelledby': 'debrief-title' });

  // Header and actions.
  const printBtn = el('button', { type: 'button' }, w.print);
  printBtn.addEventListener('click', () => window.print());
  const jsonBtn = el('button', { type: 'button' }, w.json);
  jsonBtn.addEventListener('click', () => download(`reset-${scenario.id}-seed${state.seed}.json`, gameLogJson(scenario, state), 'application/json'));
  const csvBtn = el('button', { type: 'button' }, w.csv);
  csvBtn.addEventListener('click', () => download(`reset-${scenario.id}-seed${state.seed}.csv`, gameLogCsv(scenario, state), 'text/csv'));
  root.append(
    el('h1', { id: 'debrief-title', tabindex: '-1' }, w.heading(textOf(scenario.title, lang))),
    el('p', { class: 'lede' }, END_WORDS(scenario, outcome.end, lang)),
    el('div', { class: 'actions', role: 'group', 'aria-label': w.printExport }, printBtn, jsonBtn, csvBtn),
  );

  // Outcome.
  const result = (s: Side) => (outcome.sides[s].won ? w.succeeded : outcome.sides[s].inOffice ? w.fellShort : w.lostOffice);
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-outcome' },
      el('h2', { id: 'debrief-outcome' }, w.outcome),
      table(
        w.scoresCaption,
        w.scoreHead,
        state.seats.map((s) => {
          const o = outcome.sides[s];
          return [who(s), String(o.score), String(o.goal), result(s), String(o.parts.deals), String(o.parts.progress), String(o.parts.support), String(o.parts.escalation), String(o.parts.penalty)];
        }),
      ),
      el('p', { class: 'score-parts' }, ...w.scoreParts),
      el(
        'p',
        { class: 'joint' },
        w.joint(outcome.joint),
        w.counts(outcome.agreements.signed, outcome.agreements.implemented, outcome.agreements.verified, outcome.agreements.broken),
      ),
    ),
  );

  // A branch: its ending beside the first game's.
  if (input.branch && state.phase === 'ended') root.append(endingsSection(scenario, input.branch.origin, state, input.branch.turn, lang));

  // Agreements.
  const cardsOf = (ids: string[]) => ids.map((id) => cardLabel(scenario, id, lang)).join('; ') || '—';
  const kept = (o: Obligation) => (o.cards.length ? `${STATUS_WORDS[o.status]}${o.delays ? w.delayedTimes(o.delays) : ''}` : w.owedNothing);
  const [first, second] = state.seats;
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-agreements' },
      el('h2', { id: 'debrief-agreements' }, w.agreementsHeading),
      state.agreements.length
        ? table(
            w.everyAgreement,
            w.agreementHead(name(first), name(second)),
            state.agreements.map((a) => [
              w.agreementName(a.id, wordsFor(lang).formats[a.format], name(a.proposer)),
              String(a.turn),
              a.tracks.map((t) => textOf(ix.tracks.get(t)?.name, lang) || t).join(', '),
              cardsOf(a.obligations[first].cards),
              cardsOf(a.obligations[second].cards),
              STATUS_WORDS[a.status] ?? a.status,
              kept(a.obligations[first]),
              kept(a.obligations[second]),
            ]),
          )
        : el('p', {}, w.noAgreement),
    ),
  );

  // History: in words, then track by track beside this game (both from the scenario file).
  const citation = (c: { file: string; quote?: string }) => {
    const src = scenario.sources.find((s) => s.file === c.file);
    const label = src ? wordsFor(lang).briefing.source(textOf(src.title, lang), textOf(src.author, lang), textOf(src.date, lang), c.file) : c.file;
    return el('li', {}, c.quote ? el('blockquote', {}, `“${c.quote}”`) : '', el('cite', {}, label));
  };
  const byTrack = historyByTrack(scenario, state, lang);
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-history' },
      el('h2', { id: 'debrief-history' }, w.history),
      el('p', {}, textOf(scenario.history.text, lang)),
      el('ul', { class: 'citations' }, ...scenario.history.cite.map(citation)),
      el('p', { class: 'game-against-history' }, gameAgainstHistory(scenario, state, lang)),
      ...(byTrack.length
        ? [
            el('h3', {}, w.byTrackHeading),
            table(
              w.byTrackCaption,
              w.byTrackHead,
              byTrack.map((r) => [r.name, r.game, r.history, r.compared ? w.compared[r.compared] : '—', el('ul', { class: 'citations' }, ...r.cite.map(citation))]),
            ),
            el('p', {}, historySentence(byTrack, lang)),
          ]
        : []),
    ),
  );

  // Charts and turning points.
  const paths = Object.keys(timeline(state)[0]?.meters ?? {});
  const turning = state.history.filter((t) => t.turningPoint);
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-meters' },
      el('h2', { id: 'debrief-meters' }, w.metersHeading),
      el('div', { class: 'charts' }, ...chartDefs(scenario, paths, lang).map((c) => lineChart(state, c, w))),
      el('h3', {}, w.turningPoints),
      turning.length
        ? el('ol', { class: 'turning-points' }, ...turning.map((t) => el('li', {}, el('strong', {}, w.turnLabel(t.turn)), turningPointText(scenario, t.turningPoint!, lang))))
        : el('p', {}, w.noTurningPoints),
    ),
  );

  // Pick a turn on the timeline and play on from it.
  if (input.controls && state.phase === 'ended') root.append(branchSection(branchTurns(state), input.controls, lang));

  // The other side's brief is shown only once the game is over: what each side wanted, with the computer's beliefs.
  const beliefs: HTMLElement[] = [];
  if (input.beliefs) {
    const { side, estimated } = input.beliefs;
    const real = scenario.sides[side].priorities;
    beliefs.push(
      el('h3', { id: 'debrief-beliefs' }, w.believedHeading(name(side))),
      table(
        w.believedCaption(name(side)),
        w.believedHead,
        scenario.tracks.map((t) => {
          const e = estimated[t.id];
          const r = real[t.id] ?? 0;
          return [textOf(t.name, lang), e === undefined ? '—' : e.toFixed(1), String(r), e === undefined ? '—' : (e - r >= 0 ? '+' : '') + (e - r).toFixed(1)];
        }),
      ),
    );
  }
  const analysis = analyzeScenario(scenario, state);
  if (state.phase === 'ended') root.append(wantedSection(scenario, state, lang, who, beliefs), missedDealsSection(scenario, analysis, who, lang));

  // The deal against the best packages the scenario allowed, valued the way the deal analysis values them.
  root.append(dealSection(scenario, analysis, state, name, lang));

  // Ledger by turn: long (hundreds of rows), so it is last and folded; paper gets it only when it is open.
  const byTurn = new Map<number, LedgerEntry[]>();
  for (const t of state.history) if (t.ledger.length) byTurn.set(t.turn, [...t.ledger]);
  const changes = [...byTurn.values()].reduce((n, entries) => n + entries.length, 0);
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-ledger', class: 'ledger' },
      el('h2', { id: 'debrief-ledger' }, w.ledgerHeading),
      el('p', { class: 'ledger-note' }, w.ledgerNote),
      el(
        'details',
        {},
        el('summary', {}, w.showLedger(changes, byTurn.size)),
        ...[...byTurn].map(([turn, entries]) =>
          el(
            'section',
            { class: 'ledger-turn', 'aria-label': turn === 0 ? w.start : w.turn(turn) },
            el('h3', {}, turn === 0 ? w.start : w.turn(turn)),
            table(
              w.changesIn(turn),
              w.ledgerHead,
              entries.map((e) => [meterLabel(scenario, e.meter, lang), (e.delta > 0 ? '+' : '') + e.delta, String(e.value), causeWords(scenario, e.cause, lang), e.cite ?? '']),
              'ledger-table',
            ),
          ),
        ),
      ),
    ),
  );

  container.append(style, root);
  root.querySelector<HTMLElement>('h1')!.focus({ preventScroll: true });
  return {
    destroy() {
      root.remove();
      style.remove();
    },
  };
}

/**
 * What the concessions carried out would bring each side as one package from the start, beside the Pareto frontier,
 * the Nash and Kalai–Smorodinsky packages and the best package both sides would have preferred (src/ai/analysis.ts).
 */
function dealSection(scenario: Scenario, a: ScenarioAnalysis, state: GameState, name: (s: Side) => string, lang: Language): HTMLElement {
  const w = wordsFor(lang).debrief.deal;
  const g = a.game!;
  const seats = state.seats;
  const fmt = (x: number) => x.toFixed(1);
  // The package in the interface's language, from its cards (the analysis's own summary is English, for the CLI).
  const holds = (d: ScenarioDeal) =>
    seats.every((s) => d.gives[s].length === 0)
      ? w.noDeal
      : seats.map((s) => w.gives(name(s), d.gives[s].map((id) => cardLabel(scenario, id, lang)))).join(' — ') + (d.format === 'multilateral' ? w.multilateral : '');
  const row = (label: string, d: ScenarioDeal | null) => (d ? [label, ...seats.map((s) => fmt(d.worth[s])), holds(d)] : [label, ...seats.map(() => '—'), w.noGain]);
  const standing = g.onFrontier ? w.onFrontier : g.missed.length ? w.missed(fmt(g.distanceToFrontier), fmt(g.bothCouldGain)) : w.noneBetter(fmt(g.distanceToFrontier));
  return el(
    'section',
    { 'aria-labelledby': 'debrief-deal' },
    el('h2', { id: 'debrief-deal' }, w.heading),
    el(
      'p',
      {},
      w.valued(
        seats.map((s) => w.worth(fmt(g.delivered.worth[s]), name(s))),
        standing,
      ),
    ),
    table(w.caption, w.head(seats.map(name)), [
      row(w.carriedOut, g.delivered),
      row(w.nash, a.nash),
      row(w.kalaiSmorodinsky, a.kalaiSmorodinsky),
      ...(g.missed[0] ? [row(w.betterForBoth, g.missed[0])] : []),
    ]),
  );
}
