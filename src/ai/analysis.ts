// Deal analysis: the space of packages a scenario allows, what each is worth to each side, the Pareto frontier,
// the Nash bargaining and Kalai–Smorodinsky points, and where a finished game's deal stands against them. Pure and
// browser-safe (the debrief and the class view use it too). A package's worth is the engine's (src/engine/deal-worth.ts):
// the change in each side's score that proposing, signing, implementing and verifying it would bring — its concessions,
// the progress it makes on the tracks, what it costs and wins at home, and escalation. docs/analysis.md has the definitions.
import {
  boundsCaveats,
  createGame,
  dealModel,
  guardsAhead,
  keepsOffice,
  metersAt,
  packageOrder,
  packageWorth,
  progressWorth,
  runTracks,
  textOf,
  trustAt,
  type CardDef,
  type Concession,
  type DealEvent,
  type DealModel,
  type Format,
  type GameState,
  type MeterPath,
  type Scenario,
  type Seats,
  type Side,
} from '../engine';

/** Numbers closer than this are equal (worths are sums of tenths and twentieths). */
const EPS = 1e-9;
/** Sums are snapped to this grid so that float noise never splits two equal worths. */
const snap = (x: number) => Math.round(x * 1e8) / 1e8;
/** Two products or ratios equal within float noise. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** One choice on one issue, with what it is worth to each side: the first side and the second (a scenario's seats, in order). */
export interface IssueOption {
  label: string;
  first: number;
  second: number;
  /** The concession cards this option puts into the package. */
  cards?: string[];
}

/** An issue of the negotiation; a package picks exactly one option on every issue. */
export interface Issue {
  id: string;
  label: string;
  options: IssueOption[];
}

/** A negotiation domain: issues with additive worth, and the worth of no deal at all. */
export interface Domain {
  issues: Issue[];
  disagreement: { first: number; second: number };
}

/** A package: the option picked on each issue (by index), and its worth to each side. */
export interface DealPoint {
  first: number;
  second: number;
  choice: number[];
}

export interface DomainAnalysis {
  /** How many packages the domain has (the product of its issues' option counts). */
  packages: number;
  disagreement: { first: number; second: number };
  /** Packages no other package beats for one side without hurting the other, by the first side's worth, rising. */
  frontier: DealPoint[];
  /** See bargainingPoints. */
  nash: DealPoint | null;
  ideal: { first: number; second: number };
  kalaiSmorodinsky: DealPoint | null;
}

// ------------------------------------------------------------------ generic domain math

/** Keep the points nobody can improve for one side without hurting the other (one per point: the smallest package). */
function pareto2<T extends { first: number; second: number }>(points: T[], size: (p: T) => number): T[] {
  const sorted = [...points].sort((a, b) => b.first - a.first || b.second - a.second || size(a) - size(b));
  const out: T[] = [];
  let bestRu = -Infinity;
  for (const p of sorted) {
    if (p.second > bestRu + EPS) {
      out.push(p);
      bestRu = p.second;
    }
  }
  return out.reverse();
}

const cardsChosen = (p: DealPoint) => p.choice.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);

/** Keep the packages nobody can improve for one side without hurting the other (one per point). */
export function paretoFilter(points: DealPoint[]): DealPoint[] {
  return pareto2(points, cardsChosen);
}

/**
 * An extra coordinate carried through a sum of packages, for a constraint checked at the end: `up` when more is
 * never worse for it, `down` when less is never worse, `exact` when only equal values can stand in for each other.
 * `cap`: the coordinate saturates there (a flag).
 */
interface Dim {
  dir: 'up' | 'down' | 'exact';
  cap?: number;
}
/** One option of one part of a package, with its extra coordinates. */
interface Part {
  first: number;
  second: number;
  extra: number[];
  size: number;
}
/** A partial package: the options picked so far, newest first (a chain, so that extending one copies nothing). */
interface Sum extends Part {
  k: number;
  prev: Sum | null;
}
const choiceOf = (p: Sum): number[] => {
  const out: number[] = [];
  for (let q: Sum | null = p; q && q.k >= 0; q = q.prev) out.push(q.k);
  return out.reverse();
};

/**
 * The exact Pareto frontier of sums, part by part (a package picks one option of every part): a partial package that
 * another beats on both worths and on every extra coordinate stays beaten whatever is added to both, so it can be
 * dropped at once. `feasible` is checked on the extra coordinates of complete packages.
 */
function sumFrontier(parts: Part[][], dims: Dim[], feasible?: (extra: number[]) => boolean): { first: number; second: number; extra: number[]; size: number; choice: number[] }[] {
  let front: Sum[] = [{ first: 0, second: 0, extra: dims.map(() => 0), size: 0, k: -1, prev: null }];
  for (const options of parts) {
    const next: Sum[] = [];
    for (const p of front) {
      for (let k = 0; k < options.length; k++) {
        const o = options[k];
        let extra = p.extra;
        if (dims.length > 0) {
          extra = new Array<number>(dims.length);
          for (let i = 0; i < dims.length; i++) {
            const x = p.extra[i] + o.extra[i];
            extra[i] = dims[i].cap === undefined ? x : Math.min(dims[i].cap!, x);
          }
        }
        next.push({ first: snap(p.first + o.first), second: snap(p.second + o.second), extra, size: p.size + o.size, k, prev: p });
      }
    }
    front = prune(next, dims);
  }
  const done = pareto2(feasible ? front.filter((p) => feasible(p.extra)) : front, (p) => p.size);
  return done.map((p) => ({ first: p.first, second: p.second, extra: p.extra, size: p.size, choice: choiceOf(p) }));
}

