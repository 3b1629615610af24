// The class length: every shipped scenario offers a 6-turn game for one lesson with a summary of at most 150 words in
// English and Russian, a game of it ends by turn 6, each side can reach its goal in it (a game that shows it), and the
// checker refuses a class length longer than the game, a summary too long, or goals no side reaches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { classVersion, scenarioOfLength, textOf, type Scenario } from '../../src/engine';
import { builtInScenarioFiles, requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { loadScenarioText } from '../../src/scenario/load';
import { proveClassLength } from '../../src/cli/class-length';

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

describe('the class length of the shipped scenarios', () => {
  for (const file of builtInScenarioFiles()) {
    const s = requireScenario(file);
    it(`${s.id}: 6 turns, a short summary in both languages, each side can win`, () => {
      expect(s.classLength?.turns).toBe(6);
      const summary = s.classLength!.summary as Record<string, string>;
      for (const lang of ['en', 'ru']) {
        expect(words(summary[lang])).toBeGreaterThan(40);
        expect(words(summary[lang])).toBeLessThanOrEqual(150);
      }
      const short = classVersion(s);
      expect(short.turns).toBe(6);
      expect(textOf(short.summary)).toBe(summary.en);
      expect(scenarioOfLength(s, 'full')).toBe(s);
      expect(scenarioOfLength(short, 'class')).toBe(short); // the short game is not shortened again
      const { state } = playGame(short, 1, { [s.seats[0]]: STRATEGIES.reciprocator, [s.seats[1]]: STRATEGIES.reciprocator });
      expect(state.end!.turn).toBeLessThanOrEqual(6);
      const proof = proveClassLength(s)!;
      for (const side of s.seats) {
        const w = proof.witnesses[side]!;
        expect(w.score).toBeGreaterThanOrEqual(s.classLength!.goals[side]);
        // The witness replays: the same pairing and seed win again.
        const again = playGame(short, w.seed, Object.fromEntries(s.seats.map((x) => [x, STRATEGIES[w.strategies[x]]])));
        expect(again.outcome.sides[side].won).toBe(true);
      }
    });
  }

  it('no witness for a side whose class goal is out of reach', () => {
    const s = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
    const hard: Scenario = { ...s, classLength: { ...s.classLength!, goals: { ...s.classLength!.goals, ru: 500 } } };
    const proof = proveClassLength(hard, 1)!;
    expect(proof.witnesses.ru).toBeNull();
    expect(proof.witnesses.us).not.toBeNull();
  });
});

describe('the checker on a class length', () => {
  const text = readFileSync(join(SCENARIO_DIR, 'reset-2009.yaml'), 'utf8');
  const messages = (t: string) => {
    const r = loadScenarioText(t, 'reset-2009.yaml');
    return r.ok ? [] : r.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.message}`);
  };
  it('refuses a class length longer than the game, with where it is', () => {
    const line = text.split('\n').findIndex((l) => l.startsWith('classLength:')) + 2;
    expect(messages(text.replace(/^classLength:\n {2}turns: 6/m, 'classLength:\n  turns: 13'))).toEqual([`${line}: the class length has 13 turns, more than the scenario's 12: make it shorter`]);
  });
  it('refuses a summary of more than 150 words', () => {
    const long = text.replace(/(^classLength:[\s\S]*?en: >-\n)/m, `$1${'      word'.repeat(1)}${' word'.repeat(150)}\n`);
    expect(messages(long)).toEqual([expect.stringMatching(/the class length's summary \(en\) has \d+ words; a lesson's summary may have at most 150: shorten it$/)]);
  });
  it('refuses goals for a side the scenario does not have', () => {
    const odd = text.replace(/^classLength:\n {2}turns: 6/m, 'classLength:\n  turns: 6\n  goals: { usa: 10 }');
    expect(messages(odd).join('\n')).toMatch(/usa/);
  });
});
