// The class debrief on one projector screen: every table's deal as a labelled point against the Pareto
// frontier, the Nash point, no deal and what really happened; the same figures as a table; one sentence
// for the class. It draws the server's Debrief and decides nothing.
import { el, svg } from '../../ui/dom/el';
import { PALETTE } from '../../ui/debrief/debrief';
import type { Debrief, DebriefTable } from '../protocol';

// Okabe–Ito (PALETTE): blue tables, vermillion history, black Nash; every mark also differs in shape and has a text label.
const TABLE = PALETTE[0];
const HISTORY = PALETTE[1];
const NASH = PALETTE[6];
const FRONTIER = PALETTE[2];

export const CLASS_DEBRIEF_CSS = `
.class-debrief { color: #111; background: #fff; font: 17px/1.4 system-ui, "Segoe UI", Roboto, sans-serif; }
.class-debrief .reading { font-size: 1.1em; font-weight: 600; margin: 0 0 8px; }
.class-debrief .layout { display: grid; grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr); gap: 18px; align-items: start; }
@media (max-width: 900px) { .class-debrief .layout { grid-template-columns: 1fr; } }
.class-debrief figure { margin: 0; }
.class-debrief figcaption { font-weight: 600; margin: 0 0 2px; }
.class-debrief .scatter { width: 100%; height: auto; max-height: 560px; display: block; }
.class-debrief .scatter text { font-family: inherit; }
.class-debrief .scatter .grid { stroke: #e2e2e2; stroke-width: 1; }
.class-debrief .scatter .zero { stroke: #888; stroke-width: 1.2; stroke-dasharray: 4 3; }
.class-debrief .scatter .tick { font-size: 14px; fill: #333; }
.class-debrief .scatter .axis { font-size: 15px; font-weight: 600; fill: #111; }
.class-debrief .scatter .mark-label { font-size: 15px; font-weight: 700; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.class-debrief .scatter .frontier-label { font-size: 14px; font-weight: 600; fill: #00573f; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
.class-debrief .legend { list-style: none; padding: 0; margin: 2px 0 0; display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: .85em; }
.class-debrief .legend svg { vertical-align: middle; margin-right: 4px; }
.class-debrief .note { font-size: .88em; color: #333; margin: 6px 0 0; }
.class-debrief table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: .92em; }
.class-debrief caption { text-align: left; font-weight: 600; padding: 0 0 2px; }
.class-debrief th, .class-debrief td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
.class-debrief td, .class-debrief tbody th { white-space: nowrap; }
.class-debrief thead th { background: #eef3f7; font-size: .92em; }
.class-debrief td.num { text-align: right; }
.class-debrief tbody.reference th, .class-debrief tbody.reference td { background: #f6f6f6; font-style: italic; }
.class-debrief .history-note { font-size: .9em; margin: 8px 0 0; }
.class-debrief .history-note cite { font-style: normal; color: #333; }
.class-debrief details summary { cursor: pointer; font-weight: 600; margin: 8px 0 2px; color: #003d63; }
.class-debrief details summary:focus-visible { outline: 3px solid #111; outline-offset: 2px; }
.class-debrief details li { margin: 2px 0; }
@media print { .class-debrief details:not([open]) { display: none; } }
`;


/** One decimal, no "-0.0". */
export const fmt = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return (Object.is(r, -0) ? 0 : r).toFixed(1);
};

/** "Table 1", "Tables 1 and 3", "Tables 1, 2 and 4". */
export function tablesInWords(rows: Pick<DebriefTable, 'label' | 'table'>[], capital = true): string {
  const n = rows.map((r) => String(r.table + 1));
  const word = rows.length === 1 ? 'Table' : 'Tables';
  const list = n.length <= 1 ? n.join('') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
  return `${capital ? word : word.toLowerCase()} ${list}`;
}

const EPS = 1e-6;
/** Both sides got at least as much as at `p`, and one got more. */
const beats = (t: { us: number; ru: number }, p: { us: number; ru: number }) => t.us >= p.us - EPS && t.ru >= p.ru - EPS && (t.us > p.us + EPS || t.ru > p.ru + EPS);