/**
 * Drop every partial package another beats (or equals) on both worths and every extra coordinate. The packages are
 * grouped by their extra coordinates; each group's own frontier is kept, less the points a group at least as good on
 * every coordinate (and equal on the exact ones) beats.
 */
function prune(points: Sum[], dims: Dim[]): Sum[] {
  if (dims.length === 0) return pareto2(points, (p) => p.size);
  const buckets = new Map<string, Sum[]>();
  for (const p of points) {
    const key = p.extra.join(',');
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = []));
    b.push(p);
  }
  const fronts = [...buckets.values()].map((b) => pareto2(b, (p) => p.size));
  if (fronts.length === 1) return fronts[0];
  const extras = fronts.map((f) => f[0].extra);
  const atLeastAsGood = (a: number[], b: number[]) =>
    dims.every((d, i) => (d.dir === 'exact' ? a[i] === b[i] : d.dir === 'up' ? a[i] >= b[i] : a[i] <= b[i]));
  // For each group, the other groups at least as good on every coordinate.
  const better = extras.map((e, g) => extras.flatMap((o, h) => (h !== g && atLeastAsGood(o, e) ? [h] : [])));
  // Sweep by the first side's worth, falling: a point is beaten when a better group already holds one with as much
  // for the second side (points of equal first-side worth are all entered before any of them is judged).
  const all = fronts.flatMap((f, g) => f.map((p) => ({ p, g })));
  all.sort((a, b) => b.p.first - a.p.first);
  const bestRu = new Array<number>(fronts.length).fill(-Infinity);
  const out: Sum[] = [];
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].p.first >= all[i].p.first - EPS) j++;
    for (let k = i; k < j; k++) bestRu[all[k].g] = Math.max(bestRu[all[k].g], all[k].p.second);
    for (let k = i; k < j; k++) {
      const { p, g } = all[k];
      const ks = better[g];
      let beaten = false;
      for (let m = 0; m < ks.length && !beaten; m++) beaten = bestRu[ks[m]] >= p.second - EPS;
      if (!beaten) out.push(p);
    }
    i = j;
  }
  return out;
}

/** The exact Pareto frontier of an additive domain, issue by issue. */
export function paretoFrontier(domain: Domain): DealPoint[] {
  const parts = domain.issues.map((issue) => issue.options.map((o, k) => ({ first: o.first, second: o.second, extra: [], size: k > 0 ? 1 : 0 })));
  return sumFrontier(parts, []).map((p) => ({ first: p.first, second: p.second, choice: p.choice }));
}

export function packageCount(domain: Domain): number {
  return domain.issues.reduce((n, i) => n * i.options.length, 1);
}

/** Worth of a package (option index per issue) to each side. */
export function pointOf(domain: Domain, choice: number[]): DealPoint {
  let first = 0;
  let second = 0;
  domain.issues.forEach((issue, i) => {
    const o = issue.options[choice[i] ?? 0];
    first += o.first;
    second += o.second;
  });
  return { first: snap(first), second: snap(second), choice: [...choice] };
}

/** Every package of the domain (only for small domains: the count is a product). */
export function allPackages(domain: Domain, limit = 1 << 16): DealPoint[] {
  const n = packageCount(domain);
  if (n > limit) throw new Error(`the domain has ${n} packages, more than the limit of ${limit}`);
  let out: DealPoint[] = [{ first: 0, second: 0, choice: [] }];
  for (const issue of domain.issues) {
    const next: DealPoint[] = [];
    for (const p of out) issue.options.forEach((o, k) => next.push({ first: snap(p.first + o.first), second: snap(p.second + o.second), choice: [...p.choice, k] }));
    out = next;
  }
  return out;
}

/**
 * The bargaining solutions on a frontier, from the disagreement point `d` (docs/analysis.md):
 * - ideal: each side's best worth among packages no worse than `d` for either side;
 * - Nash: the package maximising (first − d.first)·(second − d.second) among packages no worse than `d` for either side;
 * - Kalai–Smorodinsky: the Pareto package, no worse than `d` for either side, whose gains over `d`, each divided by
 *   that side's best feasible gain (ideal − d), are closest to equal.
 * Ties: the larger sum of worths, then the larger worth for the first side. Both are null when no package gains both sides.
 */
export function bargainingPoints<T extends { first: number; second: number }>(
  frontier: T[],
  d: { first: number; second: number },
): { nash: T | null; ideal: { first: number; second: number }; kalaiSmorodinsky: T | null } {
  const rational = frontier.filter((p) => p.first >= d.first - EPS && p.second >= d.second - EPS);
  const ideal = {
    first: rational.length ? Math.max(...rational.map((p) => p.first)) : d.first,
    second: rational.length ? Math.max(...rational.map((p) => p.second)) : d.second,
  };
  if (!rational.some((p) => p.first > d.first + EPS && p.second > d.second + EPS)) return { nash: null, ideal, kalaiSmorodinsky: null };
  // Better by `key` (larger), then by the larger sum, then the larger first-side worth.
  const pick = (key: (p: T) => number): T => {
    let best = rational[0];
    for (const p of rational.slice(1)) {
      const k = key(p);
      const kb = key(best);
      if (same(k, kb) ? (same(p.first + p.second, best.first + best.second) ? p.first > best.first + EPS : p.first + p.second > best.first + best.second) : k > kb) best = p;
    }
    return best;
  };
  const nash = pick((p) => (p.first - d.first) * (p.second - d.second));
  const ks = pick((p) => -Math.abs((p.first - d.first) / (ideal.first - d.first) - (p.second - d.second) / (ideal.second - d.second)));
  return { nash, ideal, kalaiSmorodinsky: ks };
}

