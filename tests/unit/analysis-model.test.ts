// The frontier of the whole model (concessions, track progress, costs at home, escalation) is exact: it equals the
// frontier of every package valued one by one, from the start and from random states of every shipped scenario.
import { describe, expect, it } from 'vitest';
import { analyzeScenario, scenarioDomain, startOf } from '../../src/ai/analysis';
import { completeScenario, dealModel, makeRandom, packageWorth, whyNot, type Format, type GameState, type Scenario } from '../../src/engine';
import { shippedScenarios } from './engine-test-kit';
import { atFirstProposal, lastTurnScenario, playPackage, randomState, twistedScenario } from './deal-kit';

interface Valued {
  worth: Record<string, number>;
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
      if (w.losesOffice.length === 0) all.push({ worth: w.worth, ids, format });
    }
  }
  return { all, caveats };
}

/** A point as text, its worth to the first seat and the second, to the cent. */
const key = (w: Record<string, number>, seats: readonly string[] = ['us', 'ru']) => seats.map((s) => w[s].toFixed(2)).join(',');

/** The points no package beats for one side without hurting the other, brute force. */
function bruteFrontier(all: Valued[], seats: readonly string[] = ['us', 'ru']): string[] {
  const r = (x: number) => Math.round(x * 100) / 100;
  const pts = all.map((p) => ({ a: r(p.worth[seats[0]]), b: r(p.worth[seats[1]]) }));
  const front = pts.filter((p) => !pts.some((q) => q.a >= p.a && q.b >= p.b && (q.a > p.a || q.b > p.b)));
  return [...new Set(front.map((p) => `${p.a.toFixed(2)},${p.b.toFixed(2)}`))].sort();
}

/** A scenario with only some of its cards, so that every package can be valued in a test. */
function withCards(s: Scenario, keep: number, seed: number): Scenario {
  const rnd = makeRandom(seed);
  const red = new Set(s.seats.flatMap((side) => s.sides[side].redLines.map((r) => r.card)));
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
        expect(a.frontier.map((d) => key(d.worth)).sort(), `${id} state ${seed}`).toEqual(bruteFrontier(all));
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
        expect(a.frontier.map((d) => key(d.worth)).sort(), `${id} variant ${seed}`).toEqual(bruteFrontier(all));
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
        expect(a.frontier.map((d) => key(d.worth)).sort()).toEqual(bruteFrontier(everyPackage(s, from).all));
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
      let graded = 0;
      for (let seed = 1; seed <= 12; seed++) {
        const s = withIssues(withCards(seed % 2 ? twistedScenario(shipped, 900 + seed, { trustOnlyUpToSigning: true }) : shipped, 11, 300 + seed), seed);
        const from = randomState(s, seed);
        const a = analyzeScenario(s, undefined, { from });
        // (An issue an earlier agreement settled has no open option left.)
        expect(a.space.issues).toBeLessThanOrEqual(a.space.cards);
        if (a.space.issues < a.space.cards) graded++;
        for (const d of a.frontier) {
          const issues = Object.values(d.gives).flat().map((cid) => (s.cards.find((c) => c.id === cid) as { issue?: string }).issue ?? cid);
          expect(new Set(issues).size).toBe(issues.length);
        }
        if (!a.exact) continue;
        expect(a.frontier.map((d) => key(d.worth)).sort(), `${id} seed ${seed}`).toEqual(bruteFrontier(everyPackage(s, from).all));
        compared++;
        if (a.method.groups.some((g) => g.tracks.length > 1)) spanning++;
      }
      expect(compared).toBeGreaterThanOrEqual(8);
      expect(graded).toBeGreaterThanOrEqual(4);
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
    const mine = cards.filter((c) => c.side === 'us' && !red.has(c.id) && c.issue === undefined);
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
      expect([o.first, o.second]).toEqual([Math.round(w.worth.us * 1e8) / 1e8, Math.round(w.worth.ru * 1e8) / 1e8]);
    }
    // Every other card is an issue of its own, or an option of the issue the scenario gives it.
    const issues = new Set(model.open.map((c) => (c.card as { issue?: string }).issue ?? c.card.id));
    expect(domain.issues).toHaveLength(issues.size);
  });

  it("measures gains from each side's reservation value when the scenario gives one", () => {
    const s: Scenario = { ...reset, sides: { us: { ...reset.sides.us, reservation: 6 }, ru: { ...reset.sides.ru, reservation: 4 } } as Scenario['sides'] };
    const a = analyzeScenario(s);
    expect(a.disagreement).toEqual({ us: 6, ru: 4 });
    // Nash by hand over the frontier: the largest (us − 6)(ru − 4) among packages no worse than that for either side.
    const acceptable = a.frontier.map((d) => d.worth).filter((w) => w.us >= 6 && w.ru >= 4);
    const best = Math.max(...acceptable.map((w) => (w.us - 6) * (w.ru - 4)));
    expect((a.nash!.worth.us - 6) * (a.nash!.worth.ru - 4)).toBeCloseTo(best, 9);
    expect(a.ideal.us).toBe(Math.max(...acceptable.map((w) => w.us)));
    // Without reservations the point differs: the gains are measured from another place.
    expect(analyzeScenario(reset).disagreement).toEqual({ us: 0, ru: 0 });
  });
});

