// Branch points: a finished game replayed exactly to the start of a turn, and carried in a link that a damaged or
// foreign text cannot pass for.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { RULES_VERSION, logOf } from '../../src/engine';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { BRANCH_FORMAT, BRANCH_VERSION, branchFileText, branchTurns, decodeBranch, encodeBranch, readBranchFile, replayToTurn, type BranchPoint } from '../../src/ui/branch';

const reset = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
const game = playGame(reset, 4, { us: STRATEGIES.reciprocator, ru: STRATEGIES.hardliner }).state;

describe('a branch point', () => {
  it('is the game at the start of the turn: every earlier move replayed, none of that turn', () => {
    for (const turn of [1, 3, 7]) {
      const at = replayToTurn(reset, logOf(game), turn);
      expect(at.turn).toBe(turn);
      expect(at.phase).toBe('statements');
      expect(logOf(at).moves).toEqual(game.history.filter((t) => t.turn < turn).flatMap((t) => t.moves));
    }
    expect(branchTurns(game)).toEqual(Array.from({ length: game.end!.turn }, (_, i) => i + 1));
    expect(() => replayToTurn(reset, logOf(game), game.end!.turn + 1)).toThrow(/never reached the start of turn/);
  });

  it('travels in a link and comes back the same; a damaged or foreign link says what is wrong', () => {
    const point: BranchPoint = { format: BRANCH_FORMAT, version: BRANCH_VERSION, rulesVersion: RULES_VERSION, scenario: reset.id, seed: game.seed, turn: 3, moves: logOf(game).moves, settings: { side: 'ru', opponent: 'computer', difficulty: 'hard' } };
    const text = encodeBranch(point);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a URL as it is
    expect(decodeBranch(text)).toEqual(point);
    expect(decodeBranch(text.slice(0, text.length / 2))).toEqual({ problem: expect.stringMatching(/cut short or damaged|does not hold/) });
    expect(decodeBranch(encodeBranch({ ...point, rulesVersion: RULES_VERSION + 1 }))).toEqual({ problem: expect.stringMatching(/other rules/) });
    expect(decodeBranch(btoa('{"hello":1}'))).toEqual({ problem: 'the link does not hold a branch point of this game' });
    // The same point as a file; a scenario file is not taken for one.
    expect(readBranchFile(branchFileText(point))).toEqual(point);
    expect(readBranchFile('{"id":"reset-2009","title":"x"}')).toBeNull();
    expect(readBranchFile('id: reset-2009')).toBeNull();
    expect(decodeBranch(encodeBranch({ ...point, settings: { ...point.settings, difficulty: 'impossible' as 'hard' } }))).toEqual({ problem: expect.stringMatching(/players are not ones this game knows/) });
    expect(readBranchFile(JSON.stringify({ ...point, moves: 'none' }))).toEqual({ problem: 'the file does not hold a branch point of this game' });
  });
});