export function analyzeDomain(domain: Domain): DomainAnalysis {
  const frontier = paretoFrontier(domain);
  const b = bargainingPoints(frontier, domain.disagreement);
  return { packages: packageCount(domain), disagreement: { ...domain.disagreement }, frontier, nash: b.nash, ideal: b.ideal, kalaiSmorodinsky: b.kalaiSmorodinsky };
}

/** Distance from a point to the nearest frontier package (0 on the frontier). */
export function distanceToFrontier(point: { first: number; second: number }, frontier: { first: number; second: number }[]): number {
  let best = Infinity;
  for (const p of frontier) best = Math.min(best, Math.hypot(p.first - point.first, p.second - point.second));
  return best === Infinity ? 0 : best;
}

/** Frontier packages better for both sides than `point`, best shared gain first. */
export function betterForBoth<T extends { first: number; second: number }>(point: { first: number; second: number }, frontier: T[]): T[] {
  return frontier
    .filter((p) => p.first > point.first + EPS && p.second > point.second + EPS)
    .sort((a, b) => Math.min(b.first - point.first, b.second - point.second) - Math.min(a.first - point.first, a.second - point.second));
}

// ------------------------------------------------------------------ scenarios: issues and options

/** Each side's worth of no deal: its reservation value (0, no change, unless the scenario says). */
export function disagreementOf(scenario: Scenario): Record<Side, number> {
  return bySeat(scenario.seats, (s) => scenario.sides[s].reservation ?? 0);
}

/** A record with a value for each seat. */
const bySeat = <T>(seats: Seats, f: (s: Side) => T): Record<Side, T> => Object.fromEntries(seats.map((s) => [s, f(s)]));

/** A point of the generic math (first and second side) as worth by seat, and back. */
const toSeats = (seats: Seats, p: { first: number; second: number }): Record<Side, number> => ({ [seats[0]]: p.first, [seats[1]]: p.second });
const fromSeats = (seats: Seats, w: Record<Side, number>) => ({ first: w[seats[0]], second: w[seats[1]] });

/**
 * The issues of a package in `model`'s state: a card with an `issue` is one option of that issue (ordered by
 * `level`), any other card an issue of its own (left out, or given). Option 0 of every issue is "none".
 */
export function scenarioIssues(model: DealModel): { id: string; label: string; options: { label: string; cards: Concession[] }[] }[] {
  const byIssue = new Map<string, Concession[]>();
  const out: { id: string; label: string; options: { label: string; cards: Concession[] }[] }[] = [];
  for (const c of model.open) {
    const issue = c.card.issue;
    if (issue === undefined) {
      out.push({ id: c.card.id, label: textOf(c.card.title), options: [{ label: 'left out', cards: [] }, { label: textOf(c.card.title), cards: [c] }] });
      continue;
    }
    let list = byIssue.get(issue);
    if (!list) {
      byIssue.set(issue, (list = []));
      out.push({ id: issue, label: issue, options: [{ label: 'none', cards: [] }] });
    }
    list.push(c);
  }
  for (const issue of out) {
    const list = byIssue.get(issue.id);
    if (!list || issue.options.length > 1) continue;
    const level = (c: Concession) => c.card.level ?? Infinity;
    for (const c of [...list].sort((a, b) => level(a) - level(b) || a.index - b.index)) issue.options.push({ label: textOf(c.card.title), cards: [c] });
  }
  return out;
}

/**
 * A scenario as a domain: its issues (see scenarioIssues) at the start of a game, each option worth what it would
 * bring on its own. Packages are not sums of these (track progress and costs interact); analyzeScenario values them whole.
 */
export function scenarioDomain(scenario: Scenario, from: GameState = startOf(scenario)): Domain {
  const model = dealModel(scenario, from);
  const issues = scenarioIssues(model).map((issue) => ({
    id: issue.id,
    label: issue.label,
    options: issue.options.map((o) => {
      const w = packageWorth(model, o.cards.map((c) => c.card.id));
      return { label: o.label, first: snap(w.worth[scenario.seats[0]]), second: snap(w.worth[scenario.seats[1]]), cards: o.cards.map((c) => c.card.id) };
    }),
  }));
  return { issues, disagreement: fromSeats(scenario.seats, disagreementOf(scenario)) };
}

/**
 * The state the analysis starts from when it is given none: the start of turn 1, its scripted news in, with every card
 * an event may bring later already on the table (the deal space of the whole game; rules 4, the engine's onTable).
 */
export function startOf(scenario: Scenario, seed = 1): GameState {
  const g = createGame(scenario, seed);
  const bringers = scenario.events.filter((e) => e.effects.some((x) => 'card' in x)).map((e) => e.id);
  return bringers.length ? { ...g, firedEvents: [...new Set([...g.firedEvents, ...bringers])] } : g;
}

// ------------------------------------------------------------------ scenarios: the whole model's frontier

/** A package of the whole model: its cards, the format it is signed in, and its worth. */
interface ModelPoint {
  /** Worth to the first and the second seat. */
  first: number;
  second: number;
  cards: Concession[];
  format: Format;
}

/** Packages that pick a combination of options in one group of tracks (tracks a package's issues or linkage tie together). */
interface Combo {
  cards: Concession[];
  givers: Record<Side, boolean>;
  order: string[];
  counts: Record<string, number>;
  /** Order and counts: what its progress depends on. */
  key: string;
}

/** How packages split into classes that decide the guards the package itself moves: who gives, and where its meter sums fall. */
type Givers = 'first' | 'second' | 'both';
const GIVERS: readonly Givers[] = ['first', 'second', 'both'];