/** The sentence for the class: who came closest to the frontier, who left better deals on the table, how history compares. */
export function readingOf(d: Debrief): string {
  if (d.tables.length === 0) return 'No table played.';
  if (d.tables.length === 1) return readingOfOne(d, d.tables[0]);
  const parts: string[] = [];
  const best = Math.min(...d.tables.map((t) => t.distance));
  const closest = d.tables.filter((t) => Math.abs(t.distance - best) < 0.005);
  const missed = d.tables.filter((t) => t.bothCouldGain > 0);
  if (best < 0.005) parts.push(`${tablesInWords(closest)} reached the frontier`);
  else parts.push(`${tablesInWords(closest)} came closest to the frontier (${fmt(best)} away)`);
  if (missed.length) {
    const most = missed.reduce((a, b) => (b.bothCouldGain > a.bothCouldGain ? b : a));
    const rest = d.tables.length - closest.length;
    const who =
      missed.length === d.tables.length && missed.length > 1
        ? 'every table'
        : missed.length === rest && missed.length > 3 && missed.every((t) => !closest.includes(t))
          ? `the other ${rest} tables`
          : tablesInWords(missed, false);
    const gain = `+${fmt(most.bothCouldGain)} for each side`;
    parts.push(`${who} left deals both sides preferred on the table${missed.length > 1 ? `, ${most.label.toLowerCase()} the most (${gain})` : ` (${gain})`}`);
  }
  let text = parts.join('; ') + '.';
  const none = d.tables.filter((t) => Math.abs(t.us - d.disagreement.us) < EPS && Math.abs(t.ru - d.disagreement.ru) < EPS);
  if (none.length) text += ` ${tablesInWords(none)} carried out no deal.`;
  if (d.historical) {
    const better = d.tables.filter((t) => beats(t, d.historical!));
    text += ` ${better.length === 0 ? 'No table' : better.length === d.tables.length ? (d.tables.length === 1 ? 'The table' : 'Every table') : `${better.length} of ${d.tables.length} tables`} beat what really happened for both sides.`;
  }
  return text;
}

/** One table has nothing to be compared with ("table 1 came closest"): where it ended, what it missed, history. */
function readingOfOne(d: Debrief, t: DebriefTable): string {
  let text = t.distance < 0.005 ? `${t.label} reached the frontier` : `${t.label} ended ${fmt(t.distance)} from the frontier`;
  text += t.bothCouldGain > 0 ? `; a deal both sides preferred was on the table (+${fmt(t.bothCouldGain)} for each side).` : '.';
  if (Math.abs(t.us - d.disagreement.us) < EPS && Math.abs(t.ru - d.disagreement.ru) < EPS) text += ' It carried out no deal.';
  if (d.historical) text += beats(t, d.historical) ? ' It beat what really happened for both sides.' : ' It did not beat what really happened for both sides.';
  return text;
}

