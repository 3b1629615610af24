// The debrief: an accessible page (DOM + SVG) shown at the end of a game. It reads the finished
// state through the engine's own readers (outcomeOf, timeline, allLedger) and decides nothing.
import {
  cardTitle,
  indexOf,
  outcomeOf,
  possessive,
  sideName,
  textOf,
  timeline,
  type GameState,
  type LedgerEntry,
  type Obligation,
  type Scenario,
  type Side,
} from '../../engine';
import { download, gameLogCsv, gameLogJson } from '../export';
import { COMPARED_WORDS, historyByTrack, historySentence } from './history';
import { DEBRIEF_CSS } from './style';
import { el, svg } from '../dom/el';

export interface DebriefInput {
  scenario: Scenario;
  state: GameState;
  players: Record<Side, 'human' | 'computer'>;
  /** What the computer believed a human player valued (its opponent model), per track. */
  beliefs?: { side: Side; estimated: Record<string, number> };
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
export function meterLabel(scenario: Scenario, path: string): string {
  const [group, key] = path.split('.');
  const us = sideName(scenario, 'us');
  const ru = sideName(scenario, 'ru');
  const name = (s: string) => (s === 'us' ? us : s === 'ru' ? ru : s);
  switch (group) {
    case 'trust':
      return `${possessive(name(key))} trust in ${name(key === 'us' ? 'ru' : 'us')}`;
    case 'support':
      return `Domestic support, ${name(key)}`;
    case 'hawks':
      return `Hawks' influence, ${name(key)}`;
    case 'allies':
      return `${textOf(scenario.thirdParties.find((t) => t.id === key)?.name) || key}: confidence`;
    case 'escalation':
      return 'Escalation risk';
    default:
      return path;
  }
}

/** "+12 trust.us: cause" (the engine's turning-point note) with the meter named in words. */
function turningPointText(scenario: Scenario, note: string): string {
  const m = /^([+-]?\d+) (\S+): (.*)$/.exec(note);
  return m ? `${meterLabel(scenario, m[2])} ${m[1]}: ${m[3]}` : note;
}

function chartDefs(scenario: Scenario, paths: string[]): ChartDef[] {
  const pick = (prefix: string) => paths.filter((p) => p.startsWith(prefix)).map((p) => ({ path: p, label: meterLabel(scenario, p) }));
  return [
    { id: 'trust', title: 'Trust in the other side', series: pick('trust.') },
    { id: 'support', title: 'Domestic support', series: pick('support.') },
    { id: 'hawks', title: "Hawks' influence", series: pick('hawks.') },
    { id: 'allies', title: "Allies' and partners' confidence", series: pick('allies.') },
    { id: 'escalation', title: 'Escalation risk', series: pick('escalation') },
  ].filter((c) => c.series.length > 0);
}

function lineChart(scenario: Scenario, state: GameState, def: ChartDef): HTMLElement {
  const points = timeline(state);
  const turns = points.map((p) => p.turn);
  const lastTurn = Math.max(1, turns[turns.length - 1] ?? 1);
  const W = 640;
  const H = 240;
  const pad = { l: 40, r: 16, t: 16, b: 34 };
  const x = (turn: number) => pad.l + ((W - pad.l - pad.r) * turn) / lastTurn;
  const y = (v: number) => pad.t + ((H - pad.t - pad.b) * (100 - v)) / 100;
  const uid = `debrief-${nextId++}`;

  const title = svg('title', { id: `${uid}-title` }, def.title);
  const summary = def.series
    .map((s) => {
      const first = points[0]?.meters[s.path];
      const last = points[points.length - 1]?.meters[s.path];
      return `${s.label} went from ${first} at the start to ${last} after turn ${lastTurn}`;
    })
    .join('; ');
  const desc = svg('desc', { id: `${uid}-desc` }, `${summary}. Dashed vertical lines mark turning points.`);
  const g = svg('g');
  // Axes and grid: 0, 25, 50, 75, 100.
  for (const v of [0, 25, 50, 75, 100]) {
    g.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), class: 'grid' }));
    g.append(svg('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(v)));
  }
  const step = Math.max(1, Math.ceil(lastTurn / 10));
  for (let t = 0; t <= lastTurn; t += step) g.append(svg('text', { x: x(t), y: H - pad.b + 16, 'text-anchor': 'middle', class: 'tick' }, String(t)));
  g.append(svg('text', { x: (W + pad.l) / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis' }, 'Turn'));
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
    `${def.title}, turn by turn`,
    ['Turn', ...def.series.map((s) => s.label)],
    points.map((p) => [String(p.turn), ...def.series.map((s) => String(p.meters[s.path] ?? ''))]),
    'figures',
  );
  const details = el('details', { class: 'chart-figures' }, el('summary', {}, `Figures: ${def.title}`), figures);
  return el('figure', { class: 'chart-figure' }, el('h3', { id: `${uid}-h` }, def.title), chart, legend, details);
}

const END_WORDS = (scenario: Scenario, end: GameState['end']): string => {
  if (!end) return 'The game has not ended.';
  if (end.reason === 'turns') return `The talks ran their full course: the game ended after turn ${end.turn}.`;
  if (end.reason === 'escalation') return `Escalation got out of hand: the crisis ended the game in turn ${end.turn}.`;
  return `${end.side ? sideName(scenario, end.side) : 'A leader'} lost office in turn ${end.turn}: domestic support collapsed.`;
};

const STATUS_WORDS: Record<string, string> = {
  signed: 'Signed, not yet carried out',
  implemented: 'Implemented',
  verified: 'Implemented and verified',
  broken: 'Broken',
  pending: 'Not yet carried out',
  defected: 'Defected',
};

export function mountDebrief(container: HTMLElement, input: DebriefInput): { destroy(): void } {
  const { scenario, state, players } = input;
  const outcome = outcomeOf(scenario, state);
  const name = (s: Side) => sideName(scenario, s);
  const who = (s: Side) => `${name(s)} (${players[s] === 'human' ? (state.seats.every((x) => players[x] === 'human') ? 'player' : 'you') : 'computer'})`;
  const ix = indexOf(scenario);
  const style = el('style', {}, DEBRIEF_CSS);
  // A labelled region, not <main>: the UI's own DOM layer may already have a main landmark.
  const root = el('section', { class: 'debrief', 'aria-labelledby': 'debrief-title' });

  // Header and actions.
  const printBtn = el('button', { type: 'button' }, 'Print the debrief');
  printBtn.addEventListener('click', () => window.print());
  const jsonBtn = el('button', { type: 'button' }, 'Download game log (JSON)');
  jsonBtn.addEventListener('click', () => download(`reset-${scenario.id}-seed${state.seed}.json`, gameLogJson(scenario, state), 'application/json'));
  const csvBtn = el('button', { type: 'button' }, 'Download game log (CSV)');
  csvBtn.addEventListener('click', () => download(`reset-${scenario.id}-seed${state.seed}.csv`, gameLogCsv(scenario, state), 'text/csv'));
  root.append(
    el('h1', { id: 'debrief-title', tabindex: '-1' }, `Debrief: ${textOf(scenario.title)}`),
    el('p', { class: 'lede' }, END_WORDS(scenario, outcome.end)),
    el('div', { class: 'actions', role: 'group', 'aria-label': 'Print and export' }, printBtn, jsonBtn, csvBtn),
  );

  // Outcome.
  const result = (s: Side) => (outcome.sides[s].won ? 'Succeeded' : outcome.sides[s].inOffice ? 'Fell short' : 'Lost office');
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-outcome' },
      el('h2', { id: 'debrief-outcome' }, 'Outcome'),
      table(
        'Scores by side (each side scores by its own priorities)',
        ['Side', 'Score', 'Goal', 'Result', 'Deals', 'Progress', 'Support', 'Escalation', 'Penalty'],
        state.seats.map((s) => {
          const o = outcome.sides[s];
          return [who(s), String(o.score), String(o.goal), result(s), String(o.parts.deals), String(o.parts.progress), String(o.parts.support), String(o.parts.escalation), String(o.parts.penalty)];
        }),
      ),
      el(
        'p',
        { class: 'score-parts' },
        'How a score adds up: Deals is what the concessions actually carried out gave and cost this side, weighed by its own priorities; ',
        'Progress is where the tracks stand, weighed the same way; Support is the change in support at home since the start (a point for every 5); ',
        'Escalation takes off a tenth of the final escalation risk; Penalty is −20 for losing office or for a crisis that ends the game. ',
        'A side succeeds when its score reaches its goal, unless it lost office or a crisis ended the game.',
      ),
      el(
        'p',
        { class: 'joint' },
        `Joint score: ${outcome.joint}. Negotiation is not zero-sum: both sides can gain together. `,
        `Agreements signed: ${outcome.agreements.signed}; implemented: ${outcome.agreements.implemented}; verified: ${outcome.agreements.verified}; broken: ${outcome.agreements.broken}.`,
      ),
    ),
  );

  // Agreements.
  const cardsOf = (ids: string[]) => ids.map((id) => cardTitle(scenario, id)).join('; ') || '—';
  const kept = (o: Obligation) => (o.cards.length ? `${STATUS_WORDS[o.status]}${o.delays ? `, delayed ${o.delays}×` : ''}` : 'Owed nothing');
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-agreements' },
      el('h2', { id: 'debrief-agreements' }, 'Agreements and their fate'),
      state.agreements.length
        ? table(
            'Every signed agreement',
            ['Agreement', 'Signed in turn', 'Tracks', `${name('us')} gave`, `${name('ru')} gave`, 'Fate', `${name('us')} kept it?`, `${name('ru')} kept it?`],
            state.agreements.map((a) => [
              `${a.id} (${a.format}, proposed by ${name(a.proposer)})`,
              String(a.turn),
              a.tracks.map((t) => textOf(ix.tracks.get(t)?.name) || t).join(', '),
              cardsOf(a.obligations.us.cards),
              cardsOf(a.obligations.ru.cards),
              STATUS_WORDS[a.status] ?? a.status,
              kept(a.obligations.us),
              kept(a.obligations.ru),
            ]),
          )
        : el('p', {}, 'No agreement was signed.'),
    ),
  );

  // History: in words, then track by track beside this game (both from the scenario file).
  const citation = (c: { file: string; quote?: string }) => {
    const src = scenario.sources.find((s) => s.file === c.file);
    const label = src ? `${textOf(src.title)} — ${textOf(src.author)}, ${textOf(src.date)} (${c.file})` : c.file;
    return el('li', {}, c.quote ? el('blockquote', {}, `“${c.quote}”`) : '', el('cite', {}, label));
  };
  const byTrack = historyByTrack(scenario, state);
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-history' },
      el('h2', { id: 'debrief-history' }, 'What actually happened'),
      el('p', {}, textOf(scenario.history.text)),
      el('ul', { class: 'citations' }, ...scenario.history.cite.map(citation)),
      ...(byTrack.length
        ? [
            el('h3', {}, 'Track by track'),
            table(
              'Where each track ended: this game and history',
              ['Track', 'This game', 'History', 'This game against history', 'Source'],
              byTrack.map((r) => [r.name, r.game, r.history, r.compared ? COMPARED_WORDS[r.compared] : '—', el('ul', { class: 'citations' }, ...r.cite.map(citation))]),
            ),
            el('p', {}, historySentence(byTrack)),
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
      el('h2', { id: 'debrief-meters' }, 'Meters over the turns'),
      el('div', { class: 'charts' }, ...chartDefs(scenario, paths).map((c) => lineChart(scenario, state, c))),
      el('h3', {}, 'Turning points'),
      turning.length
        ? el('ol', { class: 'turning-points' }, ...turning.map((t) => el('li', {}, el('strong', {}, `Turn ${t.turn}: `), turningPointText(scenario, t.turningPoint!))))
        : el('p', {}, 'No single change of 8 points or more: the game moved gradually.'),
    ),
  );

  // Beliefs beside the real priorities.
  if (input.beliefs) {
    const { side, estimated } = input.beliefs;
    const real = scenario.sides[side].priorities;
    root.append(
      el(
        'section',
        { 'aria-labelledby': 'debrief-beliefs' },
        el('h2', { id: 'debrief-beliefs' }, `What the computer believed ${name(side)} wanted`),
        table(
          `The computer's estimate of ${possessive(name(side))} priorities beside the real ones (0–10)`,
          ['Track', 'Computer believed', 'Real priority', 'Difference'],
          scenario.tracks.map((t) => {
            const e = estimated[t.id];
            const r = real[t.id] ?? 0;
            return [textOf(t.name), e === undefined ? '—' : e.toFixed(1), String(r), e === undefined ? '—' : (e - r >= 0 ? '+' : '') + (e - r).toFixed(1)];
          }),
        ),
      ),
    );
  }

  // Ledger by turn: long (hundreds of rows), so it is last and folded; paper gets it only when it is open.
  const byTurn = new Map<number, LedgerEntry[]>();
  for (const t of state.history) if (t.ledger.length) byTurn.set(t.turn, [...t.ledger]);
  const changes = [...byTurn.values()].reduce((n, entries) => n + entries.length, 0);
  root.append(
    el(
      'section',
      { 'aria-labelledby': 'debrief-ledger', class: 'ledger' },
      el('h2', { id: 'debrief-ledger' }, 'The ledger: every meter change and its cause'),
      el('p', { class: 'ledger-note' }, 'Open the ledger before printing to include it in the print-out.'),
      el(
        'details',
        {},
        el('summary', {}, `Show the ledger: ${changes} changes over ${byTurn.size} turns`),
        ...[...byTurn].map(([turn, entries]) =>
          el(
            'section',
            { class: 'ledger-turn', 'aria-label': turn === 0 ? 'Start' : `Turn ${turn}` },
            el('h3', {}, turn === 0 ? 'Start' : `Turn ${turn}`),
            table(
              `Meter changes in ${turn === 0 ? 'the start' : `turn ${turn}`}`,
              ['Meter', 'Change', 'Now', 'Cause', 'Source'],
              entries.map((e) => [meterLabel(scenario, e.meter), (e.delta > 0 ? '+' : '') + e.delta, String(e.value), e.cause, e.cite ?? '']),
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
