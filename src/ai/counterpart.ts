// The computer counterpart the UI and the classroom server play against: the negotiator agent
// (src/ai/agent.ts) behind a small stable interface. It is handed the whole game state but looks
// only at its own side's view, and at the scenario with the other side's brief removed.
import { scenarioFor, viewFor, type GameState, type Scenario, type Side, type SideView, type PublicScenario } from '../engine';
import { NegotiatorAgent, type Decision, type Difficulty } from './agent';
import type { ConcessionStyle } from './personality';

export type { Decision, Difficulty } from './agent';
export { DIFFICULTIES, DEFAULT_STYLE } from './agent';
export type { ConcessionStyle } from './personality';

export interface Counterpart {
  side: Side;
  difficulty: Difficulty;
  /** How it concedes: boulware, conceder, tit-for-tat or the scenario's historical stance. */
  style: ConcessionStyle;
  /** Decide the counterpart's next move. Sees only its own side's view. */
  decide(state: GameState): Decision;
  /** Its estimate of the other side's priorities per track (0..10): the debrief's reveal. */
  beliefs(): Record<string, number>;
}

export interface CounterpartOptions {
  /** Overrides the difficulty's default style (easy: conceder, normal: historical, hard: boulware). */
  style?: ConcessionStyle;
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
  const agent = new NegotiatorAgent(scenario, side, difficulty, seed, { style: options.style });
  return {
    side,
    difficulty,
    style: agent.style,
    decide: (state) => agent.decide(view(state)),
    beliefs: () => agent.beliefs(),
  };
}
