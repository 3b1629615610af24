import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allPackages,
  analyzeDomain,
  analyzeScenario,
  paretoFrontier,
  type Domain,
} from '../../src/ai/analysis';
import { applyMove, createGame, dealModel, logOf, makeRandom, packageWorth, type GameState, type Move, type Scenario } from '../../src/engine';
import { builtInScenarioFiles, requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { playGame, agentStrategy } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { runCli } from '../cli-process';

const opt = (first: number, second: number) => ({ label: `${first},${second}`, first, second });
const points = (ps: { first: number; second: number }[]) => ps.map((p) => [p.first, p.second]);

// Two issues, three options each. The nine packages, worked out by hand:
// x0y0 (0,0)  x0y1 (3,-1)  x0y2 (-1,-2)
// x1y0 (7,4)  x1y1 (10,3)  x1y2 (6,2)
// x2y0 (-1,7) x2y1 (2,6)   x2y2 (-2,5)
// Frontier (-1,7) (2,6) (7,4) (10,3). Gains over (0,0): products 12, 28, 30 -> Nash (10,3).
// Ideal (10,6) (best of each among packages no worse than no deal for either side); normalised gains (.2,1), (.7,.667),
// (1,.5): closest to equal (7,4) -> KS (7,4).
const twoByThree: Domain = {
  issues: [
    { id: 'x', label: 'X', options: [opt(0, 0), opt(7, 4), opt(-1, 7)] },
    { id: 'y', label: 'Y', options: [opt(0, 0), opt(3, -1), opt(-1, -2)] },
  ],
  disagreement: { first: 0, second: 0 },
};

// Three yes/no issues worth (4,-1), (-1,3), (2,2); no deal is worth (1,1) to each side.
// Packages: 000 (0,0) 100 (4,-1) 010 (-1,3) 001 (2,2) 110 (3,2) 101 (6,1) 011 (1,5) 111 (5,4).
// Frontier (1,5) (5,4) (6,1); only (5,4) gains both over (1,1): Nash = KS = (5,4); ideal (6,5).
const threeBinary: Domain = {
  issues: [
    { id: 'a', label: 'A', options: [opt(0, 0), opt(4, -1)] },
    { id: 'b', label: 'B', options: [opt(0, 0), opt(-1, 3)] },
    { id: 'c', label: 'C', options: [opt(0, 0), opt(2, 2)] },
  ],
  disagreement: { first: 1, second: 1 },
};

describe('deal analysis on small domains, against hand-computed results', () => {
  it('finds the Pareto frontier of two issues with three options each', () => {
    expect(points(paretoFrontier(twoByThree))).toEqual([[-1, 7], [2, 6], [7, 4], [10, 3]]);
    expect(allPackages(twoByThree)).toHaveLength(9);
  });

  it('puts the Nash point at the largest product of gains and Kalai–Smorodinsky at the best balanced share of the ideal', () => {
    const a = analyzeDomain(twoByThree);
    expect(a.nash).toMatchObject({ first: 10, second: 3, choice: [1, 1] });
    expect(a.ideal).toEqual({ first: 10, second: 6 });
    expect(a.kalaiSmorodinsky).toMatchObject({ first: 7, second: 4, choice: [1, 0] });
  });

  it('measures gains from a disagreement point that is not zero, ignoring packages one side would refuse', () => {
    const a = analyzeDomain(threeBinary);
    expect(points(a.frontier)).toEqual([[1, 5], [5, 4], [6, 1]]);
    expect(a.nash).toMatchObject({ first: 5, second: 4, choice: [1, 1, 1] });
    expect(a.kalaiSmorodinsky).toMatchObject({ first: 5, second: 4 });
    expect(a.ideal).toEqual({ first: 6, second: 5 });
    expect(a.packages).toBe(8);
  });

  it('the frontier from issue-by-issue pruning equals the brute-force frontier of every package', () => {
    const brute = allPackages(threeBinary).filter(
      (p, _, all) => !all.some((q) => q.first >= p.first && q.second >= p.second && (q.first > p.first || q.second > p.second)),
    );
    expect(points(paretoFrontier(threeBinary)).sort()).toEqual(points(brute).sort());
  });

  it('reports no Nash point when no package gains both sides', () => {
    const zeroSum: Domain = { issues: [{ id: 'z', label: 'Z', options: [opt(0, 0), opt(2, -2), opt(-3, 3)] }], disagreement: { first: 0, second: 0 } };
    const a = analyzeDomain(zeroSum);
    expect(a.nash).toBeNull();
    expect(a.kalaiSmorodinsky).toBeNull();
  });
});

// ------------------------------------------------------------------ against independent computations

/**
 * Frontier, Nash and Kalai–Smorodinsky of a domain by brute force over every package, written from the definitions in
 * docs/analysis.md and nothing in src/ai/analysis.ts. Worths are whole numbers here, so every comparison is exact.
 * Nash: the largest product of gains over the disagreement point d among packages no worse than d for either side.
 * KS: among Pareto packages no worse than d for either side, gains divided by each side's best feasible gain closest
 * to equal. Ties for both: the larger sum, then the larger worth for the first side. None when no package gains both.
 */
function bruteForce(domain: Domain) {
  let packages: { first: number; second: number }[] = [{ first: 0, second: 0 }];
  for (const issue of domain.issues) packages = packages.flatMap((p) => issue.options.map((o) => ({ first: p.first + o.first, second: p.second + o.second })));
  const d = domain.disagreement;
  const dominated = (p: { first: number; second: number }) => packages.some((q) => q.first >= p.first && q.second >= p.second && (q.first > p.first || q.second > p.second));
  const frontier = [...new Map(packages.filter((p) => !dominated(p)).map((p) => [`${p.first},${p.second}`, p])).values()].sort((a, b) => a.first - b.first);
  const acceptable = packages.filter((p) => p.first >= d.first && p.second >= d.second);
  if (!acceptable.some((p) => p.first > d.first && p.second > d.second)) return { frontier, nash: null, ks: null, ideal: null };
  const ideal = { first: Math.max(...acceptable.map((p) => p.first)), second: Math.max(...acceptable.map((p) => p.second)) };
  // Better on the key (compared exactly), then by the larger sum, then by the larger first-side worth.
  const best = (list: { first: number; second: number }[], cmp: (a: { first: number; second: number }, b: { first: number; second: number }) => number) =>
    list.reduce((b, p) => {
      const c = cmp(p, b);
      return c > 0 || (c === 0 && (p.first + p.second > b.first + b.second || (p.first + p.second === b.first + b.second && p.first > b.first))) ? p : b;
    });
  const nash = best(acceptable, (p, b) => (p.first - d.first) * (p.second - d.second) - (b.first - d.first) * (b.second - d.second));
  // |gu/Iu − gr/Ir| compared as |gu·Ir − gr·Iu| (the denominator Iu·Ir is the same for all): smaller is better.
  const gap = (p: { first: number; second: number }) => Math.abs((p.first - d.first) * (ideal.second - d.second) - (p.second - d.second) * (ideal.first - d.first));
  const ks = best(frontier.filter((p) => p.first >= d.first && p.second >= d.second), (p, b) => gap(b) - gap(p));
  return { frontier, nash, ks, ideal };
}

/** A random domain: 2–4 issues of 2–4 options, each option a level per side times that side's weight for the issue. */
function randomDomain(rnd: () => number): Domain {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const issues = Array.from({ length: int(2, 4) }, (_, i) => {
    const weight = { first: int(1, 5), second: int(1, 5) };
    return {
      id: `i${i}`,
      label: `issue ${i}`,
      options: Array.from({ length: int(2, 4) }, (_, k) => {
        const first = weight.first * int(-3, 5);
        const second = weight.second * int(-3, 5);
        return { label: `option ${k}`, first, second };
      }),
    };
  });
  return { issues, disagreement: { first: int(-4, 12), second: int(-4, 12) } };
}

describe('deal analysis against brute force on small multi-option domains with weights and a disagreement point', () => {
  it('is documented in docs/analysis.md with the definitions issue 14 gives', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/analysis.md'), 'utf8').replace(/\s+/g, ' ');
    expect(doc).toContain('**Nash bargaining**: the package maximising the product of gains over the disagreement point among packages no worse than it for either side.');
    expect(doc).toContain("**Kalai–Smorodinsky**: the Pareto package whose gains, normalised by each side's best feasible gain, are closest to equal (ties: the larger sum).");
  });

  it('agrees on the frontier, the ideal point, Nash and Kalai–Smorodinsky in 600 random domains, ties included', () => {
    const rnd = makeRandom(2024);
    let ties = 0;
    let withNash = 0;
    for (let n = 0; n < 600; n++) {
      const domain = randomDomain(rnd);
      const a = analyzeDomain(domain);
      const b = bruteForce(domain);
      const where = JSON.stringify(domain);
      expect(points(a.frontier), where).toEqual(points(b.frontier));
      expect(a.nash && [a.nash.first, a.nash.second], where).toEqual(b.nash && [b.nash.first, b.nash.second]);
      expect(a.kalaiSmorodinsky && [a.kalaiSmorodinsky.first, a.kalaiSmorodinsky.second], where).toEqual(b.ks && [b.ks.first, b.ks.second]);
      if (b.ideal) expect(a.ideal, where).toEqual(b.ideal);
      if (b.nash) {
        withNash++;
        const d = domain.disagreement;
        const products = allPackages(domain).filter((p) => p.first >= d.first && p.second >= d.second).map((p) => (p.first - d.first) * (p.second - d.second));
        if (products.filter((x) => x === Math.max(...products)).length > 1) ties++;
      }
    }
    // The draw must reach both cases the definitions single out.
    expect(withNash).toBeGreaterThan(200);
    expect(ties).toBeGreaterThan(10);
  });

  it('breaks a tie in the Nash product by the larger sum, and a tie in balance for Kalai–Smorodinsky the same way', () => {
    // Over d = (1,1): (3,5), (5,3) and (9,2) all have the product 8; their sums are 8, 8 and 11 -> Nash (9,2).
    const tied: Domain = {
      issues: [{ id: 'x', label: 'X', options: [opt(1, 1), opt(3, 5), opt(5, 3), opt(9, 2)] }],
      disagreement: { first: 1, second: 1 },
    };
    expect(analyzeDomain(tied).nash).toMatchObject({ first: 9, second: 2 });
    expect(bruteForce(tied).nash).toEqual({ first: 9, second: 2 });
    // Over (0,0) the ideal is (8,8): (2,6) and (6,2) are equally far from balance (|.25 − .75|) and have the same sum,
    // so the larger first-side worth decides: (6,2).
    const balanced: Domain = {
      issues: [{ id: 'x', label: 'X', options: [opt(0, 0), opt(2, 6), opt(6, 2), opt(8, -1), opt(-1, 8)] }],
      disagreement: { first: 0, second: 0 },
    };
    expect(analyzeDomain(balanced).kalaiSmorodinsky).toMatchObject({ first: 6, second: 2 });
    expect(bruteForce(balanced).ks).toEqual({ first: 6, second: 2 });
  });
});

