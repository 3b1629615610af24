// Checks of meaning that warn rather than refuse: the scenario runs, but something in it cannot matter.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load';

const SMALL = readFileSync(resolve(import.meta.dirname, '../fixtures/scenarios/valid/small.yaml'), 'utf8');
const warningsOf = (text: string) => {
  const r = loadScenarioText(text, 'w.yaml');
  expect(r.ok ? [] : r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return (r.ok ? r.warnings : []).filter((w) => !/translation/.test(w.message)).map((w) => `${w.line}:${w.column} ${w.message}`);
};

describe('warnings about things that cannot matter', () => {
  it('the valid starting point has none', () => {
    expect(warningsOf(SMALL)).toEqual([]);
  });

  it('a third party no card or event touches: its confidence can never change', () => {
    const text = SMALL.replace('\n# A track is a ladder', '\nthirdParties:\n  - { id: fishermen, name: Fishermen, patron: us, start: 50 }\n\n# A track is a ladder');
    expect(warningsOf(text)).toEqual([
      '27:11 the confidence of "fishermen" can never change: no card names it under allies and no event moves allies.fishermen',
    ]);
    // Once a card names it, it can.
    expect(warningsOf(text.replace('    value: 4\n  - id: cut-launchers', '    value: 4\n    allies: { fishermen: -5 }\n  - id: cut-launchers'))).toEqual([]);
  });

  it('a track with no cards and no event: it can never move', () => {
    const text = SMALL.replace(
      '\n# Concessions',
      '\n  - id: culture\n    name: Cultural exchange\n    start: none\n    stages:\n      none: { name: None, on: { SIGN: some } }\n      some: { name: Some, value: 1, final: true }\n\n# Concessions',
    );
    expect(warningsOf(text)).toEqual(['60:9 track "culture" can never move: no card is on it and no event sends it anything']);
  });

  it('a red line on a card the side does not give, a final stage with ways out, concessionsAtLeast in an event', () => {
    const text = SMALL.replace('    priorities: { arms: 8, trade: 3 }', '    priorities: { arms: 8, trade: 3 }\n    redLines: [{ card: open-market, why: Hm. }]')
      .replace('        value: 1\n        final: true', '        value: 1\n        final: true\n        on: { DEFECT: talks }')
      .replace('    trigger: { chance: 0.2 }', '    trigger: { chance: 0.2, when: { concessionsAtLeast: 1 } }');
    expect(warningsOf(text)).toEqual([
      '20:24 red line "open-market" is a card ru gives, not one us would refuse to give',
      '45:16 stage "in-force" is final, so the game never follows its transitions: remove final: true, or the transitions under "on"',
      '94:37 concessionsAtLeast only counts in track guards; in an event it never holds',
    ]);
  });
});
