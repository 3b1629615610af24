// The engine's ledger causes in the Russian interface: every cause the five scenarios' games write is said in
// Russian (the table's notes, the ledger, the announcements and the debrief show it so); English stays as written.
import { beforeAll, describe, expect, it } from 'vitest';
import { causeWords } from '../../src/ui/labels';
import { loadLanguage } from '../../src/ui/i18n';
import { textOf, type GameState, type Scenario } from '../../src/engine';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { builtInScenarioFiles, requireScenario } from '../../src/scenario/files';

beforeAll(() => loadLanguage('ru'));

/** Every Russian text of a scenario: the Latin-letter names they keep (Patriot, Minsk) may stay in a cause too. */
function russianTexts(scenario: Scenario): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.ru === 'string') out.push(o.ru);
    for (const x of Object.values(o)) walk(x);
  };
  walk(scenario);
  return out;
}

/** The Latin words left in a Russian cause once agreement ids (A1), abbreviations (NATO) and the scenario's own Russian texts' names are allowed. */
function englishLeft(scenario: Scenario, said: string): string[] {
  const kept = new Set(russianTexts(scenario).flatMap((t) => t.match(/[A-Za-z][A-Za-z'-]+/g) ?? []));
  return (said.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter((w) => !kept.has(w) && !/^[A-Z0-9+]+$/.test(w));
}

const causesOf = (state: GameState) => state.history.flatMap((t) => t.ledger.map((e) => e.cause));

describe('ledger causes in Russian', () => {
  for (const file of builtInScenarioFiles()) {
    const scenario = requireScenario(file);
    it(`${scenario.id}: every cause of scripted games is said in Russian`, () => {
      const causes = new Set<string>();
      const names = Object.keys(STRATEGIES);
      for (const a of names) for (const b of names) for (const seed of [1, 2]) for (const c of causesOf(playGame(scenario, seed, { [scenario.seats[0]]: STRATEGIES[a], [scenario.seats[1]]: STRATEGIES[b] }).state)) causes.add(c);
      expect(causes.size).toBeGreaterThan(20);
      const untranslated = [...causes].filter((c) => englishLeft(scenario, causeWords(scenario, c, 'ru')).length > 0);
      expect(untranslated).toEqual([]);
      // In English the causes are as the engine wrote them.
      for (const c of causes) expect(causeWords(scenario, c, 'en')).toBe(c);
    });
  }

  it('names the side, the card and the agreement in Russian from the scenario', () => {
    const scenario = requireScenario(builtInScenarioFiles().find((f) => f.endsWith('reset-2009.yaml'))!);
    const us = textOf(scenario.sides.us.name, 'ru');
    const shield = scenario.cards.find((c) => c.id === 'cancel-shield')!;
    expect(causeWords(scenario, `United States conceded "${textOf(shield.title)}"`, 'ru')).toBe(`${us}: уступка «${textOf(shield.title, 'ru')}»`);
    expect(causeWords(scenario, "Russia's hostile statement", 'ru')).toBe(`Враждебное заявление — ${textOf(scenario.sides.ru.name, 'ru')}`);
    // A cause made of another (an incident that feeds the hawks) is said whole.
    expect(causeWords(scenario, 'a military incident, contained by the open channel feeds the hawks', 'ru')).toBe('Военный инцидент, сдержанный открытым каналом — это подпитывает «ястребов»');
    // A broken agreement, with the rally it causes at home.
    expect(causeWords(scenario, 'Russia broke agreement A1: it was caught by verification (rally at home)', 'ru')).toBe(`Соглашение A1 нарушено (${textOf(scenario.sides.ru.name, 'ru')}): нарушение выявила проверка (сплочение внутри страны)`);
  });

  it('leaves a sentence it does not know as the engine wrote it', () => {
    const scenario = requireScenario(builtInScenarioFiles()[0]);
    expect(causeWords(scenario, 'a cause no sentence matches', 'ru')).toBe('a cause no sentence matches');
  });
});