/**
 * A newcomer's scenario in the model's own terms (not history: a test of the format): seats `india` and `pakistan`,
 * a water share in three graded options, a data-sharing card worth something to both (common value), a stage that
 * is good for one side and bad for the other, and a reservation value for each side.
 */
function indusScenario(): Scenario {
  return completeScenario({
    id: 'indus-test',
    title: 'Indus waters (test)',
    turns: 6,
    sides: {
      india: { name: 'India', priorities: { water: 8, data: 4 }, start: { trust: 40, support: 60, hawks: 40 }, reservation: 1 },
      pakistan: { name: 'Pakistan', priorities: { water: 9, data: 3 }, start: { trust: 38, support: 62, hawks: 45 }, reservation: 2 },
    },
    tracks: [
      {
        id: 'water',
        name: 'Water sharing',
        start: 'talks',
        venue: 'World Bank',
        stages: {
          talks: { name: 'Talks', value: 0, on: { SIGN: { to: 'treaty', needs: { trustAtLeast: 40 } } } },
          treaty: { name: 'Treaty signed', value: 0.5, worth: { india: 0.6, pakistan: 0.4 }, on: { IMPLEMENT: 'flowing' } },
          flowing: { name: 'Water flowing', value: 1, final: true },
        },
      },
      {
        id: 'data',
        name: 'Hydrological data',
        start: 'none',
        stages: {
          none: { name: 'No data', value: 0, on: { SIGN: 'shared' } },
          shared: { name: 'Data shared', value: 0.6, worth: { india: -0.2, pakistan: 0.8 }, final: true },
        },
      },
    ],
    cards: [
      {
        id: 'western-rivers',
        side: 'india',
        track: 'water',
        title: 'A share of the western rivers',
        text: 'India lets a share of the western rivers flow on.',
        options: [
          { id: 'share-60', title: 'Sixty per cent', value: 2 },
          { id: 'share-75', title: 'Seventy-five per cent', value: 4 },
          { id: 'share-80', title: 'Eighty per cent', value: 5, cost: 7 },
        ],
      },
      { id: 'flow-data', side: 'india', track: 'data', title: 'Share flow data', text: 'Daily flow data from upstream gauges.', value: 3, worth: { india: 1, pakistan: 2 } },
      { id: 'no-objection', side: 'pakistan', track: 'water', title: 'No objection to run-of-river dams', text: 'Pakistan drops its objection to two dams.', value: 4 },
      { id: 'commission', side: 'pakistan', track: 'data', title: 'A permanent commission', text: 'Meet every quarter.', value: 2 },
    ],
  });
}

describe("a newcomer's scenario: its own seats, a three-option issue, common value, a stage good for one side, reservations", () => {
  it('analyses with the scenario\'s seats, one option of the issue per package, from the reservations, exactly', () => {
    const s = indusScenario();
    expect(s.seats).toEqual(['india', 'pakistan']);
    const a = analyzeScenario(s);
    expect(a.seats).toEqual(['india', 'pakistan']);
    expect(a.disagreement).toEqual({ india: 1, pakistan: 2 });
    expect(a.space).toMatchObject({ cards: 6, issues: 4, packages: 4 * 2 * 2 * 2 });
    expect(a.exact).toBe(true);
    for (const d of a.frontier) {
      expect(Object.keys(d.worth)).toEqual(['india', 'pakistan']);
      expect(d.gives.india.filter((id) => id.startsWith('share-')).length).toBeLessThanOrEqual(1);
      expect(d.summary).not.toMatch(/United States|Russia/);
    }
    expect(a.frontier.map((d) => key(d.worth, s.seats)).sort()).toEqual(bruteFrontier(everyPackage(s, startOf(s)).all, s.seats));
    // Nash by hand over the frontier, from the reservations.
    const gain = (w: Record<string, number>) => (w.india - 1) * (w.pakistan - 2);
    const acceptable = a.frontier.filter((d) => d.worth.india >= 1 && d.worth.pakistan >= 2);
    expect(gain(a.nash!.worth)).toBeCloseTo(Math.max(...acceptable.map((d) => gain(d.worth))), 9);
  });

  it('values what the engine plays: common value, a stage worth more to one side, a graded option', () => {
    const s = indusScenario();
    const from = atFirstProposal(s, 3);
    const last = lastTurnScenario(s, from.turn);
    const model = dealModel(last, from);
    for (const ids of [['share-75', 'no-objection'], ['flow-data', 'commission'], ['share-80', 'flow-data', 'no-objection']]) {
      const w = packageWorth(model, ids);
      const after = playPackage(last, from, ids);
      for (const side of s.seats) expect(w.meters.support[side]).toBe(after.meters.support[side] - from.meters.support[side]);
      for (const t of s.tracks) expect(w.tracks[t.id].stage).toBe(after.tracks[t.id].stage);
    }
    // Flow data is worth 1 to the India that gives it and 2 to Pakistan: both gain from the card itself.
    const data = packageWorth(model, ['flow-data']);
    expect(data.parts.india.deals).toBe(1);
    expect(data.parts.pakistan.deals).toBe(2);
    // Once a share is conceded the issue is settled: the engine refuses another option, and no package holds one.
    const settled = playPackage(last, from, ['share-60']);
    expect(dealModel(s, settled).open.map((c) => c.card.id)).not.toContain('share-75');
    expect(whyNot(s, { ...settled, phase: 'proposals', initiative: 'india' }, { type: 'propose', side: 'india', give: ['share-75'], ask: [] })).toMatch(/settled/);
  });
});
