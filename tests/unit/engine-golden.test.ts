// The golden corpus: hundreds of recorded whole games (tests/fixtures/golden/, made by npm run golden:record)
// replayed move by move through the engine alone. A refactor must reproduce every hash; a deliberate change
// of the rules raises RULES_VERSION and records the corpus again.
import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../src/engine';
import { RECORD_COMMAND, divergence, gameName, goldenScenarios, readGolden, replayGolden } from '../golden';
import { shippedScenarios } from './engine-test-kit';

const HOW_TO_RECORD =
  'If the rules changed on purpose, raise RULES_VERSION in src/engine/game.ts and record the corpus again: ' +
  `${RECORD_COMMAND}. If they should not have changed, the change broke a rule: look at the moves named above.`;

describe('the golden corpus', () => {
  it('holds games of every shipped scenario, recorded under the engine’s rules version', () => {
    expect(goldenScenarios()).toEqual(shippedScenarios().map(([id]) => id).sort());
    for (const id of goldenScenarios()) {
      const versions = [...new Set(readGolden(id).map((l) => l.rules))];
      if (versions.some((v) => v !== RULES_VERSION))
        expect.fail(`${id}: the corpus was recorded under rules version ${versions.join(', ')}, the engine plays version ${RULES_VERSION}. Record it again: ${RECORD_COMMAND}.`);
    }
  });

  for (const [id, scenario] of shippedScenarios()) {
    it(`every recorded ${id} game replays to the same state, hash for hash`, () => {
      const logs = readGolden(id);
      expect(logs.length).toBeGreaterThan(100);
      const failures: { afterMove: number; text: string }[] = [];
      for (const log of logs) {
        const d = divergence(log, replayGolden(scenario, log));
        if (d) failures.push({ afterMove: d.afterMove, text: `${gameName(log)}: ${d.text}` });
      }
      // The games that differ soonest point closest to the rule that changed.
      const soonest = failures.sort((a, b) => a.afterMove - b.afterMove).slice(0, 3).map((f) => f.text);
      if (failures.length)
        expect.fail(`${failures.length} of ${logs.length} recorded ${id} games no longer replay the same. The soonest to differ:\n  ${soonest.join('\n  ')}\n${HOW_TO_RECORD}`);
    });
  }
});
