// Property tests (fast-check): thousands of random move sequences, legal and not, in every scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allLedger,
  allMoves,
  applyMove,
  legalMoves,
  pendingSides,
  createGame,
  makeRandom,
  METER_MAX,
  METER_MIN,
  timeline,
  whyNot,
  type GameState,
  type Scenario,
} from '../../src/engine';
import { metersOf, randomMove, shippedScenarios } from './engine-test-kit';

const scenarios = shippedScenarios();
/** About 2,400 random games in all, shared among the scenarios. */
const RUNS = Math.ceil(2400 / scenarios.length);

const inBounds = (v: number) => Number.isInteger(v) && v >= METER_MIN && v <= METER_MAX;

/** Play the sequence of choices; call `check` after every attempted move. */
function playChoices(
  scenario: Scenario,
  seed: number,
  choices: number[],
  check: (before: GameState, after: GameState, ok: boolean, reason?: string) => void,
): GameState {
  let state = createGame(scenario, seed);
  for (const choice of choices) {
    if (state.phase === 'ended') break;
    const random = makeRandom(choice);
    const move = randomMove(scenario, state, (n) => Math.floor(random() * n));
    const r = applyMove(scenario, state, move);
    check(state, r.state, r.ok, r.ok ? undefined : r.reason);
    state = r.state;
  }
  return state;
}

/** Paths of objects in a state that are not frozen (a state is immutable all the way down). */
function unfrozen(value: unknown, path = 'state'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return own.concat(...Object.entries(value).map(([k, v]) => unfrozen(v, `${path}.${k}`)));
}

const gameArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  choices: fc.array(fc.nat(), { minLength: 10, maxLength: 160 }),
});

for (const [id, scenario] of scenarios) {
  describe(`random play in ${id}`, () => {
    it('meters never leave 0..100 and stay whole numbers, whatever the moves', () => {
      fc.assert(
        fc.property(gameArb, ({ seed, choices }) => {
          const final = playChoices(scenario, seed, choices, (_before, after) => {
            for (const [path, v] of Object.entries(metersOf(after))) expect(inBounds(v), `${path} = ${v}`).toBe(true);
          });
          for (const e of allLedger(final)) expect(inBounds(e.value) && Number.isInteger(e.delta) && e.delta !== 0, JSON.stringify(e)).toBe(true);
          for (const t of timeline(final)) for (const [path, v] of Object.entries(t.meters)) expect(inBounds(v), `turn ${t.turn} ${path}`).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });

    it('a refused move returns the very same state object and says why; an accepted one never mutates the old state', () => {
      fc.assert(
        fc.property(gameArb, ({ seed, choices }) => {
          playChoices(scenario, seed, choices, (before, after, ok, reason) => {
            if (ok) {
              expect(after).not.toBe(before);
              expect(unfrozen(after)).toEqual([]);
            } else {
              expect(after).toBe(before);
              expect(reason).toMatch(/\w/);
            }
          });
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    });

    it('a refused move leaves the game exactly as it was and says why in words; an accepted one is recorded; every listed legal move is accepted', () => {
      fc.assert(
        fc.property(gameArb, ({ seed, choices }) => {
          let state = createGame(scenario, seed);
          for (const choice of choices) {
            if (state.phase === 'ended') break;
            for (const side of pendingSides(state)) for (const legal of legalMoves(scenario, state, side)) expect(whyNot(scenario, state, legal), JSON.stringify(legal)).toBeNull();
            const random = makeRandom(choice);
            const move = randomMove(scenario, state, (n) => Math.floor(random() * n));
            const before = allMoves(state).length;
            const r = applyMove(scenario, state, move);
            if (r.ok) expect(allMoves(r.state).at(-1)).toEqual(move);
            else {
              expect(r.state).toBe(state);
              expect(r.reason).toMatch(/^[A-Za-z"“].{8,}/);
            }
            expect(allMoves(r.state).length).toBe(before + (r.ok ? 1 : 0));
            state = r.state;
          }
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    });
  });
}
