// The frontier of the whole model (concessions, track progress, costs at home, escalation) is exact: it equals the
// frontier of every package valued one by one, from the start and from random states of every shipped scenario.
import { describe, expect, it } from 'vitest';
import { analyzeScenario, scenarioDomain, startOf } from '../../src/ai/analysis';
import { dealModel, makeRandom, packageWorth, SIDES, type Format, type GameState, type Scenario } from '../../src/engine';
import { shippedScenarios } from './engine-test-kit';
import { randomState, twistedScenario } from './deal-kit';

interface Valued {
  us: number;
  ru: number;
  ids: string[];
  format: Format;
}

/** Every package of the open cards in both formats, valued one by one; those costing a side its office left out. */
function everyPackage(s: Scenario, from: GameState): { all: Valued[]; caveats: number } {
  const model = dealModel(s, from);
  const open = model.open;
  const all: Valued[] = [];
  let caveats = 0;
  const issueOf = (c: (typeof open)[number]) => (c.card as { issue?: string }).issue ?? c.card.id;
  for (let mask = 0; mask < 1 << open.length; mask++) {
    const cards = open.filter((_, i) => mask & (1 << i));
    // At most one option of each issue.
    if (new Set(cards.map(issueOf)).size < cards.length) continue;
    const ids = cards.map((c) => c.card.id);
    const formats: Format[] = cards.length > 0 && cards.every((c) => c.signing.multilateral) ? ['bilateral', 'multilateral'] : ['bilateral'];
    for (const format of formats) {
      const w = packageWorth(model, ids, format);
      if (w.caveats.length) caveats++;
      if (w.losesOffice.length === 0) all.push({ us: w.us, ru: w.ru, ids, format });
    }
  }
  return { all, caveats };
}

const key = (p: { us: number; ru: number }) => `${p.us.toFixed(2)},${p.ru.toFixed(2)}`;

/** The points no package beats for one side without hurting the other, brute force. */
function bruteFrontier(all: Valued[]): string[] {
  const r = (x: number) => Math.round(x * 100) / 100;
  const pts = all.map((p) => ({ us: r(p.us), ru: r(p.ru) }));
  const front = pts.filter((p) => !pts.some((q) => q.us >= p.us && q.ru >= p.ru && (q.us > p.us || q.ru > p.ru)));
  return [...new Set(front.map(key))].sort();
}

/** A scenario with only some of its cards, so that every package can be valued in a test. */
function withCards(s: Scenario, keep: number, seed: number): Scenario {
  const rnd = makeRandom(seed);
  const red = new Set(SIDES.flatMap((side) => s.sides[side].redLines.map((r) => r.card)));
  const cards = s.cards.filter((c) => !red.has(c.id));
  const kept = new Set<string>();
  while (kept.size < Math.min(keep, cards.length)) kept.add(cards[Math.floor(rnd() * cards.length)].id);
  return { ...s, cards: s.cards.filter((c) => kept.has(c.id) || red.has(c.id)) };
}

describe('the frontier of the whole model equals the frontier of every package valued one by one', () => {
  for (const [id, shipped] of shippedScenarios()) {
    it(`${id}: from the start (13 cards) and from 12 random states (11 cards)`, () => {
      let compared = 0;
      let coupled = 0;
      let merged = 0;
      for (let seed = 0; seed <= 12; seed++) {
        const s = withCards(shipped, seed === 0 ? 13 : 11, 100 + seed);
        const from = seed === 0 ? startOf(s) : randomState(s, seed);
        const a = analyzeScenario(s, undefined, { from });
        const { all, caveats } = everyPackage(s, from);
        if (!a.exact) {
          expect(caveats, 'a caveat of the analysis shows in some package too').toBeGreaterThan(0);
          continue;
        }
        expect(a.frontier.map(key).sort(), `${id} state ${seed}`).toEqual(bruteFrontier(all));
        compared++;
        if (a.method.coupled.length > 0) coupled++;
        if (a.method.groups.some((g) => g.tracks.length > 1)) merged++;
      }
      expect(compared).toBeGreaterThanOrEqual(10);
      // eslint-disable-next-line no-console
      console.log(`${id}: ${compared} states compared, ${coupled} with coupled meters, ${merged} with linked tracks`);
    });
  }
});

describe('… and on scenarios with their guards, stage values and cards redrawn at random', () => {
  for (const [id, shipped] of shippedScenarios()) {
    it(`${id}: 16 random variants, each from a random state (10 cards)`, () => {
      let compared = 0;
      const dirs = new Set<string>();
      for (let seed = 1; seed <= 16; seed++) {
        const s = withCards(twistedScenario(shipped, 500 + seed, { trustOnlyUpToSigning: true }), 10, 200 + seed);
        const from = randomState(s, seed, { alarmed: true });
        const a = analyzeScenario(s, undefined, { from });
        if (!a.exact) continue;
        const { all } = everyPackage(s, from);
        expect(a.frontier.map(key).sort(), `${id} variant ${seed}`).toEqual(bruteFrontier(all));
        compared++;
        for (const c of a.method.coupled) dirs.add(c.dir);
      }
      expect(compared).toBeGreaterThanOrEqual(10);
      // eslint-disable-next-line no-console
      console.log(`${id}: ${compared} variants compared; coupled meters bounded ${[...dirs].join(', ') || 'nowhere'}`);
    });
  }
});

