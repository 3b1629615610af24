// The computer counterpart the UI and the classroom server play against: the negotiator agent
// (src/ai/agent.ts) behind a small stable interface. It is handed the whole game state but looks
// only at its own side's view, and at the scenario with the other side's brief removed.
import { scenarioFor, textOf, viewFor, type GameState, type Scenario, type Side, type SideView, type PublicScenario } from '../engine';
import { NegotiatorAgent, type Decision, type Difficulty } from './agent';
import type { ConcessionStyle } from './personality';

export type { Decision, Difficulty } from './agent';
export { DIFFICULTIES } from './agent';
export type { ConcessionStyle } from './personality';

export interface Counterpart {
  side: Side;
  difficulty: Difficulty;
  /** How it concedes: the scenario's stance for its side ('historical'), or a textbook boulware, conceder or tit-for-tat. */
  style: ConcessionStyle;
  /**
   * Decide the counterpart's next move; call it whenever pendingSides(state) includes its side (in the
   * statements phase it may first ask for a channel, then make its statement on the next call).
   * Sees only its own side's view. Throws if it is not its move.
   */
  decide(state: GameState): Decision;
  /**
   * The same decision away from the page's thread (a Web Worker in the browser), when the counterpart has one: the
   * page goes on while it thinks. Absent: call decide.
   */
  decideAsync?(state: GameState): Promise<Decision>;
  /** Let go of what it holds (its worker) when the game is closed. */
  stop?(): void;
  /** Learn from the game so far without deciding (before the debrief reads beliefs). */
  follow(state: GameState): void;
  /** Its estimate of the other side's priorities per track (0..10): the debrief's reveal. */
  beliefs(): Record<string, number>;
}

export interface CounterpartOptions {
  /** A textbook style instead of the scenario's stance (which it plays at every difficulty by default). */
  style?: ConcessionStyle;
  /** A time budget per decision in ms (see AgentOptions.budgetMs). */
  budgetMs?: number;
}

export function createCounterpart(
  scenario: Scenario,
  side: Side,
  difficulty: Difficulty = 'normal',
  seed = 1,
  options: CounterpartOptions = {},
): Counterpart {
  return counterpartFromView(scenarioFor(scenario, side), side, difficulty, seed, options, (state) => viewFor(state, side));
}

/**
 * The same from what one side may know: its public scenario and a way to get its view. Tests use
 * this to hand the agent a scenario whose hidden parts throw when touched.
 */
export function counterpartFromView(
  scenario: PublicScenario,
  side: Side,
  difficulty: Difficulty,
  seed: number,
  options: CounterpartOptions,
  view: (state: GameState) => SideView,
): Counterpart {
  const agent = new NegotiatorAgent(scenario, side, difficulty, seed, { style: options.style, budgetMs: options.budgetMs });
  return {
    side,
    difficulty,
    style: agent.style,
    decide: (state) => agent.decide(view(state)),
    follow: (state) => agent.follow(view(state)),
    beliefs: () => agent.beliefs(),
  };
}

/** One row of the debrief's reveal: what the computer believed the player valued, beside the truth. */
export interface BeliefRow {
  track: string;
  name: string;
  believed: number;
  actual: number;
}

/**
 * The reveal at the end of a game: the counterpart's estimate of the player's priorities beside the
 * player's real ones (the player's own brief, shown to the player), most valued first, and how
 * closely the ranking matched (Spearman's rank correlation, −1..1; null when either is flat).
 */
export function beliefReveal(
  scenario: Scenario,
  player: Side,
  beliefs: Record<string, number>,
): { rows: BeliefRow[]; rankCorrelation: number | null } {
  const actual = scenario.sides[player].priorities;
  const rows = scenario.tracks
    .map((t) => ({ track: t.id, name: textOf(t.name), believed: beliefs[t.id] ?? 0, actual: actual[t.id] ?? 0 }))
    .sort((a, b) => b.actual - a.actual || b.believed - a.believed);
  return { rows, rankCorrelation: spearman(rows.map((r) => r.believed), rows.map((r) => r.actual)) };
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

function spearman(a: number[], b: number[]): number | null {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i] - ma) * (rb[i] - mb);
    da += (ra[i] - ma) ** 2;
    db += (rb[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? null : num / Math.sqrt(da * db);
}
