// Play whole games between agents, headless: for the command line, tests and benchmarks.
import { applyMove, createGame, outcomeOf, nextActors, makeRandom, type GameState, type Move, type Outcome, type Scenario, type Side } from '../engine';
import { contextFor, type AgentContext, type Strategy } from './strategies';

export interface PlayedGame {
  state: GameState;
  outcome: Outcome;
}

/** Play one game to its end. Throws if an agent makes a move the rules refuse (a bug in the agent). */
export function playGame(scenario: Scenario, seed: number, agents: Record<Side, Strategy>, maxMoves = 5000): PlayedGame {
  let state = createGame(scenario, seed);
  const random: Record<Side, () => number> = Object.fromEntries(state.seats.map((s, i) => [s, makeRandom(seed * 2 + 1 + i)]));
  for (let i = 0; i < maxMoves && state.phase !== 'ended'; i++) {
    const side = nextActors(state)[0];
    if (!side) throw new Error(`no side to move in phase ${state.phase}`);
    const move = agents[side](contextFor(scenario, state, side, random[side]));
    const r = applyMove(scenario, state, move);
    if (!r.ok) throw new Error(`turn ${state.turn}, ${state.phase}: ${side}'s ${move.type} refused: ${r.reason}`);
    state = r.state;
  }
  if (state.phase !== 'ended') throw new Error(`game did not end within ${maxMoves} moves`);
  return { state, outcome: outcomeOf(scenario, state) };
}

/** A counterpart agent as a strategy for playGame (it keeps what it learns between moves). */
export function agentStrategy(agent: { decide(view: AgentContext['view']): { move: Move } }): Strategy {
  return (ctx) => agent.decide(ctx.view).move;
}