const reset = () => requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));

/** Reset 2009 cut down to three cards, so its deal space can be checked by hand. */
function threeCardReset(): Scenario {
  const s = reset();
  const keep = new Set(['cancel-shield', 'transit-paperwork', 'iran-sanctions']);
  return { ...s, cards: s.cards.filter((c) => keep.has(c.id)) };
}

function play(s: Scenario, state: GameState, moves: Move[]): GameState {
  for (const m of moves) {
    const r = applyMove(s, state, m);
    if (!r.ok) throw new Error(`${m.type} by ${m.side}: ${r.reason}`);
    state = r.state;
  }
  return state;
}

describe('deal analysis of a scenario', () => {
  // The whole model, by hand, from the start of Reset 2009 (trust 40 and 35, support 60 and 66, hawks 45 and 55).
  // Shield for paperwork (bilateral): the concessions are worth the US −4×3/5 + 3×9/5 = 3 and Russia 4×9/5 − 3×6/5 = 3.6.
  // Proposing moves NATO from "frozen" to "talks", signing (trust 30 needed, 43 and 39 after a quid pro quo) on to
  // "framework" (0 -> 0.3), and Afghanistan from "talks" to "framework" (0.1 -> 0.3): progress US 3×0.3 + 9×0.2 = 2.7,
  // Russia 9×0.3 + 6×0.2 = 3.9. Support: the US pays 5×1.45 = 7.25 -> 7 and wins 3/2 -> 2; Russia pays 1×1.55 -> 2 and
  // wins 4/2 = 2; both +2 when it delivers: US −3, Russia +2, a fifth of which is score: −0.6 and 0.4.
  // Worth: US 3 + 2.7 − 0.6 = 5.1, Russia 3.6 + 3.9 + 0.4 = 7.9.
  it('values packages with the engine and finds the hand-computed frontier, Nash and KS deals', () => {
    const s = threeCardReset();
    const a = analyzeScenario(s);
    expect(a.exact).toBe(true);
    expect(a.space).toMatchObject({ cards: 3, issues: 3, packages: 8, formats: ['bilateral', 'multilateral'] });
    const paperwork = a.frontier.find((d) => d.gives.us.join() === 'cancel-shield' && d.gives.ru.join() === 'transit-paperwork')!;
    expect(paperwork).toMatchObject({ worth: { us: 5.1, ru: 7.9 }, format: 'bilateral' });
    expect(paperwork.parts.us).toEqual({ deals: 3, progress: 2.7, support: -0.6, escalation: 0 });
    expect(paperwork.parts.ru).toEqual({ deals: 3.6, progress: 3.9, support: 0.4, escalation: 0 });
    // Shield for sanctions is worth more to both in the P5+1 format (half the cost at home) than bilaterally.
    expect(a.frontier.map((d) => [d.worth.us, d.worth.ru])).toEqual([[-1.9, 10.7], [5.1, 7.9], [8.3, 7.3], [15.3, 3.7], [18.2, -6.6]]);
    expect(a.nash).toMatchObject({ worth: { us: 8.3, ru: 7.3 }, gives: { us: ['cancel-shield'], ru: ['iran-sanctions'] }, format: 'multilateral' });
    expect(a.kalaiSmorodinsky).toMatchObject({ gives: { us: ['cancel-shield'], ru: ['iran-sanctions'] }, format: 'multilateral' });
    // The best each side gets from a package the other does not find worse than no deal.
    expect(a.ideal).toEqual({ us: 15.3, ru: 7.9 });
    // Every frontier package is worth what the engine's own valuation says.
    const model = dealModel(s, createGame(s, 1));
    for (const d of a.frontier) {
      const w = packageWorth(model, [...d.gives.us, ...d.gives.ru], d.format);
      expect(d.worth.us).toBeCloseTo(w.worth.us, 6);
      expect(d.worth.ru).toBeCloseTo(w.worth.ru, 6);
    }
  });

  it('places a finished deal against the frontier and names the better deal both sides missed: the same cards, multilaterally', () => {
    const s = threeCardReset();
    let g = createGame(s, 3);
    g = play(s, g, [
      { type: 'statement', side: 'us', tone: 'neutral' },
      { type: 'statement', side: 'ru', tone: 'neutral' },
      { type: 'propose', side: 'us', give: ['cancel-shield'], ask: ['iran-sanctions'] },
      { type: 'accept', side: 'ru' },
      { type: 'implement', side: 'us', agreement: 'A1' },
      { type: 'implement', side: 'ru', agreement: 'A1' },
    ]);
    const standing = analyzeScenario(s, g).game!;
    // Signed bilaterally: the US pays 7 for the shield instead of 4, Russia 9 for the sanctions instead of 5.
    expect(standing.delivered).toMatchObject({ worth: { us: 7.7, ru: 6.5 }, format: 'bilateral' });
    expect(standing.distanceToFrontier).toBeCloseTo(1, 2);
    expect(standing.distanceToNash).toBeCloseTo(1, 2);
    expect(standing.onFrontier).toBe(false);
    expect(standing.missed[0]).toMatchObject({ gives: { us: ['cancel-shield'], ru: ['iran-sanctions'] }, format: 'multilateral' });
    expect(standing.missed[0].summary).toContain('Back UN sanctions on Iran');
    expect(standing.missed[0].summary).toContain('(multilateral)');
    expect(standing.bothCouldGain).toBeCloseTo(0.6, 6);
  });

  it('draws the 2016 frontier from the game students play: joint worth varies along it, progress and costs at home count', () => {
    // Issue 14: valued by the concessions alone, the mutually gaining part was a straight line (us + ru 15.4 at all 26 points).
    const a = analyzeScenario(requireScenario(join(SCENARIO_DIR, 'limits-of-the-possible-2016.yaml')));
    const both = a.frontier.filter((d) => d.worth.us > 0 && d.worth.ru > 0);
    expect(both.length).toBeGreaterThan(10);
    const joint = both.map((d) => Math.round((d.worth.us + d.worth.ru) * 100) / 100);
    expect(Math.max(...joint) - Math.min(...joint)).toBeGreaterThan(1);
    expect(both.some((d) => d.parts.us.progress !== 0 && d.parts.ru.progress !== 0)).toBe(true);
    expect(both.every((d) => d.parts.us.support !== 0 || d.parts.ru.support !== 0)).toBe(true);
    expect(a.exact).toBe(true);
  });

  for (const file of builtInScenarioFiles()) {
    it(`is sane on ${file.split('/').pop()}: frontier non-dominated, Nash on it, no red lines, a played game inside it`, () => {
      const s = requireScenario(file);
      const a = analyzeScenario(s);
      const red = new Set(s.seats.flatMap((side) => s.sides[side].redLines.map((r) => r.card)));
      const [first, second] = s.seats;
      expect(a.frontier.length).toBeGreaterThan(1);
      for (let i = 1; i < a.frontier.length; i++) {
        expect(a.frontier[i].worth[first]).toBeGreaterThan(a.frontier[i - 1].worth[first]);
        expect(a.frontier[i].worth[second]).toBeLessThan(a.frontier[i - 1].worth[second]);
      }
      for (const d of a.frontier) for (const id of Object.values(d.gives).flat()) expect(red.has(id)).toBe(false);
      // Every small package lies on or under the frontier.
      for (const p of a.cloud) expect(a.frontier.some((f) => s.seats.every((side) => f.worth[side] >= p[side] - 0.01))).toBe(true);
      expect(a.nash).not.toBeNull();
      expect(a.frontier.some((f) => s.seats.every((side) => f.worth[side] === a.nash!.worth[side]))).toBe(true);
      for (const side of s.seats) expect(a.nash!.worth[side]).toBeGreaterThan(0);
      const { state } = playGame(s, 1, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator });
      const g = analyzeScenario(s, state).game!;
      expect(g.distanceToFrontier).toBeGreaterThanOrEqual(0);
      for (const m of g.missed) {
        for (const side of s.seats) expect(m.worth[side]).toBeGreaterThan(g.delivered.worth[side]);
      }
    });
  }
});