/** Some cards made graded options of one issue: two to four cards of a side, on one track or across two. */
function withIssues(s: Scenario, seed: number): Scenario {
  const rnd = makeRandom(seed);
  const cards = s.cards.map((c) => ({ ...c }) as Scenario['cards'][number] & { issue?: string; level?: number });
  for (let n = 0; n < 3; n++) {
    const side = rnd() < 0.5 ? 'us' : 'ru';
    const red = new Set(s.sides[side].redLines.map((r) => r.card));
    const free = cards.filter((c) => c.side === side && c.issue === undefined && !red.has(c.id));
    const size = Math.min(free.length, 2 + Math.floor(rnd() * 3));
    const chosen = free.sort(() => rnd() - 0.5).slice(0, size);
    chosen.forEach((c, level) => Object.assign(c, { issue: `issue-${n}`, level: size - level }));
  }
  return { ...s, cards };
}

describe('what the analysis cannot value exactly, it says', () => {
  it('names a guard after signing that reads trust the implemented concessions raise, and is exact wherever it does not', () => {
    let named = 0;
    let compared = 0;
    for (const [, shipped] of shippedScenarios()) {
      for (let seed = 1; seed <= 6; seed++) {
        const s = withCards(twistedScenario(shipped, 700 + seed), 9, 400 + seed);
        const from = randomState(s, seed);
        const a = analyzeScenario(s, undefined, { from });
        if (a.method.caveats.some((c) => /step reads trust\.(us|ru) \(\d+\), which the implemented concessions raise/.test(c))) named++;
        if (!a.exact) continue;
        expect(a.frontier.map(key).sort()).toEqual(bruteFrontier(everyPackage(s, from).all));
        compared++;
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(5);
  });
});

describe('graded options: a package holds at most one option of each issue', () => {
  for (const [id, shipped] of shippedScenarios()) {
    it(`${id}: issues of two to four options, on one track or across tracks, from random states (11 cards)`, () => {
      let compared = 0;
      let spanning = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const s = withIssues(withCards(seed % 2 ? twistedScenario(shipped, 900 + seed, { trustOnlyUpToSigning: true }) : shipped, 11, 300 + seed), seed);
        const from = randomState(s, seed);
        const a = analyzeScenario(s, undefined, { from });
        expect(a.space.issues).toBeLessThan(a.space.cards);
        for (const d of a.frontier) {
          const issues = [...d.usGives, ...d.ruGives].map((cid) => (s.cards.find((c) => c.id === cid) as { issue?: string }).issue ?? cid);
          expect(new Set(issues).size).toBe(issues.length);
        }
        if (!a.exact) continue;
        expect(a.frontier.map(key).sort(), `${id} seed ${seed}`).toEqual(bruteFrontier(everyPackage(s, from).all));
        compared++;
        if (a.method.groups.some((g) => g.tracks.length > 1)) spanning++;
      }
      expect(compared).toBeGreaterThanOrEqual(6);
      // eslint-disable-next-line no-console
      console.log(`${id}: ${compared} compared, ${spanning} with an issue or link joining tracks`);
    });
  }
});

describe('the scenario as a domain, and the disagreement point', () => {
  const [, reset] = shippedScenarios().find(([id]) => id === 'reset-2009')!;

  it('makes the cards of one issue its options, by level, each worth what it brings on its own', () => {
    const cards = reset.cards.map((c) => ({ ...c }) as Scenario['cards'][number] & { issue?: string; level?: number });
    // Three US cards of one track made one graded issue, listed out of order.
    const red = new Set(reset.sides.us.redLines.map((r) => r.card));
    const mine = cards.filter((c) => c.side === 'us' && !red.has(c.id));
    const track = mine.find((c) => mine.filter((x) => x.track === c.track).length >= 3)!.track;
    const arms = mine.filter((c) => c.track === track).slice(0, 3);
    arms.forEach((c, i) => Object.assign(c, { issue: 'arms-offer', level: 3 - i }));
    const s: Scenario = { ...reset, cards };
    const domain = scenarioDomain(s);
    const issue = domain.issues.find((i) => i.id === 'arms-offer')!;
    expect(issue.options.map((o) => o.cards)).toEqual([[], [arms[2].id], [arms[1].id], [arms[0].id]]);
    const model = dealModel(s, startOf(s));
    for (const o of issue.options.slice(1)) {
      const w = packageWorth(model, o.cards!);
      expect([o.us, o.ru]).toEqual([Math.round(w.us * 1e8) / 1e8, Math.round(w.ru * 1e8) / 1e8]);
    }
    // Every other card is an issue of its own.
    const open = model.open.length;
    expect(domain.issues).toHaveLength(open - 2);
  });

  it("measures gains from each side's reservation value when the scenario gives one", () => {
    const s: Scenario = { ...reset, sides: { us: { ...reset.sides.us, reservation: 6 }, ru: { ...reset.sides.ru, reservation: 4 } } as Scenario['sides'] };
    const a = analyzeScenario(s);
    expect(a.disagreement).toEqual({ us: 6, ru: 4 });
    // Nash by hand over the frontier: the largest (us − 6)(ru − 4) among packages no worse than that for either side.
    const acceptable = a.frontier.filter((d) => d.us >= 6 && d.ru >= 4);
    const best = Math.max(...acceptable.map((d) => (d.us - 6) * (d.ru - 4)));
    expect((a.nash!.us - 6) * (a.nash!.ru - 4)).toBeCloseTo(best, 9);
    expect(a.ideal.us).toBe(Math.max(...acceptable.map((d) => d.us)));
    // Without reservations the point differs: the gains are measured from another place.
    expect(analyzeScenario(reset).disagreement).toEqual({ us: 0, ru: 0 });
  });
});
