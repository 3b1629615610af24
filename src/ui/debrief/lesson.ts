// What a finished game teaches: each side's real priorities and red lines (revealed only once the game is over)
// beside what the players' offers assumed, the packages both sides would have preferred to the deal carried out,
// in sentences, and where the deal stands against the frontier and the Nash point, drawn. The worth of every package
// comes from the deal analysis (src/ai/analysis.ts), the same as `npm run analyze`.
import { indexOf, otherSide, outcomeOf as outcomeOfState, textOf, type GameState, type Language, type Scenario, type Side } from '../../engine';
import type { ScenarioAnalysis, ScenarioDeal } from '../../ai/analysis';
import { el, svg } from '../dom/el';
import { wordsFor } from '../i18n';
import { cardLabel, sideLabel } from '../labels';

/** How many cards each side put on the table for the other (given in its proposals and counters), track by track. */
export function offersByTrack(scenario: Scenario, state: GameState): Record<Side, Record<string, number>> {
  const ix = indexOf(scenario);
  const out = Object.fromEntries(state.seats.map((s) => [s, Object.fromEntries(scenario.tracks.map((t) => [t.id, 0]))])) as Record<Side, Record<string, number>>;
  for (const t of state.history)
    for (const m of t.moves) {
      if (m.type !== 'propose' && m.type !== 'counter') continue;
      for (const id of m.give) {
        const track = ix.cards.get(id)?.track;
        if (track && track in out[m.side]) out[m.side][track]++;
      }
    }
  return out;
}

/** How many times `side` asked the other side for `card` (in its proposals and counters). */
export function timesAskedFor(state: GameState, side: Side, card: string): number {
  let n = 0;
  for (const t of state.history) for (const m of t.moves) if ((m.type === 'propose' || m.type === 'counter') && m.side === side && m.ask.includes(card)) n++;
  return n;
}

export interface MissedDeal {
  deal: ScenarioDeal;
  /** What it would have brought each side beyond the deal carried out. */
  gain: Record<Side, number>;
}

/** The packages better for both sides than the one carried out (the analysis' `missed`), each with its gain per side. */
export function missedDeals(analysis: ScenarioAnalysis): MissedDeal[] {
  const g = analysis.game;
  if (!g) return [];
  return g.missed.map((deal) => ({ deal, gain: Object.fromEntries(analysis.seats.map((s) => [s, deal.worth[s] - g.delivered.worth[s]])) as Record<Side, number> }));
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/**
 * "United States also giving A and Russia also giving B would have given United States +4.0 and Russia +3.0, beyond
 * the deal carried out": the missed package told as its difference from the deal carried out.
 */
export function missedDealSentence(scenario: Scenario, m: MissedDeal, delivered: ScenarioDeal, name: (s: Side) => string, lang: Language = 'en'): string {
  const w = wordsFor(lang).debrief.missedDeals;
  const list = wordsFor(lang).debrief.historySentence.list;
  const cards = (ids: string[]) => list(ids.map((id) => cardLabel(scenario, id, lang)));
  const issueOf = (id: string) => indexOf(scenario).cards.get(id)?.issue;
  const parts: string[] = [];
  for (const s of scenario.seats) {
    let more = m.deal.gives[s].filter((id) => !delivered.gives[s].includes(id));
    let fewer = delivered.gives[s].filter((id) => !m.deal.gives[s].includes(id));
    // Another option of the same issue: "X instead of Y".
    for (const id of [...more]) {
      const other = fewer.find((f) => issueOf(f) !== undefined && issueOf(f) === issueOf(id));
      if (!other) continue;
      parts.push(w.instead(name(s), cardLabel(scenario, id, lang), cardLabel(scenario, other, lang)));
      more = more.filter((x) => x !== id);
      fewer = fewer.filter((x) => x !== other);
    }
    if (more.length) parts.push(w.gives(name(s), cards(more)));
    if (fewer.length) parts.push(w.keeps(name(s), cards(fewer)));
  }
  const terms = w.terms(parts);
  const multilateral = m.deal.format === 'multilateral' && delivered.format !== 'multilateral' ? wordsFor(lang).debrief.deal.multilateral : '';
  return w.sentence(`${terms}${multilateral}`, list(scenario.seats.map((s) => w.gain(signed(m.gain[s]), name(s)))));
}

/** Both sides' real priorities and red lines, beside the cards each side offered the other; only for a game that is over. */
export function wantedSection(scenario: Scenario, state: GameState, lang: Language, who: (s: Side) => string, extra: HTMLElement[] = []): HTMLElement {
  const w = wordsFor(lang).debrief.wanted;
  const [first, second] = state.seats;
  const name = (s: Side) => sideLabel(scenario, s, lang);
  const offers = offersByTrack(scenario, state);
  const trackName = (id: string) => textOf(indexOf(scenario).tracks.get(id)?.name, lang) || id;
  const top = (record: Record<string, number>) => Object.entries(record).reduce<[string, number] | null>((m, e) => (!m || e[1] > m[1] ? e : m), null);
  const head = w.head(name(first), name(second));
  const rows = scenario.tracks.map((t) => [
    textOf(t.name, lang),
    String(scenario.sides[first].priorities[t.id] ?? 0),
    String(scenario.sides[second].priorities[t.id] ?? 0),
    String(offers[first][t.id]),
    String(offers[second][t.id]),
  ]);
  const aims = state.seats.map((s) => {
    const other = otherSide(state.seats, s);
    const mostOffered = top(offers[s]);
    const theirTop = top(scenario.sides[other].priorities)?.[0] ?? '';
    return el('li', {}, mostOffered && mostOffered[1] > 0 ? w.aimed(who(s), trackName(mostOffered[0]), name(other), trackName(theirTop)) : w.offeredNothing(who(s), name(other), trackName(theirTop)));
  });
  const redLines = state.seats.flatMap((s) => {
    const lines = scenario.sides[s].redLines;
    const other = otherSide(state.seats, s);
    if (!lines.length) return [el('li', {}, w.noRedLines(name(s)))];
    return lines.map((r) => el('li', {}, w.redLine(name(s), cardLabel(scenario, r.card, lang), textOf(r.why, lang)), w.askedFor(name(other), timesAskedFor(state, other, r.card))));
  });
  const briefs = state.seats.map((s) => el('details', { class: 'brief' }, el('summary', {}, w.briefOf(name(s))), el('p', {}, textOf(scenario.sides[s].brief, lang))));
  const table = el(
    'table',
    { class: 'priorities' },
    el('caption', {}, w.caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r[0]), ...r.slice(1).map((c) => el('td', {}, c))))),
  );
  return el(
    'section',
    { 'aria-labelledby': 'debrief-wanted' },
    el('h2', { id: 'debrief-wanted' }, w.heading),
    el('p', {}, w.intro),
    table,
    el('ul', { class: 'aims' }, ...aims),
    el('h3', {}, w.redLinesHeading),
    el('ul', { class: 'red-lines' }, ...redLines),
    ...briefs,
    ...extra,
  );
}