describe('npm run analyze', () => {
  const cli = (args: string[]) => runCli('analyze.ts', args);

  it('prints the frontier and where a logged game stands, as JSON', async () => {
    const s = reset();
    const { state } = playGame(s, 2, { us: STRATEGIES.reciprocator, ru: STRATEGIES.conceder });
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const log = join(dir, 'game.json');
    writeFileSync(log, JSON.stringify(logOf(state)));
    const r = await cli([join(SCENARIO_DIR, 'reset-2009.yaml'), '--log', log, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.scenario).toBe('reset-2009');
    expect(out.frontier.length).toBeGreaterThan(1);
    expect(out.nash.gives.us.length + out.nash.gives.ru.length).toBeGreaterThan(0);
    expect(out.game.delivered.worth).toHaveProperty('us');
    expect(typeof out.game.distanceToNash).toBe('number');
    // Without --json: the same, for people.
    const text = await cli([join(SCENARIO_DIR, 'reset-2009.yaml'), '--log', log]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Nash bargaining\s+United States\s+[\d.]+\s+Russia\s+[\d.]+/);
    expect(text.out).toContain('Pareto frontier');
    expect(text.out).toMatch(/distance to the frontier [\d.]+, to the Nash point [\d.]+/);
  }, 240_000); // two or three processes: generous for a loaded 2-core machine

  it('explains a bad log or file in one line, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"scenario": "reset-2009", "seed": 1}');
    const r = await cli([join(SCENARIO_DIR, 'reset-2009.yaml'), '--log', bad]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('is not a game log');
    expect(r.err).not.toMatch(/\n\s+at /);
    const wrongMove = join(dir, 'wrong.json');
    writeFileSync(wrongMove, JSON.stringify({ scenario: 'reset-2009', seed: 1, moves: [{ type: 'accept', side: 'ru' }] }));
    const r2 = await cli([join(SCENARIO_DIR, 'reset-2009.yaml'), '--log', wrongMove]);
    expect(r2.err).toContain('does not replay');
    expect(r2.err).not.toMatch(/\n\s+at /);
    const missing = await cli([join(dir, 'nope.yaml')]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('cannot read the file');
  }, 240_000); // two or three processes: generous for a loaded 2-core machine
});