interface Resource {
  meter: MeterPath;
  /** Sums of the package's changes to this meter at which some guard or alarm changes its mind, rising. */
  cuts: number[];
  lo: number;
  hi: number;
}

export interface FrontierMethod {
  /** Groups of tracks valued together, with how many option combinations each has. */
  groups: { tracks: string[]; combinations: number }[];
  /**
   * Meters whose sum over the package decides a guard, an alarm or a side's office, the sums at which it does, and
   * which way a higher sum goes: never worse (up), never better (down), or either (exact: sums kept apart).
   */
  coupled: { meter: MeterPath; cuts: number[]; dir: 'up' | 'down' | 'exact' }[];
  /** How many sums were taken (formats × who gives × meter classes), and the most partial packages kept at once. */
  sums: number;
  largestFront: number;
  /** Empty when exact; otherwise what was assumed. */
  caveats: string[];
}

/**
 * The exact frontier of every package from `model`'s state. Worth splits by group of tracks once three things a
 * package decides as a whole are fixed: who gives (a quid pro quo adds trust before the tracks are signed), the format
 * (multilateral halves the costs but needs a venue on every track), and, for each meter a guard or an alarm reads, the
 * class its sum falls in. Within each such class the frontier is the Pareto filter of the Minkowski sum of per-group
 * point sets, pruned after each group; packages whose sums may fall in a better class carry those sums as extra
 * coordinates to the end. The frontier of the whole is the Pareto filter of the classes' frontiers.
 */