/** The missed deals in sentences (or that there were none), and the deal space drawn. */
export function missedDealsSection(scenario: Scenario, analysis: ScenarioAnalysis, name: (s: Side) => string, lang: Language): HTMLElement {
  const w = wordsFor(lang).debrief.missedDeals;
  const missed = missedDeals(analysis);
  return el(
    'section',
    { 'aria-labelledby': 'debrief-missed' },
    el('h2', { id: 'debrief-missed' }, w.heading),
    missed.length ? el('ul', { class: 'missed-deals' }, ...missed.map((m) => el('li', {}, missedDealSentence(scenario, m, analysis.game!.delivered, name, lang)))) : el('p', { class: 'missed-none' }, w.none),
    dealSpacePlot(scenario, analysis, lang),
  );
}

/** Every small package, the Pareto frontier, the Nash point, no deal and this game's deal, by their worth to each side. */
export function dealSpacePlot(scenario: Scenario, analysis: ScenarioAnalysis, lang: Language): HTMLElement {
  const w = wordsFor(lang).debrief.missedDeals;
  const [a, b] = scenario.seats;
  const name = (s: Side) => sideLabel(scenario, s, lang);
  const game = analysis.game?.delivered.worth;
  const pts: Record<Side, number>[] = [...analysis.cloud, ...analysis.frontier.map((d) => d.worth), analysis.disagreement, ...(game ? [game] : [])];
  const xs = pts.map((p) => p[a]);
  const ys = pts.map((p) => p[b]);
  const pad = (lo: number, hi: number) => {
    const span = Math.max(1, hi - lo);
    return [lo - span * 0.06, hi + span * 0.06];
  };
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const W = 640;
  const H = 400;
  const m = { l: 56, r: 20, t: 16, b: 44 };
  const X = (v: number) => m.l + ((W - m.l - m.r) * (v - x0)) / (x1 - x0);
  const Y = (v: number) => m.t + ((H - m.t - m.b) * (y1 - v)) / (y1 - y0);
  const g = svg('g');
  // Axes through no deal's worth (each side's reservation), ticks at round numbers.
  const step = (lo: number, hi: number) => [1, 2, 5, 10, 20, 50].find((s) => (hi - lo) / s <= 8) ?? 100;
  for (let v = Math.ceil(x0 / step(x0, x1)) * step(x0, x1); v <= x1; v += step(x0, x1)) {
    g.append(svg('line', { x1: X(v), x2: X(v), y1: m.t, y2: H - m.b, class: 'grid' }));
    g.append(svg('text', { x: X(v), y: H - m.b + 16, 'text-anchor': 'middle', class: 'tick' }, String(v)));
  }
  for (let v = Math.ceil(y0 / step(y0, y1)) * step(y0, y1); v <= y1; v += step(y0, y1)) {
    g.append(svg('line', { x1: m.l, x2: W - m.r, y1: Y(v), y2: Y(v), class: 'grid' }));
    g.append(svg('text', { x: m.l - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(v)));
  }
  g.append(svg('text', { x: (W + m.l) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis' }, name(a)));
  g.append(svg('text', { x: 14, y: (H - m.b) / 2, 'text-anchor': 'middle', class: 'axis', transform: `rotate(-90 14 ${(H - m.b) / 2})` }, name(b)));
  for (const p of analysis.cloud) g.append(svg('circle', { cx: X(p[a]), cy: Y(p[b]), r: 2.5, class: 'cloud' }));
  const frontier = [...analysis.frontier].sort((p, q) => p.worth[a] - q.worth[a]);
  if (frontier.length) {
    g.append(svg('path', { d: frontier.map((d, i) => `${i ? 'L' : 'M'}${X(d.worth[a]).toFixed(1)},${Y(d.worth[b]).toFixed(1)}`).join(' '), class: 'frontier' }));
    for (const d of frontier) g.append(svg('circle', { cx: X(d.worth[a]), cy: Y(d.worth[b]), r: 3.5, class: 'frontier-point' }));
  }
  const d0 = analysis.disagreement;
  g.append(svg('path', { d: `M${X(d0[a]) - 6},${Y(d0[b]) - 6} L${X(d0[a]) + 6},${Y(d0[b]) + 6} M${X(d0[a]) - 6},${Y(d0[b]) + 6} L${X(d0[a]) + 6},${Y(d0[b]) - 6}`, class: 'no-deal' }));
  if (analysis.nash) {
    const n = analysis.nash.worth;
    g.append(svg('path', { d: `M${X(n[a])},${Y(n[b]) - 8} L${X(n[a]) + 8},${Y(n[b])} L${X(n[a])},${Y(n[b]) + 8} L${X(n[a]) - 8},${Y(n[b])} Z`, class: 'nash' }));
  }
  if (game) g.append(svg('rect', { x: X(game[a]) - 6, y: Y(game[b]) - 6, width: 12, height: 12, class: 'game-point' }));
  const at = (p: Record<Side, number> | undefined) => (p ? `(${p[a].toFixed(1)}, ${p[b].toFixed(1)})` : w.noNash);
  const uid = 'debrief-space';
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'chart deal-space' },
    svg('title', { id: `${uid}-title` }, w.plot),
    svg('desc', { id: `${uid}-desc` }, w.plotDesc(name(a), name(b), at(game), at(analysis.nash?.worth), (analysis.game?.distanceToFrontier ?? 0).toFixed(1))),
    g,
  );
  const key = (cls: string, shape: SVGElement, label: string) => el('li', { class: cls }, svg('svg', { width: 16, height: 16, viewBox: '-8 -8 16 16' }, shape), ` ${label}`);
  const legend = el(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    key('l-cloud', svg('circle', { r: 3, class: 'cloud' }), w.legendCloud),
    key('l-frontier', svg('circle', { r: 4, class: 'frontier-point' }), w.legendFrontier),
    key('l-nash', svg('path', { d: 'M0,-7 L7,0 L0,7 L-7,0 Z', class: 'nash' }), w.legendNash),
    key('l-game', svg('rect', { x: -6, y: -6, width: 12, height: 12, class: 'game-point' }), w.legendGame),
    key('l-none', svg('path', { d: 'M-5,-5 L5,5 M-5,5 L5,-5', class: 'no-deal' }), w.legendNoDeal),
  );
  return el('figure', { class: 'chart-figure deal-space-figure' }, el('h3', {}, w.plot), chart, legend);
}

export interface BranchControls {
  /** Play on from the start of this turn (a new branch of this game). */
  play(turn: number): void;
  /** A link that opens this game at that turn, or null when the scenario cannot travel by link (a custom file). */
  link(turn: number): string | null;
  /** Download the same branch point as a file (the title screen's file picker opens it). */
  download?(turn: number): void;
}

/** Pick a turn on the timeline and play on from it; or hand the class a link to the same turn. */
export function branchSection(turns: number[], controls: BranchControls, lang: Language): HTMLElement {
  const w = wordsFor(lang).debrief.branch;
  const select = el('select', { id: 'branch-turn' }, ...turns.map((t) => el('option', { value: t, selected: t === Math.min(3, turns.length) }, w.option(t))));
  const turn = () => Number(select.value);
  const play = el('button', { type: 'button', class: 'primary' }, w.play(turn()));
  play.addEventListener('click', () => controls.play(turn()));
  const linkField = el('input', { type: 'text', id: 'branch-link', readonly: true, size: 40 });
  const copied = el('span', { role: 'status', class: 'copied' });
  const copy = el('button', { type: 'button' }, w.copy);
  const file = el('button', { type: 'button' }, w.file(turn()));
  file.addEventListener('click', () => controls.download?.(turn()));
  const refresh = () => {
    play.textContent = w.play(turn());
    file.textContent = w.file(turn());
    const url = controls.link(turn());
    linkField.value = url ?? '';
    copied.textContent = '';
  };
  select.addEventListener('change', refresh);
  copy.addEventListener('click', async () => {
    linkField.select();
    try {
      await navigator.clipboard.writeText(linkField.value);
    } catch {
      document.execCommand?.('copy');
    }
    copied.textContent = w.copied;
  });
  refresh();
  const canLink = controls.link(turns[0] ?? 1) !== null;
  return el(
    'section',
    { 'aria-labelledby': 'debrief-branch', class: 'branch branch-controls' },
    el('h2', { id: 'debrief-branch' }, w.heading),
    el('p', {}, w.intro),
    el('div', { class: 'row' }, el('label', { for: 'branch-turn' }, w.pick), ' ', select, ' ', play),
    canLink
      ? el('div', { class: 'row' }, el('label', { for: 'branch-link' }, w.link), ' ', linkField, ' ', copy, ' ', copied, ...(controls.download ? [' ', file] : []), el('p', { class: 'detail', id: 'branch-link-help' }, w.linkHelp))
      : el('p', { class: 'detail' }, w.customOnly),
  );
}

/** The first game's ending beside this branch's: how each ended, scores, agreements, escalation, every track. */
export function endingsSection(scenario: Scenario, first: GameState, branch: GameState, turn: number, lang: Language): HTMLElement {
  const w = wordsFor(lang).debrief.branch;
  const d = wordsFor(lang).debrief;
  const name = (s: Side) => sideLabel(scenario, s, lang);
  const ended = (g: GameState) => {
    const e = g.end;
    if (!e) return d.notEnded;
    if (e.reason === 'turns') return d.endTurns(e.turn);
    if (e.reason === 'escalation') return d.endEscalation(e.turn);
    return d.endOffice(e.side ? name(e.side) : null, e.turn);
  };
  const o1 = outcomeOfState(scenario, first);
  const o2 = outcomeOfState(scenario, branch);
  const result = (o: ReturnType<typeof outcomeOfState>, s: Side) => (o.sides[s].won ? d.succeeded : o.sides[s].inOffice ? d.fellShort : d.lostOffice);
  const stage = (g: GameState, track: string) => {
    const def = indexOf(scenario).tracks.get(track);
    return textOf(def?.stages.find((x) => x.id === g.tracks[track]?.stage)?.name, lang) || g.tracks[track]?.stage || '';
  };
  const rows: string[][] = [
    [w.ended, ended(first), ended(branch)],
    ...scenario.seats.map((s) => [w.score(name(s)), w.scoreCell(o1.sides[s].score, o1.sides[s].goal, result(o1, s)), w.scoreCell(o2.sides[s].score, o2.sides[s].goal, result(o2, s))]),
    [w.joint, String(o1.joint), String(o2.joint)],
    [w.agreements, w.agreementsCell(o1.agreements.signed, o1.agreements.implemented, o1.agreements.broken), w.agreementsCell(o2.agreements.signed, o2.agreements.implemented, o2.agreements.broken)],
    [w.escalation, String(first.meters.escalation), String(branch.meters.escalation)],
    ...scenario.tracks.map((t) => [w.track(textOf(t.name, lang)), stage(first, t.id), stage(branch, t.id)]),
  ];
  const differ = scenario.tracks.filter((t) => first.tracks[t.id]?.stage !== branch.tracks[t.id]?.stage).length;
  const head = w.endingsHead(turn);
  return el(
    'section',
    { 'aria-labelledby': 'debrief-endings' },
    el('h2', { id: 'debrief-endings' }, w.endingsHeading),
    el('p', {}, w.endingsIntro(turn)),
    el(
      'table',
      { class: 'endings' },
      el('caption', {}, w.endingsCaption(turn)),
      el('thead', {}, el('tr', {}, el('td', {}), ...head.slice(1).map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r[0]), el('td', {}, r[1]), el('td', {}, r[2])))),
    ),
    el('p', {}, w.differ(differ, scenario.tracks.length)),
  );
}
