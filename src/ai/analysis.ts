// Deal analysis: the space of packages a scenario allows, what each is worth to each side, the
// Pareto frontier, the Nash bargaining and Kalai–Smorodinsky points, and where a finished game's
// deal stands against them. Pure and browser-safe (the debrief and the class view use it too).
// Worth comes from the engine's utility module only (cardUtility, packageUtility, deliveredUtility).
import {
  cardUtility,
  deliveredUtility,
  packageUtility,
  textOf,
  type CardDef,
  type GameState,
  type Scenario,
  type Side,
} from '../engine';

/** Numbers closer than this are equal (utilities are sums of tenths). */
const EPS = 1e-9;
/** Sums are snapped to this grid so that float noise never splits two equal worths. */
const snap = (x: number) => Math.round(x * 1e8) / 1e8;

/** One choice on one issue, with what it is worth to each side. */
export interface IssueOption {
  label: string;
  us: number;
  ru: number;
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
  disagreement: { us: number; ru: number };
}

/** A package: the option picked on each issue (by index), and its worth to each side. */
export interface DealPoint {
  us: number;
  ru: number;
  choice: number[];
}

export interface DomainAnalysis {
  /** How many packages the domain has (the product of its issues' option counts). */
  packages: number;
  disagreement: { us: number; ru: number };
  /** Packages no other package beats for one side without hurting the other, by the United States' worth, rising. */
  frontier: DealPoint[];
  /** Max of (us − d.us)·(ru − d.ru) over packages both prefer to no deal; null when no package gains both. */
  nash: DealPoint | null;
  /** Best worth each side can get from a package the other side does not refuse. */
  ideal: { us: number; ru: number };
  /** Max of the smaller of the two normalised gains (gain / ideal gain); null like nash. */
  kalaiSmorodinsky: DealPoint | null;
}

// ------------------------------------------------------------------ generic domain math

/** Keep the packages nobody can improve for one side without hurting the other (one per point). */
export function paretoFilter(points: DealPoint[]): DealPoint[] {
  const sorted = [...points].sort((a, b) => b.us - a.us || b.ru - a.ru || cardsChosen(a) - cardsChosen(b));
  const out: DealPoint[] = [];
  let bestRu = -Infinity;
  for (const p of sorted) {
    if (p.ru > bestRu + EPS) {
      out.push(p);
      bestRu = p.ru;
    }
  }
  return out.reverse();
}

const cardsChosen = (p: DealPoint) => p.choice.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);

/**
 * The exact Pareto frontier of an additive domain, issue by issue: a package that is dominated on
 * the issues seen so far stays dominated whatever is added, so it can be dropped at once.
 */
export function paretoFrontier(domain: Domain): DealPoint[] {
  let front: DealPoint[] = [{ us: 0, ru: 0, choice: [] }];
  for (const issue of domain.issues) {
    const next: DealPoint[] = [];
    for (const p of front)
      issue.options.forEach((o, k) => next.push({ us: snap(p.us + o.us), ru: snap(p.ru + o.ru), choice: [...p.choice, k] }));
    front = paretoFilter(next);
  }
  return front;
}

export function packageCount(domain: Domain): number {
  return domain.issues.reduce((n, i) => n * i.options.length, 1);
}

/** Worth of a package (option index per issue) to each side. */
export function pointOf(domain: Domain, choice: number[]): DealPoint {
  let us = 0;
  let ru = 0;
  domain.issues.forEach((issue, i) => {
    const o = issue.options[choice[i] ?? 0];
    us += o.us;
    ru += o.ru;
  });
  return { us: snap(us), ru: snap(ru), choice: [...choice] };
}

/** Every package of the domain (only for small domains: the count is a product). */
export function allPackages(domain: Domain, limit = 1 << 16): DealPoint[] {
  const n = packageCount(domain);
  if (n > limit) throw new Error(`the domain has ${n} packages, more than the limit of ${limit}`);
  let out: DealPoint[] = [{ us: 0, ru: 0, choice: [] }];
  for (const issue of domain.issues) {
    const next: DealPoint[] = [];
    for (const p of out) issue.options.forEach((o, k) => next.push({ us: snap(p.us + o.us), ru: snap(p.ru + o.ru), choice: [...p.choice, k] }));
    out = next;
  }
  return out;
}

