// Determinism: a game is its scenario, its seed and its moves. Nothing else may leak in.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { applyPatches, enablePatches } from 'immer';
import { allNews, applyMove, createGame, logOf, replay, type GameLog } from '../../src/engine';
import { must, shippedScenarios } from './engine-test-kit';

enablePatches();

const MATCHUPS: [string, string][] = [
  ['reciprocator', 'reciprocator'],
  ['hardliner', 'conceder'],
  ['random', 'random'],
  ['random', 'hardliner'],
];

for (const [id, scenario] of shippedScenarios()) {
  describe(`replaying ${id}`, () => {
    it('replaying a game log reproduces the final state exactly (deep-equal and byte-equal JSON)', () => {
      for (const [us, ru] of MATCHUPS) {
        for (const seed of [1, 2, 3]) {
          const { state } = playGame(scenario, seed, { us: STRATEGIES[us], ru: STRATEGIES[ru] });
          const log = logOf(state);
          // The log survives being written out and read back (a saved file, a network message).
          const again = replay(scenario, JSON.parse(JSON.stringify(log)) as GameLog);
          expect(again).toEqual(state);
          expect(JSON.stringify(again)).toBe(JSON.stringify(state));
        }
      }
    });

    it('the same scenario, seed and moves give byte-identical JSON every time', () => {
      const { state } = playGame(scenario, 7, { us: STRATEGIES.random, ru: STRATEGIES.reciprocator });
      const log = logOf(state);
      const a = JSON.stringify(replay(scenario, log));
      const b = JSON.stringify(replay(scenario, log));
      expect(a).toBe(b);
      expect(JSON.stringify(playGame(scenario, 7, { us: STRATEGIES.random, ru: STRATEGIES.reciprocator }).state)).toBe(a);
    });

    it('a game state is plain data: it survives a JSON round trip unchanged', () => {
      const { state } = playGame(scenario, 4, { us: STRATEGIES.random, ru: STRATEGIES.random });
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });

    it('two different seeds give different games', () => {
      const a = playGame(scenario, 1, { us: STRATEGIES.random, ru: STRATEGIES.random });
      const b = playGame(scenario, 2, { us: STRATEGIES.random, ru: STRATEGIES.random });
      expect(logOf(a.state).moves).not.toEqual(logOf(b.state).moves);
      expect(createGame(scenario, 1).rng).not.toBe(createGame(scenario, 2).rng);
    });

    it.runIf(scenario.events.some((e) => e.trigger.chance !== undefined))(
      'with the same strategies, the seed alone changes which chance events strike',
      () => {
        const newsOf = (seed: number) =>
          JSON.stringify(allNews(playGame(scenario, seed, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator }).state).map((n) => `${n.turn}:${n.event}`));
        const distinct = new Set(Array.from({ length: 8 }, (_, i) => newsOf(i + 1)));
        expect(distinct.size).toBeGreaterThan(1);
      },
    );


    it('a log of another scenario, or one with a refused move, does not replay', () => {
      const { state } = playGame(scenario, 1, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator });
      const log = logOf(state);
      expect(() => replay(scenario, { ...log, scenario: 'no-such-scenario' })).toThrow(/not/);
      const broken = { ...log, moves: [log.moves[0], log.moves[0], ...log.moves.slice(1)] };
      expect(() => replay(scenario, broken)).toThrow(/move 2 .* refused/);
    });
  });
}
