// The computer counterpart the UI and the classroom server play against.
// This is the stable interface; the agent behind it lives in src/ai (issue 5 builds it out).
import type { Move, Scenario, Side, GameState } from '../engine';
import { contextFor, STRATEGIES, type Strategy } from './strategies';
import { makeRandom } from '../engine';

export type Difficulty = 'easy' | 'normal' | 'hard';

export interface Decision {
  move: Move;
  /** A sentence tied to the agent's interests, shown to the player ("Moscow wants something in exchange..."). */
  reason?: string;
}

export interface Counterpart {
  side: Side;
  difficulty: Difficulty;
  /** Decide the counterpart's next move. Sees only its own side's view. */
  decide(state: GameState): Decision;
}

const BY_DIFFICULTY: Record<Difficulty, Strategy> = {
  easy: STRATEGIES.conceder,
  normal: STRATEGIES.reciprocator,
  hard: STRATEGIES.reciprocator,
};

export function createCounterpart(scenario: Scenario, side: Side, difficulty: Difficulty = 'normal', seed = 1): Counterpart {
  const random = makeRandom(seed);
  const strategy = BY_DIFFICULTY[difficulty];
  return {
    side,
    difficulty,
    decide(state) {
      return { move: strategy(contextFor(scenario, state, side, random)) };
    },
  };
}