// ------------------------------------------------------------------ the chart

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Nice tick step for a range: 1, 2 or 5 times a power of ten, about `count` ticks. */
function tickStep(range: number, count: number): number {
  const raw = range / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

interface Mark {
  us: number;
  ru: number;
  label: string;
  kind: 'table' | 'nash' | 'history' | 'none';
}

function scatter(d: Debrief, uid: string): SVGElement {
  const W = 640;
  const H = 430;
  const pad = { l: 56, r: 18, t: 14, b: 48 };
  const { us: usName, ru: ruName } = d.sides;

  // Tables at the same point share one mark: "Tables 1, 3".
  const groups = new Map<string, DebriefTable[]>();
  for (const t of d.tables) {
    const k = `${fmt(t.us)},${fmt(t.ru)}`;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const marks: Mark[] = [];
  const noDeal = d.disagreement;
  const atNoDeal = [...groups.values()].find((g) => Math.abs(g[0].us - noDeal.us) < EPS && Math.abs(g[0].ru - noDeal.ru) < EPS);
  if (!atNoDeal) marks.push({ ...noDeal, label: 'No deal', kind: 'none' });
  if (d.nash) marks.push({ us: d.nash.us, ru: d.nash.ru, label: 'Nash point', kind: 'nash' });
  if (d.historical) marks.push({ us: d.historical.us, ru: d.historical.ru, label: 'History', kind: 'history' });
  for (const g of groups.values()) marks.push({ us: g[0].us, ru: g[0].ru, label: tablesInWords(g) + (g === atNoDeal ? ' (no deal)' : ''), kind: 'table' });

  // What to show: every mark, and the part of the frontier where both sides do at least as well as with no deal.
  const rational = d.frontier.filter((p) => p.us >= noDeal.us - EPS && p.ru >= noDeal.ru - EPS);
  const pts = [...marks, ...(rational.length ? [rational[0], rational[rational.length - 1]] : d.frontier)];
  let [x0, x1] = [Math.min(...pts.map((p) => p.us)), Math.max(...pts.map((p) => p.us))];
  let [y0, y1] = [Math.min(...pts.map((p) => p.ru)), Math.max(...pts.map((p) => p.ru))];
  const mx = Math.max(2, (x1 - x0) * 0.1);
  const my = Math.max(2, (y1 - y0) * 0.1);
  const sx = tickStep(x1 - x0 + 2 * mx, 6);
  const sy = tickStep(y1 - y0 + 2 * my, 6);
  x0 = Math.floor((x0 - mx) / sx) * sx;
  x1 = Math.ceil((x1 + mx) / sx) * sx;
  y0 = Math.floor((y0 - my) / sy) * sy;
  y1 = Math.ceil((y1 + my) / sy) * sy;
  const X = (v: number) => pad.l + ((W - pad.l - pad.r) * (v - x0)) / (x1 - x0);
  const Y = (v: number) => H - pad.b - ((H - pad.t - pad.b) * (v - y0)) / (y1 - y0);

  const g = svg('g');
  // The deals possible lie under the frontier: shaded first, so the grid stays visible on top.
  const clip = `${uid}-clip`;
  const defs = svg('defs', {}, svg('clipPath', { id: clip }, svg('rect', { x: pad.l, y: pad.t, width: W - pad.l - pad.r, height: H - pad.t - pad.b })));
  const f = d.frontier;
  if (f.length) {
    const bottom = Y(Math.min(y0, ...f.map((p) => p.ru))) + 10;
    const left = X(Math.min(x0, ...f.map((p) => p.us))) - 10;
    const under = [`M${left},${Y(f[0].ru).toFixed(1)}`, ...f.map((p) => `L${X(p.us).toFixed(1)},${Y(p.ru).toFixed(1)}`), `L${X(f[f.length - 1].us).toFixed(1)},${bottom}`, `L${left},${bottom} Z`];
    g.append(svg('path', { d: under.join(' '), fill: '#e3f1ea', class: 'feasible', 'clip-path': `url(#${clip})` }));
  }
  for (let v = x0; v <= x1 + EPS; v += sx) {
    g.append(svg('line', { x1: X(v), x2: X(v), y1: pad.t, y2: H - pad.b, class: Math.abs(v) < EPS ? 'zero' : 'grid' }));
    g.append(svg('text', { x: X(v), y: H - pad.b + 18, 'text-anchor': 'middle', class: 'tick' }, fmtTick(v)));
  }
  for (let v = y0; v <= y1 + EPS; v += sy) {
    g.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: Y(v), y2: Y(v), class: Math.abs(v) < EPS ? 'zero' : 'grid' }));
    g.append(svg('text', { x: pad.l - 6, y: Y(v) + 5, 'text-anchor': 'end', class: 'tick' }, fmtTick(v)));
  }
  g.append(svg('text', { x: (pad.l + W - pad.r) / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis' }, `Worth to ${usName} →`));
  g.append(svg('text', { x: 16, y: (pad.t + H - pad.b) / 2, 'text-anchor': 'middle', class: 'axis', transform: `rotate(-90 16 ${(pad.t + H - pad.b) / 2})` }, `Worth to ${ruName} →`));

  // The frontier, clipped to the plot: a line through its packages.
  if (f.length) {
    const line = f.map((p, i) => `${i ? 'L' : 'M'}${X(p.us).toFixed(1)},${Y(p.ru).toFixed(1)}`).join(' ');
    g.append(svg('path', { d: line, fill: 'none', stroke: FRONTIER, 'stroke-width': 3, class: 'frontier', 'clip-path': `url(#${clip})` }));
  }

  // Marks, then labels placed where they hide neither a mark nor another label.
  const radius = (m: Mark) => (m.kind === 'nash' ? 13 : m.kind === 'history' ? 13 : 8);
  const placed: Box[] = marks.map((m) => ({ x: X(m.us) - radius(m), y: Y(m.ru) - radius(m), w: 2 * radius(m), h: 2 * radius(m) }));
  const area: Box = { x: pad.l, y: pad.t, w: W - pad.l - pad.r, h: H - pad.t - pad.b };
  // Drawn bottom to top: a table inside the Nash diamond, the history star over a table that matched it.
  const layer = { none: 0, nash: 1, table: 2, history: 3 } as const;
  const order = [...marks].sort((a, b) => layer[a.kind] - layer[b.kind]);
  for (const m of order) g.append(markShape(m, X(m.us), Y(m.ru), { 'data-label': m.label }));
  // The frontier's own label, at its most upper-left point inside the plot.
  const inside = d.frontier.filter((p) => X(p.us) >= pad.l + 4 && Y(p.ru) >= pad.t + 4 && X(p.us) <= W - pad.r && Y(p.ru) <= H - pad.b);
  const labels: SVGElement[] = [];
  const anchorFrontier = inside[0];
  if (anchorFrontier) {
    const text = 'Pareto frontier';
    const w = text.length * 7.6;
    const cand: Box[] = [
      { x: X(anchorFrontier.us) + 8, y: Y(anchorFrontier.ru) - 22, w, h: 18 },
      { x: X(anchorFrontier.us) + 8, y: Y(anchorFrontier.ru) + 4, w, h: 18 },
    ];
    const b = cand.find((c) => !placed.some((p) => overlaps(p, c)) && c.x + c.w <= W - pad.r && c.y >= pad.t) ?? cand[0];
    placed.push(b);
    labels.push(svg('text', { x: b.x, y: b.y + 14, class: 'frontier-label' }, text));
  }
  for (const m of order) {
    const cx = X(m.us);
    const cy = Y(m.ru);
    const w = m.label.length * 8.6 + 4;
    const h = 18;
    // Clear of the largest mark drawn at this point (a table at the Nash point sits inside its diamond).
    const o = Math.max(...marks.filter((n) => Math.abs(X(n.us) - cx) < 1 && Math.abs(Y(n.ru) - cy) < 1).map(radius)) + 3;
    const cand: Box[] = [
      { x: cx + o, y: cy - h / 2, w, h },
      { x: cx - o - w, y: cy - h / 2, w, h },
      { x: cx - w / 2, y: cy - o - h, w, h },
      { x: cx - w / 2, y: cy + o, w, h },
      { x: cx + o - 2, y: cy - o - h + 4, w, h },
      { x: cx + o - 2, y: cy + o - 4, w, h },
      { x: cx - o + 2 - w, y: cy - o - h + 4, w, h },
      { x: cx - o + 2 - w, y: cy + o - 4, w, h },
    ];
    const fits = (c: Box) => c.x >= area.x && c.x + c.w <= area.x + area.w && c.y >= area.y && c.y + c.h <= area.y + area.h;
    const b = cand.find((c) => fits(c) && !placed.some((p) => overlaps(p, c))) ?? cand.find(fits) ?? cand[0];
    placed.push(b);
    labels.push(svg('text', { x: b.x + 2, y: b.y + 14, class: 'mark-label' }, m.label));
  }
  g.append(...labels);

  const title = svg('title', { id: `${uid}-title` }, `Each table's deal against the Pareto frontier: worth to ${usName} across, worth to ${ruName} up`);
  const desc = svg('desc', { id: `${uid}-desc` }, describe(d));
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'scatter' }, title, desc, defs, g);
}

