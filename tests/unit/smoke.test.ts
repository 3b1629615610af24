import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { join } from 'node:path';

describe('a whole game', () => {
  it('two reciprocators playing Reset 2009 sign and implement agreements', () => {
    const s = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
    const { outcome } = playGame(s, 1, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator });
    expect(outcome.agreements.implemented).toBeGreaterThan(0);
    expect(outcome.end?.reason).toBe('turns');
  });
});
