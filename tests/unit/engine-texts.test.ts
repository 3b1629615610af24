// The words the engine writes for players (ledger causes, refusals) read as English.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { allLedger, createGame, possessive, whyNot } from '../../src/engine';
import { advance, play, shippedScenarios } from './engine-test-kit';

describe('possessives in the engine’s texts', () => {
  it('a name ending in s takes the apostrophe alone', () => {
    expect(possessive('United States')).toBe("United States'");
    expect(possessive('Russia')).toBe("Russia's");
  });

  const [, reset] = shippedScenarios().find(([id]) => id === 'reset-2009')!;

  it("a United States statement's cause reads \"United States' hostile statement\"", () => {
    const s = advance(reset, createGame(reset, 1), (g) => g.phase === 'statements');
    const after = play(reset, s, { type: 'statement', side: 'us', tone: 'hostile' });
    const causes = allLedger(after).slice(allLedger(s).length).map((e) => e.cause);
    expect(causes).toContain("United States' hostile statement");
  });

  it('the refusal of a proposal out of turn says it is the other side\'s turn, without naming the sides (a scenario may call them anything)', () => {
    const s = advance(reset, createGame(reset, 1), (g) => g.phase === 'proposals');
    const other = s.initiative === 'us' ? 'ru' : 'us';
    expect(whyNot(reset, s, { type: 'pass', side: other })).toBe("it is the other side's turn to propose (the initiative alternates)");
    expect(whyNot(reset, s, { type: 'pass', side: s.initiative })).toBeNull();
  });

  for (const [id, scenario] of shippedScenarios()) {
    it(`${id}: no ledger cause says "s's" in a whole game`, () => {
      for (const [us, ru] of [['random', 'random'], ['reciprocator', 'hardliner'], ['hardliner', 'conceder']]) {
        const { state } = playGame(scenario, 4, { us: STRATEGIES[us], ru: STRATEGIES[ru] });
        const bad = allLedger(state).filter((e) => /s's\b/.test(e.cause));
        expect(bad.map((e) => e.cause)).toEqual([]);
      }
    });
  }
});