const fmtTick = (v: number) => (Math.abs(v) < EPS ? '0' : Number.isInteger(v) ? String(v) : v.toFixed(1));

function markShape(m: Mark, cx: number, cy: number, extra: Record<string, string> = {}): SVGElement {
  const shape = markOf(m, cx, cy);
  for (const [k, v] of Object.entries(extra)) shape.setAttribute(k, v);
  return shape;
}

function markOf(m: Mark, cx: number, cy: number): SVGElement {
  switch (m.kind) {
    case 'table':
      return svg('circle', { cx, cy, r: 7.5, fill: TABLE, stroke: '#fff', 'stroke-width': 2, class: 'mark table-mark' });
    case 'nash':
      // Larger than a table's dot, so a table that reached the Nash point shows inside the diamond.
      return svg('path', { d: `M${cx},${cy - 12} L${cx + 12},${cy} L${cx},${cy + 12} L${cx - 12},${cy} Z`, fill: NASH, stroke: '#fff', 'stroke-width': 1.5, class: 'mark nash-mark' });
    case 'history':
      // Its points reach past a table's dot, so history stays visible where a table matched it.
      return svg('path', { d: star(cx, cy, 14, 6.5), fill: HISTORY, stroke: '#fff', 'stroke-width': 1.5, class: 'mark history-mark' });
    case 'none':
      return svg('circle', { cx, cy, r: 6.5, fill: '#fff', stroke: '#111', 'stroke-width': 2.5, class: 'mark none-mark' });
  }
}