function modelFrontier(model: DealModel): { points: ModelPoint[]; method: FrontierMethod } {
  const issues = scenarioIssues(model);
  const caveats = boundsCaveats(model, model.open, 'either');

  // Groups: tracks an issue spans, or whose guards read another track the package may move, are valued together.
  const parent = new Map<string, string>();
  const find = (t: string): string => (parent.get(t) === t ? t : find(parent.get(t)!));
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const c of model.open) parent.set(c.card.track, c.card.track);
  for (const issue of issues) {
    const tracks = issue.options.flatMap((o) => o.cards.map((c) => c.card.track));
    for (const t of tracks) union(t, tracks[0]);
  }
  const guards = [...parent.keys()].flatMap((t) => guardsAhead(model, t));
  for (const g of guards) for (const linked of g.tracks) if (parent.has(linked)) union(g.track, linked);
  const groupOf = new Map<string, { tracks: string[]; issues: typeof issues; combos: Combo[] }>();
  for (const t of parent.keys()) {
    const root = find(t);
    if (!groupOf.has(root)) groupOf.set(root, { tracks: [], issues: [], combos: [] });
    groupOf.get(root)!.tracks.push(t);
  }
  for (const issue of issues) groupOf.get(find(issue.options[1].cards[0].card.track))!.issues.push(issue);
  const groups = [...groupOf.values()];
  for (const g of groups) {
    let picks: Concession[][] = [[]];
    for (const issue of g.issues) picks = picks.flatMap((p) => issue.options.map((o) => [...p, ...o.cards]));
    g.combos = picks.map((cards) => {
      const { gives, tracks: order, counts } = packageOrder(model, cards);
      return { cards, givers: bySeat(model.seats, (s) => gives[s].length > 0), order, counts, key: `${order.join(',')}|${order.map((t) => counts[t]).join(',')}` };
    });
  }

  // Meters the package changes by a sum of its cards' changes, and the sums at which a guard or an alarm tells apart.
  const range = new Map<MeterPath, { lo: number; hi: number }>();
  for (const c of model.open) {
    const paths = new Set([...Object.keys(c.signing.bilateral), ...Object.keys(c.signing.multilateral ?? {})]);
    for (const path of paths) {
      const ds = [c.signing.bilateral[path] ?? 0, ...(c.signing.multilateral ? [c.signing.multilateral[path] ?? 0] : [])];
      const r = range.get(path) ?? { lo: 0, hi: 0 };
      r.lo += Math.min(0, ...ds);
      r.hi += Math.max(0, ...ds);
      range.set(path, r);
    }
  }
  const fromValue = (path: MeterPath) => metersValue(metersAt(model, 'TALKS', model.from.meters.trust, {}), path);
  const offsetAt = (event: DealEvent, path: MeterPath) => {
    const signedAt = metersAt(model, event, model.from.meters.trust, {});
    return metersValue(signedAt, path) - fromValue(path);
  };
  const cutsOf = new Map<MeterPath, Set<number>>();
  const addCut = (path: MeterPath, sum: number) => {
    const r = range.get(path);
    if (!r || !(r.lo < sum && sum <= r.hi)) return;
    if (!cutsOf.has(path)) cutsOf.set(path, new Set());
    cutsOf.get(path)!.add(sum);
  };
  for (const g of guards) {
    if (g.event === 'TALKS') continue; // proposing changes no meter
    for (const cut of g.cuts) {
      if (cut.meter.startsWith('trust.')) {
        if (g.event !== 'SIGN') trustCaveat(model, g.track, g.event, cut, caveats);
        continue;
      }
      addCut(cut.meter, cut.at - fromValue(cut.meter) - offsetAt(g.event, cut.meter));
    }
  }
  for (const a of model.alarms) addCut(a.meter, a.calmFrom - fromValue(a.meter));
  // A package that would cost a side its office is left out: where that starts depends on the parties it alarms.
  const alarmable = model.alarms.filter((a) => !a.before && cutsOf.get(a.meter)?.has(a.calmFrom - fromValue(a.meter)));
  for (const side of model.seats) {
    const mine = alarmable.filter((a) => a.patron === side);
    for (let mask = 0; mask < 1 << mine.length; mask++) {
      const perTurn = mine.reduce((n, a, i) => n + (mask & (1 << i) ? a.supportPerTurn : 0), 0);
      // The smallest sum that keeps the office: keepsOffice is monotone in it.
      const r = range.get(`support.${side}`) ?? { lo: 0, hi: 0 };
      if (keepsOffice(model, side, r.lo, perTurn)) continue;
      let lo = r.lo;
      let hi = r.hi + 1;
      while (lo + 1 < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (keepsOffice(model, side, mid, perTurn)) hi = mid;
        else lo = mid;
      }
      addCut(`support.${side}`, hi);
    }
  }
  let resources: Resource[] = [...cutsOf].map(([meter, cuts]) => ({ meter, cuts: [...cuts].sort((a, b) => a - b), ...range.get(meter)! }));

  // The classes: who gives, and the interval each coupled meter's sum falls in. Progress and constants per class.
  type Theta = number[];
  const thetas = (rs: Resource[]): Theta[] => rs.reduce<Theta[]>((acc, r) => acc.flatMap((t) => Array.from({ length: r.cuts.length + 1 }, (_, k) => [...t, k])), [[]]);
  const representative = (r: Resource, k: number) => (k === 0 ? r.lo : r.cuts[k - 1]);
  const memo = new Map<string, Record<Side, number>>();
  const tables = new Map<string, ReturnType<typeof tableFor>>();
  const tableOf = (rs: Resource[], who: Givers, theta: Theta) => {
    const key = `${who}|${rs.map((r, j) => `${r.meter}:${r.cuts.join(',')}:${theta[j]}`).join(';')}`;
    let t = tables.get(key);
    if (t === undefined) tables.set(key, (t = tableFor(rs, who, theta)));
    return t;
  };
  function tableFor(rs: Resource[], who: Givers, theta: Theta) {
    const signed: Record<MeterPath, number> = {};
    for (const [path, r] of range) signed[path] = r.lo;
    rs.forEach((r, j) => (signed[r.meter] = representative(r, theta[j])));
    // Trust is what signing leaves (the implemented concessions' own trust only matters to guards the caveats name).
    const [first, second] = model.seats;
    const trust = trustAt(model, { [first]: who !== 'second' ? [{ card: stub }] : [], [second]: who !== 'first' ? [{ card: stub }] : [] });
    const mkey = `${who}|${rs.map((r, j) => `${r.meter}=${signed[r.meter]}@${theta[j]}`).join(';')}`;
    const progress = groups.map((g) =>
      g.combos.map((c) => {
        if (c.cards.length === 0) return bySeat(model.seats, () => 0);
        const key = `${mkey}|${c.key}`;
        let p = memo.get(key);
        if (!p) {
          p = progressWorth(model, runTracks(model, c.order, c.counts, (e) => metersAt(model, e, trust[e], signed)));
          memo.set(key, p);
        }
        return p;
      }),
    );
    const constant = { ...model.delivered };
    const alarmsPerTurn = bySeat(model.seats, () => 0);
    for (const a of model.alarms) {
      const after = fromValue(a.meter) + signed[a.meter] < a.calmFrom;
      if (after !== a.before) for (const s of model.seats) constant[s] += (after ? 1 : -1) * a.worth[s];
      if (after && !a.before) alarmsPerTurn[a.patron] += a.supportPerTurn;
    }
    // No class of packages that would cost a side its office.
    if (!model.seats.every((s) => keepsOffice(model, s, signed[`support.${s}`] ?? 0, alarmsPerTurn[s]))) return null;
    return { progress, constant };
  }
  type Table = ReturnType<typeof tableOf>;
  const sameTable = (a: Table, b: Table) =>
    a === null || b === null
      ? a === b
      : model.seats.every((s) => same(a.constant[s], b.constant[s]) && a.progress.every((g, i) => g.every((p, k) => same(p[s], b.progress[i][k][s]))));
  const compare = (a: Table, b: Table): { up: boolean; down: boolean; feasibility: boolean } => {
    if (a === null || b === null) return { up: false, down: false, feasibility: a !== b };
    let up = false;
    let down = false;
    const see = (x: number, y: number) => {
      if (same(x, y)) return;
      if (y > x) up = true;
      else down = true;
    };
    for (const s of model.seats) {
      see(a.constant[s], b.constant[s]);
      a.progress.forEach((g, i) => g.forEach((p, k) => see(p[s], b.progress[i][k][s])));
    }
    return { up, down, feasibility: false };
  };
  // A cut no guard really tells apart (the same worth on both sides of it, whatever else holds) is dropped.
  for (let changed = true; changed; ) {
    changed = false;
    for (let j = 0; j < resources.length && !changed; j++) {
      for (let k = 0; k < resources[j].cuts.length && !changed; k++) {
        const inert = GIVERS.every((who) =>
          thetas(resources)
            .filter((t) => t[j] === k)
            .every((t) => sameTable(tableOf(resources, who, t), tableOf(resources, who, t.map((x, i) => (i === j ? k + 1 : x))))),
        );
        if (inert) {
          resources[j].cuts.splice(k, 1);
          changed = true;
        }
      }
    }
    resources = resources.filter((r) => r.cuts.length > 0);
  }
  // Which way each coupled meter's class makes packages better: then a class need only bound its sum on that side.
  // (Keeping office only ever gets easier as support and allies' confidence rise: a meter that decides it is bounded
  // from below, or exactly.)
  const dirs = resources.map((_, j) => {
    let up = false;
    let down = false;
    let feasibility = false;
    for (const who of GIVERS)
      for (const t of thetas(resources).filter((t) => t[j] < resources[j].cuts.length)) {
        const c = compare(tableOf(resources, who, t), tableOf(resources, who, t.map((x, i) => (i === j ? x + 1 : x))));
        up ||= c.up;
        down ||= c.down;
        feasibility ||= c.feasibility;
      }
    return !down ? 'up' : !up && !feasibility ? 'down' : 'exact';
  });
  // A class's bounds on each coupled sum: [lo, hi), with the side that cannot make a package worse left open.
  const boundsOf = (theta: Theta) =>
    resources.map((r, j) => {
      const lo = theta[j] === 0 ? -Infinity : r.cuts[theta[j] - 1];
      const hi = theta[j] === r.cuts.length ? Infinity : r.cuts[theta[j]];
      return dirs[j] === 'up' ? { lo, hi: Infinity } : dirs[j] === 'down' ? { lo: -Infinity, hi } : { lo, hi };
    });

  const formats: Format[] = model.open.some((c) => c.signing.multilateral) ? ['bilateral', 'multilateral'] : ['bilateral'];
  const [firstSeat, secondSeat] = model.seats;
  const points: ModelPoint[] = [{ first: 0, second: 0, cards: [], format: 'bilateral' }];
  let sums = 0;
  let largestFront = 0;
  for (const who of GIVERS) {
    // Classes with the same worth as a class with looser bounds add nothing.
    const classes = thetas(resources)
      .map((theta) => ({ theta, table: tableOf(resources, who, theta)!, bounds: boundsOf(theta) }))
      .filter((c) => c.table !== null);
    const kept = classes.filter(
      (c) =>
        !classes.some(
          (o) => o !== c && sameTable(o.table, c.table) && o.bounds.every((b, j) => b.lo <= c.bounds[j].lo && b.hi >= c.bounds[j].hi) && (o.bounds.some((b, j) => b.lo < c.bounds[j].lo || b.hi > c.bounds[j].hi) || classes.indexOf(o) < classes.indexOf(c)),
        ),
    );
    for (const format of formats) {
      for (const { table, bounds } of kept) {
        const carried = resources.flatMap((r, j) => (bounds[j].lo === -Infinity && bounds[j].hi === Infinity ? [] : [j]));
        const dims: Dim[] = [...carried.map((j): Dim => ({ dir: dirs[j] as Dim['dir'] })), ...(who === 'both' ? [{ dir: 'up' as const, cap: 1 }, { dir: 'up' as const, cap: 1 }] : [{ dir: 'up' as const, cap: 1 }])];
        // Each group's combinations this class allows (a choice below names one by its place in this list).
        const allowed = groups.map((g) =>
          g.combos.flatMap((c, k) =>
            c.cards.length === 0 || !((format === 'multilateral' && c.cards.some((x) => !x.signing.multilateral)) || (who === 'first' && c.givers[secondSeat]) || (who === 'second' && c.givers[firstSeat])) ? [k] : [],
          ),
        );
        const parts: Part[][] = allowed.map((ks, gi) =>
          ks.map((k): Part => {
            const c = groups[gi].combos[k];
            let first = table.progress[gi][k][firstSeat];
            let second = table.progress[gi][k][secondSeat];
            const sum: Record<MeterPath, number> = {};
            for (const x of c.cards) {
              first += x.worth[format]![firstSeat];
              second += x.worth[format]![secondSeat];
              for (const [path, d] of Object.entries(x.signing[format]!)) sum[path] = (sum[path] ?? 0) + d;
            }
            const flags = c.cards.length === 0 ? (who === 'both' ? [0, 0] : [0]) : who === 'both' ? [Number(c.givers[firstSeat]), Number(c.givers[secondSeat])] : [1];
            return { first, second, extra: [...carried.map((j) => sum[resources[j].meter] ?? 0), ...flags], size: c.cards.length };
          }),
        );
        const feasible = (extra: number[]) =>
          carried.every((j, i) => extra[i] >= bounds[j].lo && extra[i] < bounds[j].hi) && extra.slice(carried.length).every((f) => f >= 1);
        const front = sumFrontier(parts, dims, feasible);
        sums++;
        largestFront = Math.max(largestFront, front.length);
        for (const p of front) {
          const cards = p.choice.flatMap((k, gi) => groups[gi].combos[allowed[gi][k]].cards);
          points.push({ first: snap(p.first + table.constant[firstSeat]), second: snap(p.second + table.constant[secondSeat]), cards, format });
        }
      }
    }
  }
  return {
    points: pareto2(points, (p) => p.cards.length),
    method: {
      groups: groups.map((g) => ({ tracks: g.tracks, combinations: g.combos.length })),
      coupled: resources.map((r, j) => ({ meter: r.meter, cuts: [...r.cuts], dir: dirs[j] })),
      sums,
      largestFront,
      caveats,
    },
  };
}

