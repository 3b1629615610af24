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
      '20:24 red line "open-market" is a card Russia (ru) gives, not one United States (us) would refuse to give',
      '45:16 stage "in-force" is final, so the game never follows its transitions: remove final: true, or the transitions under "on"',
      '94:37 concessionsAtLeast only counts in track guards; in an event it never holds',
    ]);
  });

  it('a stance that wants a track worth nothing to its side or repeats a red line; history that leaves a track out or gives a red line', () => {
    const text = SMALL.replace(
      '    priorities: { arms: 5, trade: 7 }\n',
      '    priorities: { arms: 5, trade: 0 }\n    redLines: [{ card: cut-launchers, why: Never. }]\n    counterpart:\n      wants: { tracks: [trade] }\n      neverGives: [{ card: cut-launchers, why: Never. }]\n      why: Russia holds on to its launchers.\n',
    ).replace(
      'summary: Two capitals, one treaty, and not much time.\n',
      'summary: Two capitals, one treaty, and not much time.\nhistory:\n  text: Nothing came of it.\n  tracks:\n    arms: { stage: talks }\n  deal: { cards: [cut-launchers], text: Launchers were cut. }\n',
    );
    expect(warningsOf(text)).toEqual([
      '32:25 Russia (ru) wants "trade" most, but its priorities give that track 0: raise the priority, or want another track',
      '33:28 "cut-launchers" is already a red line of Russia (ru): neverGives is for cards beyond its red lines',
      '14:3 history says nothing of "trade": the debrief compares only the tracks listed here',
      '16:19 "cut-launchers" is a red line of Russia (ru), which no game can give: is it what history agreed?',
    ]);
  });

  it('a track whose history gives neither a stage nor a sentence is refused where it is written', () => {
    const text = SMALL.replace('summary: Two capitals, one treaty, and not much time.\n', 'summary: Two capitals, one treaty, and not much time.\nhistory:\n  text: Nothing came of it.\n  tracks:\n    arms: { cite: [some-article.txt] }\n');
    const r = loadScenarioText(text, 'w.yaml');
    expect(r.ok ? [] : r.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '15:5 history of track "arms" says nothing: give the stage history reached, or a sentence (text)',
    ]);
  });
});
