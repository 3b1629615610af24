// The computer's reasons in the Russian interface: every reason the counterpart gives in games of the five scenarios
// (both seats, every difficulty, against scripted players and against itself) is said in Russian, with no English
// left but the Latin letters of the scenario's own Russian texts (Patriot), its articles' file names and agreement ids.
import { beforeAll, describe, expect, it } from 'vitest';
import { reasonWords } from '../../src/ui/labels';
import { loadLanguage } from '../../src/ui/i18n';
import { scenarioFor, textOf, type Scenario } from '../../src/engine';
import { DIFFICULTIES, NegotiatorAgent } from '../../src/ai/agent';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES, withReasons, type Strategy } from '../../src/ai/strategies';
import { builtInScenarioFiles, requireScenario } from '../../src/scenario/files';

beforeAll(() => loadLanguage('ru'));

/** Every Russian text of a scenario with Latin letters in it (names such as Patriot), longest first. */
function latinRussianTexts(scenario: Scenario): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.ru === 'string' && /[A-Za-z]/.test(o.ru)) out.add(o.ru.replace(/[.\s]+$/, ''));
    for (const x of Object.values(o)) walk(x);
  };
  walk(scenario);
  return [...out].sort((a, b) => b.length - a.length);
}

/** What is left in Latin letters once the scenario's own Russian texts, the articles' file names and agreement ids are taken out. */
function englishLeft(scenario: Scenario, said: string): string {
  let rest = said;
  // A title quoted inside a sentence has its own quotation marks nested as „…“.
  for (const t of latinRussianTexts(scenario)) for (const form of [t, t.replace(/«/g, '„').replace(/»/g, '“')]) rest = rest.split(form).join(' ');
  rest = rest.replace(/\(\d{3}_[0-9a-f]+\.txt\)/g, ' ').replace(/\bA\d+\b/g, ' ');
  return (rest.match(/[A-Za-z]+/g) ?? []).join(' ');
}

/** The reasons the counterpart gives, on either seat, at every difficulty, against each scripted player and itself. */
function reasonsIn(scenario: Scenario): Set<string> {
  const reasons = new Set<string>();
  const agent = (side: string, difficulty: (typeof DIFFICULTIES)[number], seed: number): Strategy => {
    const a = new NegotiatorAgent(scenarioFor(scenario, side), side, difficulty, seed);
    return (ctx) => {
      const d = a.decide(ctx.view);
      if (d.reason) reasons.add(d.reason);
      return d.move;
    };
  };
  for (const difficulty of DIFFICULTIES)
    for (const [side, other] of [scenario.seats, [...scenario.seats].reverse()])
      for (const seed of [1, 2]) {
        for (const name of Object.keys(STRATEGIES)) playGame(scenario, seed, { [side]: agent(side, difficulty, seed), [other]: withReasons(STRATEGIES[name]) });
        playGame(scenario, seed, { [side]: agent(side, difficulty, seed), [other]: agent(other, difficulty, seed + 50) });
      }
  return reasons;
}