function star(cx: number, cy: number, R: number, r: number): string {
  const p: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rad = i % 2 ? r : R;
    p.push(`${(cx + rad * Math.cos(a)).toFixed(1)},${(cy + rad * Math.sin(a)).toFixed(1)}`);
  }
  return `M${p.join(' L')} Z`;
}

/** The chart in words, for a screen reader. */
function describe(d: Debrief): string {
  const { us, ru } = d.sides;
  const pt = (p: { us: number; ru: number }) => `${us} ${fmt(p.us)}, ${ru} ${fmt(p.ru)}`;
  const parts = d.tables.map((t) => `${t.label} at ${pt(t)}, ${t.onFrontier ? 'on the frontier' : `${fmt(t.distance)} from the frontier`}`);
  if (d.nash) parts.push(`the Nash point at ${pt(d.nash)}`);
  if (d.historical) parts.push(`what happened in history at ${pt(d.historical)}`);
  parts.push(`no deal at ${pt(d.disagreement)}`);
  return `${parts.join('; ')}. The frontier line joins the packages no other package beats for both sides.`;
}

function legend(d: Debrief): HTMLElement {
  const item = (shape: SVGElement, text: string) => el('li', {}, svg('svg', { width: 22, height: 22, viewBox: '-4 -4 30 30', 'aria-hidden': 'true' }, shape), text);
  return el(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    item(markShape({ us: 0, ru: 0, label: '', kind: 'table' }, 11, 11), 'a table’s deal'),
    item(svg('line', { x1: 1, x2: 21, y1: 11, y2: 11, stroke: FRONTIER, 'stroke-width': 3 }), 'Pareto frontier'),
    d.nash ? item(markShape({ us: 0, ru: 0, label: '', kind: 'nash' }, 11, 11), 'Nash point') : null,
    d.historical ? item(markShape({ us: 0, ru: 0, label: '', kind: 'history' }, 11, 11), 'what happened') : null,
    item(markShape({ us: 0, ru: 0, label: '', kind: 'none' }, 11, 11), 'no deal'),
  );
}

// ------------------------------------------------------------------ the table