export function analyzeDomain(domain: Domain): DomainAnalysis {
  const d = domain.disagreement;
  const frontier = paretoFrontier(domain);
  const rational = frontier.filter((p) => p.us >= d.us - EPS && p.ru >= d.ru - EPS);
  const gaining = rational.filter((p) => p.us > d.us + EPS && p.ru > d.ru + EPS);

  let nash: DealPoint | null = null;
  let best = 0;
  for (const p of gaining) {
    const product = (p.us - d.us) * (p.ru - d.ru);
    if (nash === null || product > best + EPS || (Math.abs(product - best) <= EPS && p.us + p.ru > nash.us + nash.ru + EPS)) {
      nash = p;
      best = product;
    }
  }

  const ideal = {
    us: rational.length ? Math.max(...rational.map((p) => p.us)) : d.us,
    ru: rational.length ? Math.max(...rational.map((p) => p.ru)) : d.ru,
  };
  let ks: DealPoint | null = null;
  let ksScore = 0;
  let ksImbalance = 0;
  for (const p of gaining) {
    const a = (p.us - d.us) / (ideal.us - d.us);
    const b = (p.ru - d.ru) / (ideal.ru - d.ru);
    const score = Math.min(a, b);
    const imbalance = Math.abs(a - b);
    if (ks === null || score > ksScore + EPS || (Math.abs(score - ksScore) <= EPS && imbalance < ksImbalance - EPS)) {
      ks = p;
      ksScore = score;
      ksImbalance = imbalance;
    }
  }
  return { packages: packageCount(domain), disagreement: { ...d }, frontier, nash, ideal, kalaiSmorodinsky: ks };
}

/** Distance from a point to the nearest frontier package (0 on the frontier). */
export function distanceToFrontier(point: { us: number; ru: number }, frontier: DealPoint[]): number {
  let best = Infinity;
  for (const p of frontier) best = Math.min(best, Math.hypot(p.us - point.us, p.ru - point.ru));
  return best === Infinity ? 0 : best;
}

/** Frontier packages better for both sides than `point`, best shared gain first. */
export function betterForBoth(point: { us: number; ru: number }, frontier: DealPoint[]): DealPoint[] {
  return frontier
    .filter((p) => p.us > point.us + EPS && p.ru > point.ru + EPS)
    .sort((a, b) => Math.min(b.us - point.us, b.ru - point.ru) - Math.min(a.us - point.us, a.ru - point.ru));
}

// ------------------------------------------------------------------ scenarios

/**
 * A scenario as a domain: one issue per concession card that its giver can give (red lines never
 * can), with two options — left out, or in the package. No deal is worth nothing to either side.
 */
export function scenarioDomain(scenario: Scenario): Domain {
  const red = new Set([...scenario.sides.us.redLines, ...scenario.sides.ru.redLines].map((r) => r.card));
  const issues: Issue[] = scenario.cards
    .filter((c) => !red.has(c.id))
    .map((c) => ({
      id: c.id,
      label: textOf(c.title),
      options: [
        { label: 'left out', us: 0, ru: 0, cards: [] },
        { label: textOf(c.title), us: worth(c, 'us', scenario), ru: worth(c, 'ru', scenario), cards: [c.id] },
      ],
    }));
  return { issues, disagreement: { us: 0, ru: 0 } };
}

const worth = (card: CardDef, side: Side, scenario: Scenario) => cardUtility(card, side, scenario.sides[side].priorities);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A package in the scenario's words: who gives what, and its worth to each side. */
export interface ScenarioDeal {
  us: number;
  ru: number;
  /** Cards the United States gives / Russia gives. */
  usGives: string[];
  ruGives: string[];
  /** The same, as card titles for people. */
  summary: string;
}

export interface GameStanding {
  /** What was delivered (implemented obligations): the deals part of each side's score. */
  delivered: ScenarioDeal;
  /** Everything signed, delivered or not. */
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
  /** What the analysed space is: every package of the cards its givers may give. */
  space: { cards: number; packages: number; excludedRedLines: string[] };
  disagreement: { us: number; ru: number };
  frontier: ScenarioDeal[];
  nash: ScenarioDeal | null;
  kalaiSmorodinsky: ScenarioDeal | null;
  ideal: { us: number; ru: number };
  /** Worth of every package of at most CLOUD_CARDS cards, for plotting the space around the frontier. */
  cloud: { us: number; ru: number }[];
  /** Set when a finished (or running) game was analysed. */
  game?: GameStanding;
}

function dealOf(scenario: Scenario, domain: Domain, p: DealPoint): ScenarioDeal {
  const ids = domain.issues.flatMap((issue, i) => issue.options[p.choice[i] ?? 0].cards ?? []);
  return dealOfCards(scenario, ids);
}

