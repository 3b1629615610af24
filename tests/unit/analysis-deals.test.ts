import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allPackages,
  analyzeDomain,
  analyzeScenario,
  paretoFrontier,
  type Domain,
} from '../../src/ai/analysis';
import { applyMove, createGame, logOf, packageUtility, type GameState, type Move, type Scenario } from '../../src/engine';
import { builtInScenarioFiles, requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { playGame, agentStrategy } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { runCli } from '../cli-process';

const opt = (us: number, ru: number) => ({ label: `${us},${ru}`, us, ru });
const points = (ps: { us: number; ru: number }[]) => ps.map((p) => [p.us, p.ru]);

// Two issues, three options each. The nine packages, worked out by hand:
// x0y0 (0,0)  x0y1 (3,-1)  x0y2 (-1,-2)
// x1y0 (7,4)  x1y1 (10,3)  x1y2 (6,2)
// x2y0 (-1,7) x2y1 (2,6)   x2y2 (-2,5)
// Frontier (-1,7) (2,6) (7,4) (10,3). Gains over (0,0): products 12, 28, 30 -> Nash (10,3).
// Ideal (10,6) (best of each among packages both accept); min normalised gains .2, .667, .5 -> KS (7,4).
const twoByThree: Domain = {
  issues: [
    { id: 'x', label: 'X', options: [opt(0, 0), opt(7, 4), opt(-1, 7)] },
    { id: 'y', label: 'Y', options: [opt(0, 0), opt(3, -1), opt(-1, -2)] },
  ],
  disagreement: { us: 0, ru: 0 },
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
  disagreement: { us: 1, ru: 1 },
};

describe('deal analysis on small domains, against hand-computed results', () => {
  it('finds the Pareto frontier of two issues with three options each', () => {
    expect(points(paretoFrontier(twoByThree))).toEqual([[-1, 7], [2, 6], [7, 4], [10, 3]]);
    expect(allPackages(twoByThree)).toHaveLength(9);
  });

  it('puts the Nash point at the largest product of gains and Kalai–Smorodinsky at the best balanced share of the ideal', () => {
    const a = analyzeDomain(twoByThree);
    expect(a.nash).toMatchObject({ us: 10, ru: 3, choice: [1, 1] });
    expect(a.ideal).toEqual({ us: 10, ru: 6 });
    expect(a.kalaiSmorodinsky).toMatchObject({ us: 7, ru: 4, choice: [1, 0] });
  });

  it('measures gains from a disagreement point that is not zero, ignoring packages one side would refuse', () => {
    const a = analyzeDomain(threeBinary);
    expect(points(a.frontier)).toEqual([[1, 5], [5, 4], [6, 1]]);
    expect(a.nash).toMatchObject({ us: 5, ru: 4, choice: [1, 1, 1] });
    expect(a.kalaiSmorodinsky).toMatchObject({ us: 5, ru: 4 });
    expect(a.ideal).toEqual({ us: 6, ru: 5 });
    expect(a.packages).toBe(8);
  });

  it('the frontier from issue-by-issue pruning equals the brute-force frontier of every package', () => {
    const brute = allPackages(threeBinary).filter(
      (p, _, all) => !all.some((q) => q.us >= p.us && q.ru >= p.ru && (q.us > p.us || q.ru > p.ru)),
    );
    expect(points(paretoFrontier(threeBinary)).sort()).toEqual(points(brute).sort());
  });

  it('reports no Nash point when no package gains both sides', () => {
    const zeroSum: Domain = { issues: [{ id: 'z', label: 'Z', options: [opt(0, 0), opt(2, -2), opt(-3, 3)] }], disagreement: { us: 0, ru: 0 } };
    const a = analyzeDomain(zeroSum);
    expect(a.nash).toBeNull();
    expect(a.kalaiSmorodinsky).toBeNull();
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
  // Worth = value × priority ÷ 5. US priorities afghanistan 9, iran 8, nato 3; Russia nato 9, afghanistan 6, iran 3.
  // cancel-shield (US gives, nato 4): US -2.4, RU +7.2. transit-paperwork (RU, afghanistan 3): US +5.4, RU -3.6.
  // iran-sanctions (RU, iran 5): US +8, RU -3. Frontier (-2.4,7.2) (5.6,4.2) (11,0.6) (13.4,-6.6);
  // Nash and KS: shield for sanctions (5.6,4.2); ideal (11,4.2).
  it('values packages with the engine and finds the hand-computed frontier, Nash and KS deals', () => {
    const s = threeCardReset();
    const a = analyzeScenario(s);
    expect(a.space).toMatchObject({ cards: 3, packages: 8 });
    expect(points(a.frontier)).toEqual([[-2.4, 7.2], [5.6, 4.2], [11, 0.6], [13.4, -6.6]]);
    expect(a.nash).toMatchObject({ us: 5.6, ru: 4.2, usGives: ['cancel-shield'], ruGives: ['iran-sanctions'] });
    expect(a.kalaiSmorodinsky).toMatchObject({ usGives: ['cancel-shield'], ruGives: ['iran-sanctions'] });
    expect(a.ideal).toEqual({ us: 11, ru: 4.2 });
    for (const d of a.frontier) {
      expect(d.us).toBeCloseTo(packageUtility(s, { give: d.usGives, ask: d.ruGives }, 'us'), 6);
      expect(d.ru).toBeCloseTo(packageUtility(s, { give: d.usGives, ask: d.ruGives }, 'ru'), 6);
    }
  });

  it('places a finished deal against the frontier and names the better deal both sides missed', () => {
    const s = threeCardReset();
    let g = createGame(s, 3);
    g = play(s, g, [
      { type: 'statement', side: 'us', tone: 'neutral' },
      { type: 'statement', side: 'ru', tone: 'neutral' },
      { type: 'propose', side: 'us', give: ['cancel-shield'], ask: ['transit-paperwork'] },
      { type: 'accept', side: 'ru' },
      { type: 'implement', side: 'us', agreement: 'A1' },
      { type: 'implement', side: 'ru', agreement: 'A1' },
    ]);
    const standing = analyzeScenario(s, g).game!;
    expect(standing.delivered).toMatchObject({ us: 3, ru: 3.6 });
    // Nearest frontier deal (5.6,4.2): sqrt(2.6² + 0.6²) = 2.668.
    expect(standing.distanceToFrontier).toBeCloseTo(2.67, 2);
    expect(standing.distanceToNash).toBeCloseTo(2.67, 2);
    expect(standing.onFrontier).toBe(false);
    expect(standing.missed[0]).toMatchObject({ usGives: ['cancel-shield'], ruGives: ['iran-sanctions'] });
    expect(standing.missed[0].summary).toContain('Back UN sanctions on Iran');
    expect(standing.bothCouldGain).toBeCloseTo(0.6, 6);
  });

  for (const file of builtInScenarioFiles()) {
    it(`is sane on ${file.split('/').pop()}: frontier non-dominated, Nash on it, no red lines, a played game inside it`, () => {
      const s = requireScenario(file);
      const a = analyzeScenario(s);
      const red = new Set([...s.sides.us.redLines, ...s.sides.ru.redLines].map((r) => r.card));
      expect(a.frontier.length).toBeGreaterThan(1);
      for (let i = 1; i < a.frontier.length; i++) {
        expect(a.frontier[i].us).toBeGreaterThan(a.frontier[i - 1].us);
        expect(a.frontier[i].ru).toBeLessThan(a.frontier[i - 1].ru);
      }
      for (const d of a.frontier) for (const id of [...d.usGives, ...d.ruGives]) expect(red.has(id)).toBe(false);
      // Every small package lies on or under the frontier.
      for (const p of a.cloud) expect(a.frontier.some((f) => f.us >= p.us - 0.01 && f.ru >= p.ru - 0.01)).toBe(true);
      expect(a.nash).not.toBeNull();
      expect(a.frontier.some((f) => f.us === a.nash!.us && f.ru === a.nash!.ru)).toBe(true);
      expect(a.nash!.us).toBeGreaterThan(0);
      expect(a.nash!.ru).toBeGreaterThan(0);
      const { state } = playGame(s, 1, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator });
      const g = analyzeScenario(s, state).game!;
      expect(g.distanceToFrontier).toBeGreaterThanOrEqual(0);
      for (const m of g.missed) {
        expect(m.us).toBeGreaterThan(g.delivered.us);
        expect(m.ru).toBeGreaterThan(g.delivered.ru);
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
    expect(out.nash.usGives.length + out.nash.ruGives.length).toBeGreaterThan(0);
    expect(out.game.delivered).toHaveProperty('us');
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
