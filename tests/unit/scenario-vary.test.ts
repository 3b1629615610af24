// Varied briefs: the optional classroom.vary section, its checks (file:line:column like every other), the
// seeded variation the classroom server applies per table, and the limits the shipped scenarios declare.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { type Scenario } from '../../src/engine';
import { formatProblem, loadScenarioText } from '../../src/scenario/load';
import { describeChange, tableScenario, variationSeed, varyScenario } from '../../src/scenario/vary';
import { shippedScenarios } from './engine-test-kit';
import { articleText, normaliseQuote, sourcesPresent } from '../sources';

/** The shipped scenarios' seats. */
const SIDES = ['us', 'ru'] as const;

const ROOT = resolve(import.meta.dirname, '../..');
const guide = readFileSync(join(ROOT, 'docs/scenario-authoring.md'), 'utf8');
const section = (from: string, to: string) => guide.slice(guide.indexOf(from), guide.indexOf(to));
const yamlBlocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
/** The guide's walkthrough scenario (fishing talks), whole. */
const fishing = yamlBlocks(section('## Walkthrough', '## Variants')).join('');
const withVary = (vary: string) => `${fishing}classroom:\n  vary:\n${vary}`;
const errorsOf = (text: string) => {
  const r = loadScenarioText(text, 'fishing.yaml');
  return r.ok ? [] : r.problems.filter((p) => p.severity === 'error').map(formatProblem);
};
const load = (text: string): Scenario => {
  const r = loadScenarioText(text, 'fishing.yaml');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the classroom.vary section', () => {
  it("the guide's example, added to its walkthrough scenario, passes the checker", () => {
    const [example] = yamlBlocks(section('## Varied briefs in a classroom', '## What the checker checks'));
    const r = loadScenarioText(fishing + example, 'fishing.yaml');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.classroom?.vary.eastland?.priorities).toEqual({ quotas: 2, patrols: 1 });
    // A candidate that is already a red line keeps the reason sides gives it.
    expect(r.scenario.classroom?.vary.eastland?.redLines?.from[0].why).toEqual(r.scenario.sides.eastland.redLines[0].why);
    expect(r.scenario.classroom?.vary.eastland?.redLines?.pick).toBe(1);
  });

  it('a scenario without the section is the same object as before the section existed', () => {
    const s = load(fishing);
    expect('classroom' in s).toBe(false);
    expect(tableScenario(s, 7, true)).toEqual({ scenario: s, changes: [] });
  });

  it('each mistake is reported at its line and column, with what to do', () => {
    const text = withVary(
      [
        '    eastland:',
        '      why: Test.',
        '      priorities: { quota: 2 }',
        '      redLines:',
        '        pick: 5',
        '        from:',
        '          - card: cut-catch',
        '          - card: share-radar-x',
        '          - card: close-spawning-grounds',
        '          - card: close-spawning-grounds',
        '            why: Twice.',
        '',
      ].join('\n'),
    );
    const errors = errorsOf(text);
    const at = (needle: string) => `fishing.yaml:${lineOf(text, needle)}:`;
    expect(errors.find((e) => e.includes('unknown track "quota"'))).toMatch(new RegExp(`^${at('priorities: { quota: 2')}\\d+: unknown track "quota"; did you mean "quotas"\\?`));
    expect(errors.find((e) => e.includes('cut-catch'))).toContain(`${at('card: cut-catch')}`);
    expect(errors.find((e) => e.includes('cut-catch'))).toContain('"cut-catch" is a card Westland (westland) gives: Eastland (eastland) can only refuse to give its own cards');
    expect(errors.find((e) => e.includes('share-radar-x'))).toContain('unknown card "share-radar-x"');
    expect(errors.find((e) => e.includes('needs a why'))).toContain('"close-spawning-grounds" is not a red line of Eastland (eastland) in sides, so it needs a why');
    expect(errors.find((e) => e.includes('listed twice'))).toContain('card "close-spawning-grounds" is listed twice');
    expect(errors.find((e) => e.includes('pick is 5'))).toContain(`${at('pick: 5')}`);
  });

  it('spreads so wide that a side could not reach its goal at some table are refused', () => {
    // With Eastland's goal at 12 and quotas 5 → 0, patrols 7 → 0, only its support is left to score (7).
    const text = withVary('    eastland:\n      why: Test.\n      priorities: { quotas: 5, patrols: 7 }\n').replace('goal: 6\n    start: { trust: 35, support: 65', 'goal: 12\n    start: { trust: 35, support: 65');
    expect(errorsOf(text)).toEqual([`fishing.yaml:${lineOf(text, '      priorities: { quotas: 5')}:19: Eastland (eastland) could not win at some tables: with every priority listed here at its lowest the best score is 7, below its goal 12; narrow the spreads or lower the goal (at classroom.vary.eastland.priorities)`]);
  });

  it('the schema refuses a spread of 0, a missing why and fields it does not know', () => {
    expect(errorsOf(withVary('    eastland:\n      why: Test.\n      priorities: { quotas: 0 }\n')).join('\n')).toMatch(/quotas/);
    expect(errorsOf(withVary('    eastland:\n      priorities: { quotas: 1 }\n')).join('\n')).toMatch(/why/);
    expect(errorsOf(withVary('    eastland:\n      why: Test.\n      goal: 3\n')).join('\n')).toMatch(/goal/);
  });
});