/** A stand-in concession for trustAt: only whether a side gives matters before implementation. */
const stub = { trust: 0 } as CardDef;

function metersValue(m: GameState['meters'], path: MeterPath): number {
  if (path === 'escalation') return m.escalation;
  const [group, key] = path.split('.');
  return (m as unknown as Record<string, Record<string, number>>)[group]?.[key] ?? 0;
}

/** A trust guard after signing reads trust the implemented concessions raise: say so when that could decide it. */
function trustCaveat(model: DealModel, track: string, event: DealEvent, cut: { meter: MeterPath; at: number }, caveats: string[]): void {
  const side = cut.meter.slice('trust.'.length) as Side;
  const other: Side = side === model.seats[0] ? model.seats[1] : model.seats[0];
  const all = model.open.filter((c) => c.card.side === other);
  const negative = model.open.some((c) => c.card.trust < 0);
  // Both sides give, or only the other side: its trust is lowest with no trust from what is implemented, highest with all of it.
  for (const bothGive of [true, false]) {
    const gives = (implemented: readonly { card: CardDef }[]) => {
      const g: Record<Side, readonly { card: CardDef }[]> = { us: [], ru: [] };
      g[other] = implemented;
      if (bothGive) g[side] = [{ card: stub }];
      return g;
    };
    const lo = trustAt(model, gives([{ card: stub }]))[event][side];
    const hi = trustAt(model, gives(all))[event][side];
    if (negative || (lo < cut.at && cut.at <= hi)) {
      caveats.push(`${track}: the ${event} step reads ${cut.meter} (${cut.at}), which the implemented concessions raise; the analysis takes the trust signing leaves`);
      return;
    }
  }
}