/** A package of cards, valued by the engine's packageUtility for each side. */
export function dealOfCards(scenario: Scenario, ids: string[]): ScenarioDeal {
  const byId = new Map(scenario.cards.map((c) => [c.id, c]));
  const usGives = ids.filter((id) => byId.get(id)?.side === 'us');
  const ruGives = ids.filter((id) => byId.get(id)?.side === 'ru');
  const terms = { give: usGives, ask: ruGives };
  const title = (id: string) => textOf(byId.get(id)?.title) || id;
  const summary =
    ids.length === 0
      ? 'no deal'
      : `${textOf(scenario.sides.us.name)} gives ${usGives.map(title).join('; ') || 'nothing'} — ${textOf(scenario.sides.ru.name)} gives ${ruGives.map(title).join('; ') || 'nothing'}`;
  return {
    us: round2(packageUtility(scenario, terms, 'us')),
    ru: round2(packageUtility(scenario, terms, 'ru')),
    usGives,
    ruGives,
    summary,
  };
}

/** Analyse a scenario's deal space; with a game state, also where that game's deal stands. */
export function analyzeScenario(scenario: Scenario, game?: GameState): ScenarioAnalysis {
  const domain = scenarioDomain(scenario);
  const a = analyzeDomain(domain);
  const red = [...scenario.sides.us.redLines, ...scenario.sides.ru.redLines].map((r) => r.card);
  const out: ScenarioAnalysis = {
    scenario: scenario.id,
    title: textOf(scenario.title),
    space: { cards: domain.issues.length, packages: a.packages, excludedRedLines: red },
    disagreement: a.disagreement,
    frontier: a.frontier.map((p) => dealOf(scenario, domain, p)),
    nash: a.nash && dealOf(scenario, domain, a.nash),
    kalaiSmorodinsky: a.kalaiSmorodinsky && dealOf(scenario, domain, a.kalaiSmorodinsky),
    ideal: { us: round2(a.ideal.us), ru: round2(a.ideal.ru) },
    cloud: smallPackages(domain, CLOUD_CARDS).map((p) => ({ us: round2(p.us), ru: round2(p.ru) })),
  };
  if (game) out.game = standingOf(scenario, game, a);
  return out;
}

/** Packages of the cloud: at most this many cards (16 cards give 697 packages). */
export const CLOUD_CARDS = 3;

/** Every package that moves at most `k` issues off their first option. */
export function smallPackages(domain: Domain, k: number): DealPoint[] {
  const out: DealPoint[] = [];
  const n = domain.issues.length;
  const choice = new Array<number>(n).fill(0);
  const walk = (from: number, left: number, us: number, ru: number) => {
    out.push({ us: snap(us), ru: snap(ru), choice: [...choice] });
    if (left === 0) return;
    for (let i = from; i < n; i++) {
      const options = domain.issues[i].options;
      for (let k2 = 1; k2 < options.length; k2++) {
        choice[i] = k2;
        walk(i + 1, left - 1, us + options[k2].us, ru + options[k2].ru);
      }
      choice[i] = 0;
    }
  };
  const base = pointOf(domain, choice);
  walk(0, k, base.us, base.ru);
  return out;
}

function standingOf(scenario: Scenario, game: GameState, a: DomainAnalysis): GameStanding {
  const deliveredIds = game.agreements.flatMap((ag) =>
    (['us', 'ru'] as const).flatMap((s) => (ag.obligations[s].status === 'implemented' ? ag.obligations[s].cards : [])),
  );
  const delivered = dealOfCards(scenario, deliveredIds);
  // The engine's own measure of what was delivered: the deals part of the score.
  delivered.us = round2(deliveredUtility(scenario, game, 'us'));
  delivered.ru = round2(deliveredUtility(scenario, game, 'ru'));
  const agreed = dealOfCards(scenario, [...game.given.us, ...game.given.ru]);
  const exact = { us: deliveredUtility(scenario, game, 'us'), ru: deliveredUtility(scenario, game, 'ru') };
  const missedPoints = betterForBoth(exact, a.frontier);
  const domain = scenarioDomain(scenario);
  const nash = a.nash ?? { ...a.disagreement, choice: [] };
  return {
    delivered,
    agreed,
    distanceToFrontier: round2(distanceToFrontier(exact, a.frontier)),
    distanceToNash: round2(Math.hypot(nash.us - exact.us, nash.ru - exact.ru)),
    onFrontier: distanceToFrontier(exact, a.frontier) <= 1e-6,
    bothCouldGain: round2(missedPoints.length ? Math.min(missedPoints[0].us - exact.us, missedPoints[0].ru - exact.ru) : 0),
    missed: missedPoints.slice(0, 5).map((p) => dealOf(scenario, domain, p)),
  };
}