describe('varyScenario', () => {
  const s = load(withVary('    eastland:\n      why: Test.\n      priorities: { quotas: 2, patrols: 1 }\n      redLines:\n        from:\n          - card: joint-boardings\n          - card: close-spawning-grounds\n            why: The bays stay open.\n'));

  it('the same seed gives the same table, and no table carries the limits', () => {
    for (const seed of [1, 2, 99, 2 ** 31 - 1]) {
      expect(varyScenario(s, seed)).toEqual(varyScenario(s, seed));
      expect('classroom' in varyScenario(s, seed).scenario).toBe(false);
    }
  });

  it('priorities stay within their spread and within 0–10; the rest of the scenario does not change', () => {
    const seen = { quotas: new Set<number>(), patrols: new Set<number>() };
    for (let seed = 1; seed <= 200; seed++) {
      const { scenario: v, changes } = varyScenario(s, seed);
      seen.quotas.add(v.sides.eastland.priorities.quotas);
      seen.patrols.add(v.sides.eastland.priorities.patrols);
      expect(v.sides.westland).toEqual(s.sides.westland);
      expect({ ...v, sides: null }).toEqual({ ...s, classroom: undefined, sides: null });
      for (const c of changes) if (c.kind === 'priority') expect(v.sides.eastland.priorities[c.track]).toBe(c.to);
    }
    expect([...seen.quotas].sort()).toEqual([3, 4, 5, 6, 7]);
    expect([...seen.patrols].sort()).toEqual([6, 7, 8]);
  });

  it('exactly pick of the candidates are red lines, each with its reason, and the changes say which moved', () => {
    const sets = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const { scenario: v, changes } = varyScenario(s, seed);
      expect(v.sides.eastland.redLines).toHaveLength(1);
      sets.add(v.sides.eastland.redLines[0].card);
      const flipped = changes.filter((c) => c.kind === 'redLine');
      expect(flipped.length).toBe(v.sides.eastland.redLines[0].card === 'joint-boardings' ? 0 : 2);
    }
    expect([...sets].sort()).toEqual(['close-spawning-grounds', 'joint-boardings']);
    const some = Array.from({ length: 50 }, (_, i) => varyScenario(s, i + 1)).find((x) => x.scenario.sides.eastland.redLines[0].card !== 'joint-boardings')!;
    expect(some.scenario.sides.eastland.redLines[0].why).toBe('The bays stay open.');
    expect(some.changes.filter((c) => c.kind === 'redLine').map((c) => describeChange(s, c))).toEqual(['Eastland: Joint boardings is no red line here', 'Eastland: Close the spawning grounds became a red line']);
  });

  it('the variation seed differs from the game seed', () => {
    expect(variationSeed(1)).not.toBe(1);
    expect(variationSeed(12345)).toBe(variationSeed(12345));
  });
});

describe('the shipped scenarios declare limits for both sides', () => {
  for (const [id, s] of shippedScenarios()) {
    it(`${id}: each side may vary, each quote is its article's words, and every varied table is still winnable and plays to the end`, () => {
      for (const side of SIDES) {
        const v = s.classroom?.vary[side];
        expect(v, `${id} ${side}`).toBeDefined();
        expect(Object.keys(v!.priorities).length + (v!.redLines?.from.length ?? 0)).toBeGreaterThan(0);
        // Where the articles are here (always in CI), each quote is the article's words.
        if (sourcesPresent) for (const c of v!.cite) if (c.quote) expect(articleText(c.file), c.file).toContain(normaliseQuote(c.quote));
        for (const r of v!.redLines?.from ?? []) expect(s.cards.find((c) => c.id === r.card)?.side).toBe(side);
      }
      const briefs = new Set<string>();
      for (let seed = 1; seed <= 6; seed++) {
        const { scenario: v } = tableScenario(s, seed, true);
        briefs.add(JSON.stringify(v.sides));
        const { state } = playGame(v, seed, { us: STRATEGIES.reciprocator, ru: STRATEGIES.random });
        expect(state.phase).toBe('ended');
      }
      expect(briefs.size).toBeGreaterThan(1);
    });
  }
});