describe("the computer's reasons in Russian", () => {
  const counts: string[] = [];
  for (const file of builtInScenarioFiles()) {
    const scenario = requireScenario(file);
    it(`${scenario.id}: every reason of the counterpart's games is said in Russian`, () => {
      const reasons = reasonsIn(scenario);
      expect(reasons.size).toBeGreaterThan(200);
      const untranslated = [...reasons].map((r) => ({ r, said: reasonWords(scenario, r, 'ru') })).filter((x) => englishLeft(scenario, x.said) !== '');
      counts.push(`${scenario.id}: ${reasons.size} distinct reasons, ${reasons.size - untranslated.length} said in Russian`);
      expect(untranslated).toEqual([]);
      // In English the reasons are as the agent wrote them.
      for (const r of reasons) expect(reasonWords(scenario, r, 'en')).toBe(r);
    });
  }
  it('counts them', () => console.log(counts.join('\n')));

  const reset = () => requireScenario(builtInScenarioFiles().find((f) => f.endsWith('reset-2009.yaml'))!);
  const ru = (scenario: Scenario, id: string) => textOf(scenario.cards.find((c) => c.id === id)!.title, 'ru');
  const en = (scenario: Scenario, id: string) => textOf(scenario.cards.find((c) => c.id === id)!.title);

  it('keeps names in the nominative and titles in quotation marks', () => {
    const s = reset();
    const offer = `Moscow offers "${en(s, 'cancel-shield')}" in exchange for "${en(s, 'iran-sanctions')}" — a trade across NATO enlargement and missile defense and Iran: it should suit both sides.`;
    expect(reasonWords(s, offer, 'ru')).toBe(
      `Москва предлагает «${ru(s, 'cancel-shield')}» в обмен на «${ru(s, 'iran-sanctions')}» — сделка сразу по двум направлениям («Расширение НАТО и ПРО» и «Иран»): это должно устроить обе стороны.`,
    );
    // A refusal: what weighed most, its trust, what it still wants; then its counter-offer.
    const refusal = `"${en(s, 'iran-sanctions')}" and the price at home of "${en(s, 'iran-sanctions')}" weigh more for Moscow than "${en(s, 'cancel-shield')}"; Moscow is wary of Washington, and cooling, so it counts little on Washington's promises: Moscow wants something in exchange on NATO enlargement and missile defense. Instead, Moscow asks for "${en(s, 'cancel-shield')}".`;
    expect(reasonWords(s, refusal, 'ru')).toBe(
      `Москва считает, что «${ru(s, 'iran-sanctions')}» и внутриполитические издержки уступки «${ru(s, 'iran-sanctions')}» весят больше, чем «${ru(s, 'cancel-shield')}»; Москва относится к другой стороне настороженно (отношения охлаждаются), поэтому мало рассчитывает на её обещания: взамен нужно что-то по направлению «Расширение НАТО и ПРО». Вместо этого Москва просит «${ru(s, 'cancel-shield')}».`,
    );
    // Its stance's words come from the scenario, with the article they are drawn from.
    const stance = 'Moscow will only lean on Tehran if it feels it is earning political capital (004_f5e98c935a2387e5.txt): nothing on Iran until Washington puts something real on the table.';
    expect(reasonWords(s, stance, 'ru')).toBe(
      'Москва будет давить на Тегеран, только если почувствует, что зарабатывает политический капитал (004_f5e98c935a2387e5.txt): по направлению «Иран» — ничего, пока Вашингтон не положит на стол что-то реальное.',
    );
  });

  it('says the reasons these games seldom reach (the brink, foresight, allies, a secret defection, a gesture)', () => {
    const s = reset();
    const said = (reason: string) => reasonWords(s, reason, 'ru');
    expect(said('With the risk of confrontation near the brink, Moscow lowers its voice to pull back from the brink.')).toBe('Риск конфронтации на пределе: Москва понижает тон, чтобы отойти от края.');
    expect(
      said("Moscow will not match Washington's hostile rhetoric: an exchange of hostile words would carry the risk of confrontation past what Moscow will accept. It remembers the words at the table."),
    ).toBe('Вашингтон ведёт враждебную риторику, но Москва не отвечает тем же: обмен враждебными заявлениями поднял бы риск конфронтации выше допустимого. Москва припомнит эти слова за столом переговоров.');
    expect(said('Washington must reassure Allies in Central and Eastern Europe; this would leave them in the cold.')).toBe(
      'Союзники в Центральной и Восточной Европе: Вашингтон не пойдёт на сделку, которая оставила бы союзников на холоде.',
    );
    expect(said(`Moscow leaves its part of agreement A2 undone in secret: Washington has rarely checked, and "${en(s, 'cancel-shield')}" and "${en(s, 'iran-sanctions')}" are worth the risk of being found out.`)).toBe(
      `Москва втайне не выполняет свою часть соглашения A2: Вашингтон редко проверяет, а «${ru(s, 'cancel-shield')}» и «${ru(s, 'iran-sanctions')}» стоят риска разоблачения.`,
    );
    expect(said(`Washington offers "${en(s, 'cancel-shield')}" as a gesture: it should suit both sides.`)).toBe(`Вашингтон в знак доброй воли предлагает «${ru(s, 'cancel-shield')}»: это должно устроить обе стороны.`);
    // Easy's gift: an acceptance at a small loss says so.
    expect(said(`Washington accepts, though it gives more than it gets ("${en(s, 'iran-sanctions')}" against "${en(s, 'cancel-shield')}"): it wants an agreement. Washington is wary of Moscow.`)).toBe(
      `Вашингтон принимает пакет, хотя отдаёт больше, чем получает («${ru(s, 'iran-sanctions')}» против «${ru(s, 'cancel-shield')}»): важнее заключить соглашение. Вашингтон относится к другой стороне настороженно.`,
    );
    // A counter that gives nothing, collecting a debt (the whole reason ends with the debt's sentence).
    expect(
      said(`Washington will not give that much. Instead, Washington asks for "${en(s, 'iran-sanctions')}": Moscow owes Washington for what it has conceded so far ("${en(s, 'cancel-shield')}") and received too little in return.`),
    ).toMatch(new RegExp(`Вместо этого Вашингтон просит «${ru(s, 'iran-sanctions')}»: Москва в долгу — за сделанные уступки \\(«${ru(s, 'cancel-shield')}»\\) почти ничего не получено взамен\\.$`));
  });

  it('leaves a reason it does not know as the agent wrote it', () => {
    expect(reasonWords(reset(), 'Moscow ponders the weather.', 'ru')).toBe('Moscow ponders the weather.');
  });
});