// ------------------------------------------------------------------ scenarios: what students see

// `+ 0` turns a rounded -0 into 0 (no escalation change is worth -0/10 to the score).
const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** A package in the scenario's words: who gives what, in which format, and its worth to each side (by side id). */
export interface ScenarioDeal {
  /** The change in each side's score. */
  worth: Record<Side, number>;
  /** The cards each side gives. */
  gives: Record<Side, string[]>;
  format: Format;
  /** Each side's worth, part by part: the concessions, track progress, support at home, escalation. */
  parts: Record<Side, { deals: number; progress: number; support: number; escalation: number }>;
  /** The same, as card titles for people. */
  summary: string;
}

export interface GameStanding {
  /** What was delivered (implemented obligations), valued as one package from the start of that game. */
  delivered: ScenarioDeal;
  /** Everything signed, delivered or not, valued the same way. */
  agreed: ScenarioDeal;
  /** Euclidean distance of the delivered deal to the nearest frontier package, and to the Nash point. */
  distanceToFrontier: number;
  distanceToNash: number;
  onFrontier: boolean;
  /** How much both sides could have gained at once (the larger of the two smaller gains over missed deals). */
  bothCouldGain: number;
  /** The best packages that would have been better for both sides, at most five. */
  missed: ScenarioDeal[];
}

export interface ScenarioAnalysis {
  scenario: string;
  title: string;
  /** The two sides' ids, in the scenario's order: every record below is keyed by them. */
  seats: Seats;
  /** Where the packages are valued from. */
  from: { turn: number; phase: string };
  /** What the analysed space is: the options of every issue, in either format where every card has a venue. */
  space: { cards: number; issues: number; packages: number; formats: Format[]; excludedRedLines: string[] };
  disagreement: Record<Side, number>;
  /** By the first side's worth, rising (the second side's falls). */
  frontier: ScenarioDeal[];
  nash: ScenarioDeal | null;
  kalaiSmorodinsky: ScenarioDeal | null;
  ideal: Record<Side, number>;
  /** True when every figure is what the engine would do; otherwise `method.caveats` says what was assumed. */
  exact: boolean;
  method: FrontierMethod;
  /** Worth of every package of at most CLOUD_CARDS cards (in its cheaper format), for plotting the space around the frontier. */
  cloud: Record<Side, number>[];
  /** Set when a finished (or running) game was analysed. */
  game?: GameStanding;
}

/** Packages of the cloud: at most this many cards. */
export const CLOUD_CARDS = 2;

function summaryOf(scenario: Scenario, gives: Record<Side, CardDef[]>, format: Format): string {
  if (scenario.seats.every((s) => gives[s].length === 0)) return 'no deal';
  const titles = (cs: CardDef[]) => cs.map((c) => textOf(c.title)).join('; ') || 'nothing';
  const where = format === 'multilateral' ? ' (multilateral)' : '';
  return `${scenario.seats.map((s) => `${textOf(scenario.sides[s].name)} gives ${titles(gives[s])}`).join(' — ')}${where}`;
}

function dealOf(model: DealModel, ids: string[], format: Format): ScenarioDeal {
  const w = packageWorth(model, ids, format, { caveats: false });
  const cards = ids.map((id) => model.byId.get(id)!.card).sort((a, b) => model.scenario.cards.indexOf(a) - model.scenario.cards.indexOf(b));
  const gives = bySeat(model.seats, (s) => cards.filter((c) => c.side === s));
  return {
    worth: bySeat(model.seats, (s) => round2(w.worth[s])),
    gives: bySeat(model.seats, (s) => gives[s].map((c) => c.id)),
    format,
    parts: bySeat(model.seats, (s) => ({ deals: round2(w.parts[s].deals), progress: round2(w.parts[s].progress), support: round2(w.parts[s].support), escalation: round2(w.parts[s].escalation) })),
    summary: summaryOf(model.scenario, gives, format),
  };
}

/** The format a set of cards is valued in: multilateral when asked and every card has a venue, otherwise bilateral. */
function formatFor(model: DealModel, ids: string[], wanted: Format): Format {
  return wanted === 'multilateral' && ids.every((id) => model.byId.get(id)?.signing.multilateral) ? 'multilateral' : 'bilateral';
}

/** A package of cards, valued as one package from the start of a game (or `from`). */
export function dealOfCards(scenario: Scenario, ids: string[], options: { from?: GameState; format?: Format } = {}): ScenarioDeal {
  const model = dealModel(scenario, options.from ?? startOf(scenario));
  return dealOf(model, ids, formatFor(model, ids, options.format ?? 'bilateral'));
}