function figuresTable(d: Debrief): HTMLTableElement {
  const th = (text: string, attrs: Record<string, string> = {}) => el('th', { scope: 'col', ...attrs }, text);
  const num = (x: number) => el('td', { class: 'num' }, fmt(x));
  const row = (head: string, cells: HTMLElement[], attrs: Record<string, string> = {}) => el('tr', attrs, el('th', { scope: 'row' }, head), ...cells);
  const dash = () => el('td', { class: 'num' }, '–');
  return el(
    'table',
    { class: 'figures' },
    el('caption', {}, 'Each table’s deal, by worth to each side'),
    el(
      'thead',
      {},
      el('tr', {}, th('Table'), th(d.sides.us), th(d.sides.ru), th('Joint'), th('Signed (kept)'), th('To frontier'), th('Both could gain')),
    ),
    el(
      'tbody',
      {},
      ...d.tables.map((t) =>
        row(t.label, [
          num(t.us),
          num(t.ru),
          num(t.joint),
          el('td', { class: 'num' }, `${t.agreements} (${t.implemented})`),
          el('td', { class: 'num' }, t.onFrontier ? 'on it' : fmt(t.distance)),
          el('td', { class: 'num' }, t.bothCouldGain > 0 ? `+${fmt(t.bothCouldGain)} each` : 'no'),
        ]),
      ),
    ),
    el(
      'tbody',
      { class: 'reference' },
      d.nash ? row('Nash point', [num(d.nash.us), num(d.nash.ru), num(d.nash.us + d.nash.ru), dash(), el('td', { class: 'num' }, 'on it'), dash()]) : null,
      d.historical ? row('What happened', [num(d.historical.us), num(d.historical.ru), num(d.historical.us + d.historical.ru), dash(), dash(), dash()]) : null,
    ),
  );
}

// ------------------------------------------------------------------ the screen

let nextId = 0;

/** Draw the class debrief into `container`, replacing what was there. */
export function renderClassDebrief(container: HTMLElement, debrief: Debrief): void {
  const uid = `class-debrief-${nextId++}`;
  const d = debrief;
  const figure = el(
    'figure',
    { 'aria-labelledby': `${uid}-cap` },
    el('figcaption', { id: `${uid}-cap` }, `Deals against the Pareto frontier — ${d.scenario.title}`),
    scatter(d, uid),
    legend(d),
  );
  const missed = d.tables.filter((t) => t.missed);
  const varied = d.tables.filter((t) => (t.briefs ?? []).length > 0);
  const side = el(
    'div',
    { class: 'figures-side' },
    figuresTable(d),
    el(
      'p',
      { class: 'note' },
      `Worth is what the concessions each table carried out would bring each side's score as one package, signed, carried out and verified from the start: the concessions by its own hidden priorities, the progress they make on the tracks, what they cost and win at home, and escalation — the measure the frontier is drawn in. The game score is what the whole game brought.`,
    ),
    d.historical
      ? el(
          'p',
          { class: 'history-note' },
          d.historical.label.replace(/ \([^()]*\.txt[^()]*\)$/, ''),
          '. ',
          el('cite', {}, `Sources: ${[...new Set(d.historical.cite.map((c) => c.file))].join(', ')}`),
          '.',
        )
      : null,
    missed.length
      ? el(
          'details',
          {},
          el('summary', {}, 'Deals both sides would have preferred'),
          el('ul', {}, ...missed.map((t) => el('li', {}, el('strong', {}, `${t.label}: `), `${t.missed!.summary} (${d.sides.us} ${fmt(t.missed!.us)}, ${d.sides.ru} ${fmt(t.missed!.ru)})`))),
        )
      : null,
    // With varied briefs each table had its own hidden priorities and red lines: the class sees what each table's were.
    varied.length
      ? el(
          'details',
          { class: 'varied-briefs', open: true },
          el('summary', {}, 'How each table’s briefs were varied'),
          el('p', { class: 'note' }, 'Each table was scored by its own briefs; the frontier is drawn from the scenario file’s.'),
          el('ul', {}, ...varied.map((t) => el('li', {}, el('strong', {}, `${t.label}: `), `${t.briefs.join('; ')}.`))),
        )
      : null,
  );
  const root = el(
    'section',
    { class: 'class-debrief', 'aria-label': `Class debrief: ${d.scenario.title}` },
    el('style', {}, CLASS_DEBRIEF_CSS),
    el('p', { class: 'reading' }, readingOf(d)),
    el('div', { class: 'layout' }, figure, side),
  );
  container.replaceChildren(root);
}
