// The turn loop is decided by the game machine: our fast stepper must agree with xstate's own transition().
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { gameMachine, logOf, movesInPhase, pendingSides, replay, type GameState, type Move, type MoveType } from '../../src/engine';
import { settledPhase, whyNotNow, type GameMachineEvent } from '../../src/engine/game-machine';
import { shippedScenarios } from './engine-test-kit';

const ALL_TYPES: MoveType[] = ['statement', 'openChannel', 'propose', 'pass', 'accept', 'reject', 'counter', 'implement', 'delay', 'defect', 'verify', 'done'];

/** Every state a game passed through. */
function statesOf(scenario: Parameters<typeof replay>[0], final: GameState): GameState[] {
  const log = logOf(final);
  const out: GameState[] = [];
  for (let n = 0; n <= log.moves.length; n += 3) out.push(replay(scenario, { ...log, moves: log.moves.slice(0, n) }));
  return out;
}

for (const [id, scenario] of shippedScenarios()) {
  describe(`the game machine in ${id}`, () => {
    const states = [
      ...statesOf(scenario, playGame(scenario, 1, { us: STRATEGIES.random, ru: STRATEGIES.reciprocator }).state),
      ...statesOf(scenario, playGame(scenario, 2, { us: STRATEGIES.hardliner, ru: STRATEGIES.conceder }).state),
    ];

    it('accepts exactly the moves xstate accepts, from exactly the sides it names', () => {
      const seen = { accepted: 0, refused: 0 };
      for (const state of states) {
        const snapshot = gameMachine.resolveState({ value: state.phase, context: {} });
        for (const side of ['us', 'ru'] as const) {
          for (const type of ALL_TYPES) {
            const move = { type, side, tone: 'neutral', give: [], ask: [], agreement: 'A1', channel: 'x' } as unknown as Move;
            const event = { type, move, game: state } as GameMachineEvent;
            const [, actions] = transition(gameMachine, snapshot, event);
            const xstateAccepts = actions.some((a) => (a as { type?: string }).type === 'acceptMove');
            expect(whyNotNow(state, move) === null, `${state.phase} turn ${state.turn}: ${side} ${type}`).toBe(xstateAccepts);
            seen[xstateAccepts ? 'accepted' : 'refused']++;
          }
          if (!pendingSides(state).includes(side) && state.phase !== 'statements') {
            for (const type of movesInPhase(state.phase)) {
              const move = { type, side, agreement: 'A1' } as unknown as Move;
              expect(whyNotNow(state, move), `${side} may not ${type} in ${state.phase}`).not.toBeNull();
            }
          }
        }
      }
      expect(seen.accepted).toBeGreaterThan(50);
      expect(seen.refused).toBeGreaterThan(50);
    });

    it('moves the phase on exactly as xstate does, in states where the phase is due to move and where it is not', () => {
      // A state after a move is already settled (it would stay): the variants below are the moments in between, in every
      // phase, with each condition the machine settles on made to hold.
      const variants = (state: GameState): GameState[] => {
        const v = (phase: GameState['phase'], change: (g: GameState) => void = () => {}) => {
          const g = structuredClone(state) as GameState;
          g.phase = phase;
          change(g);
          return g;
        };
        return [
          state,
          v('briefing'),
          v('resolution'),
          v('statements', (g) => (g.thisTurn.statements = { us: 'neutral', ru: 'neutral' })),
          v('statements', (g) => (g.thisTurn.statements = { us: 'neutral' })),
          v('proposals', (g) => (g.proposal = { by: g.initiative, give: [], ask: [], format: 'bilateral', isCounter: false } as GameState['proposal'])),
          v('proposals', (g) => (g.thisTurn.passed = true)),
          v('responses', (g) => (g.thisTurn.settled = true)),
          v('implementation', (g) => (g.thisTurn.done = ['us', 'ru'])),
          v('implementation', (g) => (g.thisTurn.done = ['us'])),
          v(state.phase === 'ended' ? 'statements' : state.phase, (g) => (g.end = { reason: 'escalation', turn: g.turn } as GameState['end'])),
        ];
      };
      const seen = { moved: 0, stayed: 0 };
      for (const state of states.flatMap(variants)) {
        if (state.phase === 'ended') continue;
        const snapshot = gameMachine.resolveState({ value: state.phase, context: {} });
        const [next] = transition(gameMachine, snapshot, { type: 'SETTLE', game: state } as GameMachineEvent);
        expect(settledPhase(state), `${state.phase} turn ${state.turn}`).toBe(next.value);
        seen[next.value === state.phase ? 'stayed' : 'moved']++;
      }
      expect(seen.moved).toBeGreaterThan(seen.stayed / 2);
      expect(seen.stayed).toBeGreaterThan(50);
    });
  });
}