interface Core {
  model: DealModel;
  points: ModelPoint[];
  method: FrontierMethod;
}
// The frontier of a scenario from a state is the same for every game that starts alike: computed once.
const cores = new WeakMap<Scenario, Map<string, Core>>();

function coreOf(scenario: Scenario, from: GameState): Core {
  let byStart = cores.get(scenario);
  if (!byStart) cores.set(scenario, (byStart = new Map()));
  const key = JSON.stringify([from.turn, from.phase, from.initiative, from.meters, from.tracks, from.given, from.agreements.map((a) => a.cardsPerTrack), from.channels]);
  let core = byStart.get(key);
  if (!core) {
    const model = dealModel(scenario, from);
    const f = modelFrontier(model);
    core = { model, points: f.points, method: f.method };
    if (byStart.size > 16) byStart.clear();
    byStart.set(key, core);
  }
  return core;
}

/**
 * Analyse a scenario's deal space: packages valued from `options.from`, or from the start of `game` when one is given,
 * or from the start of a game; with a game, also where its deal stands.
 */
export function analyzeScenario(scenario: Scenario, game?: GameState, options: { from?: GameState } = {}): ScenarioAnalysis {
  const from = options.from ?? startOf(scenario, game?.seed);
  const { model, points, method } = coreOf(scenario, from);
  const seats = scenario.seats;
  const d = disagreementOf(scenario);
  const b = bargainingPoints(points, fromSeats(seats, d));
  const deal = (p: ModelPoint | null) => p && dealOf(model, p.cards.map((c) => c.card.id), p.format);
  const issues = scenarioIssues(model);
  const out: ScenarioAnalysis = {
    scenario: scenario.id,
    title: textOf(scenario.title),
    seats,
    from: { turn: from.turn, phase: from.phase },
    space: {
      cards: model.open.length,
      issues: issues.length,
      packages: issues.reduce((n, i) => n * i.options.length, 1),
      formats: model.open.some((c) => c.signing.multilateral) ? ['bilateral', 'multilateral'] : ['bilateral'],
      excludedRedLines: seats.flatMap((s) => scenario.sides[s].redLines.map((r) => r.card)),
    },
    disagreement: d,
    frontier: points.map((p) => deal(p)!),
    nash: deal(b.nash),
    kalaiSmorodinsky: deal(b.kalaiSmorodinsky),
    ideal: bySeat(seats, (s) => round2(toSeats(seats, b.ideal)[s])),
    exact: method.caveats.length === 0,
    method,
    cloud: smallScenarioPackages(model, CLOUD_CARDS),
  };
  if (game) {
    // A game's deal is valued from that game's start, against the frontier from there.
    const start = options.from ? coreOf(scenario, startOf(scenario, game.seed)) : { model, points };
    const nash = options.from ? bargainingPoints(start.points, fromSeats(seats, d)).nash : b.nash;
    out.game = standingOf(start.model, game, start.points, nash, fromSeats(seats, d));
  }
  return out;
}

/** Every package of at most `k` cards (one option per issue), each in its cheaper format. */
function smallScenarioPackages(model: DealModel, k: number): Record<Side, number>[] {
  const issues = scenarioIssues(model);
  const out: Record<Side, number>[] = [];
  const walk = (from: number, left: number, ids: string[]) => {
    const format = formatFor(model, ids, 'multilateral');
    const w = packageWorth(model, ids, format, { caveats: false });
    out.push(bySeat(model.seats, (s) => round2(w.worth[s])));
    if (left === 0) return;
    for (let i = from; i < issues.length; i++) for (const o of issues[i].options.slice(1)) walk(i + 1, left - 1, [...ids, ...o.cards.map((c) => c.card.id)]);
  };
  walk(0, k, []);
  return out;
}

function standingOf(model: DealModel, game: GameState, frontier: ModelPoint[], nashPoint: ModelPoint | null, d: { first: number; second: number }): GameStanding {
  const seats = model.seats;
  const kept = game.agreements.filter((a) => seats.some((s) => a.obligations[s].status === 'implemented' && a.obligations[s].cards.length > 0));
  const deliveredIds = kept.flatMap((a) => seats.flatMap((s) => (a.obligations[s].status === 'implemented' ? a.obligations[s].cards : [])));
  // Valued in the format they were signed in when every agreement that delivered was multilateral.
  const wanted: Format = kept.length > 0 && kept.every((a) => a.format === 'multilateral') ? 'multilateral' : 'bilateral';
  const delivered = dealOf(model, deliveredIds, formatFor(model, deliveredIds, wanted));
  const signedIds = seats.flatMap((s) => game.given[s]);
  const agreed = dealOf(model, signedIds, formatFor(model, signedIds, game.agreements.length > 0 && game.agreements.every((a) => a.format === 'multilateral') ? 'multilateral' : 'bilateral'));
  const exact = fromSeats(seats, packageWorth(model, deliveredIds, delivered.format, { caveats: false }).worth);
  const missedPoints = betterForBoth(exact, frontier);
  const nash = nashPoint ?? d;
  return {
    delivered,
    agreed,
    distanceToFrontier: round2(distanceToFrontier(exact, frontier)),
    distanceToNash: round2(Math.hypot(nash.first - exact.first, nash.second - exact.second)),
    onFrontier: distanceToFrontier(exact, frontier) <= 1e-6,
    bothCouldGain: round2(missedPoints.length ? Math.min(missedPoints[0].first - exact.first, missedPoints[0].second - exact.second) : 0),
    missed: missedPoints.slice(0, 5).map((p) => dealOf(model, p.cards.map((c) => c.card.id), p.format)),
  };
}
