// Shared helpers for the engine's tests: the shipped scenarios, and small ways to drive a game.
import { expect } from 'vitest';
import {
  applyMove,
  meterPaths,
  onTable,
  otherSide,
  pendingSides,
  readMeter,
  undecidedObligations,
  legalMoves,
  type GameState,
  type Move,
  type MoveResult,
  type Scenario,
  type Side,
} from '../../src/engine';
import { builtInScenarioFiles, requireScenario, scenarioIdOf } from '../../src/scenario/files';

/** The shipped scenarios' seats. */
const US_RU = ['us', 'ru'] as const;

let loaded: [string, Scenario][] | undefined;

/** Every shipped scenario, by id (loaded once per test file). */
export function shippedScenarios(): [string, Scenario][] {
  loaded ??= builtInScenarioFiles().map((f) => [scenarioIdOf(f), requireScenario(f)]);
  return loaded;
}

/** The state after a move the test expects the rules to accept. */
export function must(r: MoveResult): GameState {
  if (!r.ok) expect.fail(`move refused: ${r.reason}`);
  return r.state;
}

export function play(scenario: Scenario, state: GameState, ...moves: Move[]): GameState {
  for (const m of moves) state = must(applyMove(scenario, state, m));
  return state;
}

/** A move that changes as little as possible: neutral words, pass, reject, implement, done. */
export function quietMove(scenario: Scenario, state: GameState): Move {
  const side = pendingSides(state)[0];
  switch (state.phase) {
    case 'statements':
      return { type: 'statement', side, tone: 'neutral' };
    case 'proposals':
      return { type: 'pass', side };
    case 'responses':
      return { type: 'reject', side };
    case 'implementation': {
      const owed = undecidedObligations(state, side);
      return owed.length ? { type: 'implement', side, agreement: owed[0] } : { type: 'done', side };
    }
    default:
      throw new Error(`no move in phase ${state.phase}`);
  }
}

/** Play quiet moves until `until` holds (or the game ends). */
export function advance(scenario: Scenario, state: GameState, until: (s: GameState) => boolean, limit = 500): GameState {
  for (let i = 0; i < limit && !until(state) && state.phase !== 'ended'; i++) state = play(scenario, state, quietMove(scenario, state));
  return state;
}

/** Every meter's value, by path. */
export function metersOf(state: GameState): Record<string, number> {
  return Object.fromEntries(meterPaths(state).map((p) => [p, readMeter(state, p)]));
}

/** Cards a side may still give (on the table, not red lines, not given), in scenario order. */
export function giveable(scenario: Scenario, state: GameState, side: Side): string[] {
  const red = new Set(scenario.sides[side].redLines.map((r) => r.card));
  return scenario.cards.filter((c) => c.side === side && !red.has(c.id) && !state.given[side].includes(c.id) && onTable(scenario, state.firedEvents, c)).map((c) => c.id);
}

/**
 * Any move the pending side could make: a legal non-package move, or a package of random cards
 * (which may be refused: the caller decides). `pick(n)` returns an integer in [0, n).
 */
export function randomMove(scenario: Scenario, state: GameState, pick: (n: number) => number): Move {
  const side = pendingSides(state)[pick(2) === 0 ? 0 : pendingSides(state).length - 1];
  const packaged = state.phase === 'proposals' || (state.phase === 'responses' && pick(4) === 0);
  if (packaged) {
    const mine = scenario.cards.filter((c) => c.side === side);
    const theirs = scenario.cards.filter((c) => c.side === otherSide(US_RU, side));
    const some = (cards: typeof mine) => Array.from({ length: pick(3) }, () => cards[pick(cards.length)]?.id).filter((x): x is string => !!x);
    const move = {
      type: state.phase === 'proposals' ? 'propose' : 'counter',
      side,
      give: [...new Set(some(mine))],
      ask: [...new Set(some(theirs))],
      format: pick(3) === 0 ? 'multilateral' : 'bilateral',
    } as Move;
    return move;
  }
  const options = legalMoves(scenario, state, side);
  return options[pick(options.length)];
}
