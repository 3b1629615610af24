// npm run balance: the same seeds give the same figures, the figures are the games' own, and the command says what
// it cannot do.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalFrom, pairings, playPairing, reached, suggestGoals, summarise, withGoals, GOAL_PAIRINGS, HISTORY_TARGETS, type GameResult, type Pairing } from '../../src/ai/balance';
import { shippedScenarios } from './engine-test-kit';

const s = shippedScenarios().find(([id]) => id === 'reset-2009')![1];

describe('balance figures', () => {
  it('plays every scripted pairing from both seats and each computer level against each scripted strategy', () => {
    const all = pairings().map((p) => p.join(' v '));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('reciprocator v agent:hard');
    expect(all).toContain('agent:hard v reciprocator');
    expect(all).toContain('hardliner v hardliner');
  });

  it('a game is the same for the same seed, and differs between seeds', () => {
    const pair: Pairing = ['reciprocator', 'reciprocator'];
    expect(playPairing(s, pair, 4)).toEqual(playPairing(s, pair, 4));
    const scores = new Set([1, 2, 3, 4, 5, 6].map((seed) => playPairing(s, pair, seed).score.join()));
    expect(scores.size).toBeGreaterThan(1);
  });

  it("the summary's targets are the games' own figures", () => {
    const results: GameResult[] = [];
    for (const pair of [['reciprocator', 'reciprocator'], ['hardliner', 'hardliner'], ['reciprocator', 'hardliner'], ['hardliner', 'reciprocator']] as Pairing[])
      for (let seed = 1; seed <= 4; seed++) results.push(playPairing(s, pair, seed));
    const sum = summarise(s, results);
    const recip = results.filter((r) => r.players.join() === 'reciprocator,reciprocator');
    const both = recip.filter((r) => r.won[0] && r.won[1]).length / recip.length;
    const line = sum.targets.find((t) => t.what === 'two reciprocators both reach their goals')!;
    expect(line.figure).toBe(`${Math.round(both * 100)} %`);
    expect(line.pass).toBe(both < 0.7);
    const hard = results.filter((r) => r.players.join() === 'hardliner,hardliner');
    expect(sum.players.hardliner.us.crisis).toBeCloseTo([...hard, ...results.filter((r) => r.players[0] === 'hardliner' && r.players[1] !== 'hardliner')].filter((r) => r.crisis).length / 8, 9);
    // The seat edge compares a strategy against the same opponents from either seat.
    const first = results.filter((r) => r.players[0] === 'reciprocator').map((r) => r.score[0]);
    const second = results.filter((r) => r.players[1] === 'reciprocator').map((r) => r.score[1]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Rounded to a tenth (a sum in another order may round the other way).
    expect(Math.abs(sum.seatEdge.reciprocator - (mean(first) - mean(second)))).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('history is reached at its stage or past it, never in a collapse', () => {
    const arms = s.tracks.find((t) => t.id === 'arms')!;
    expect(reached(arms, 'signed', 'signed')).toBe(true);
    expect(reached(arms, 'verified', 'signed')).toBe(true);
    expect(reached(arms, 'framework', 'signed')).toBe(false);
    expect(reached(arms, 'collapsed', 'signed')).toBe(false);
    for (const h of HISTORY_TARGETS) {
      const sc = shippedScenarios().find(([id]) => id === h.scenario)?.[1];
      expect(sc?.tracks.find((t) => t.id === h.track)?.stages.some((st) => st.id === h.stage), `${h.scenario} ${h.track} ${h.stage}`).toBe(true);
    }
  });
});

describe('goals set from the games (--suggest-goals)', () => {
  it('a goal is the highest score reached in at least the given share of games', () => {
    const scores = [3, 9, 1, 7, 5, 7];
    expect(goalFrom(scores, 0.5)).toBe(7); // 9, 7, 7 reach 7: half of six games
    expect(goalFrom(scores, 0.4)).toBe(7);
    expect(goalFrom(scores, 2 / 3)).toBe(5);
    expect(goalFrom(scores, 1)).toBe(1);
    expect(goalFrom([4], 0.5)).toBe(4);
    expect(() => goalFrom([], 0.5)).toThrow();
    expect(() => goalFrom([1], 0)).toThrow();
  });

  it("each side's goal is reached by the reciprocator against agent:hard in at least that share of the games played", () => {
    const results = GOAL_PAIRINGS.flatMap((pair) => [1, 2, 3, 4].map((seed) => playPairing(s, pair, seed)));
    const g = suggestGoals(s, results, 0.5);
    expect(g.sides.map((x) => x.side)).toEqual([...s.seats]);
    g.sides.forEach((x, i) => {
      const games = results.filter((r) => r.players[i] === 'reciprocator' && r.players[1 - i] === 'agent:hard');
      expect(x.seeds).toBe(4);
      expect(x.goal).toBe(goalFrom(games.map((r) => r.score[i]), 0.5));
      expect(x.now).toBe(s.sides[x.side].goal);
      expect(games.filter((r) => r.score[i] >= x.goal).length).toBeGreaterThanOrEqual(2);
    });
  });

  it("writes each side's goal line of a scenario file and leaves every other line as it was", () => {
    const yaml = ['id: x', 'classLength:', '  turns: 6', 'sides:', '  us:', '    name: { en: US }', '    goal: 10.3', '    start: {}', '  ru:', '    goal: 9 # by hand', 'tracks: []'].join('\n');
    const out = withGoals(yaml, { us: 12.5, ru: -1 });
    expect(out.split('\n')).toEqual(['id: x', 'classLength:', '  turns: 6', 'sides:', '  us:', '    name: { en: US }', '    goal: 12.5', '    start: {}', '  ru:', '    goal: -1 # by hand', 'tracks: []']);
    expect(() => withGoals(yaml, { eu: 1 })).toThrow(/no side "eu"/);
    expect(() => withGoals('sides:\n  us:\n    name: x\n', { us: 1 })).toThrow(/no "goal:" line/);
  });
});

describe('npm run balance on the command line', () => {
  const run = (...args: string[]) =>
    spawnSync(resolve('node_modules/.bin/tsx'), ['src/cli/balance.ts', ...args], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '../..') });

  it('names the shipped scenarios when asked for one it does not have, and refuses zero games', () => {
    const r = run('--scenario', 'nowhere-1999');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no shipped scenario "nowhere-1999"');
    expect(r.stderr).toContain('reset-2009');
    const z = run('--games', '0');
    expect(z.status).toBe(2);
    expect(z.stderr).toContain('--games must be a whole number above 0');
    const w = run('--write');
    expect(w.status).toBe(2);
    expect(w.stderr).toContain('--write and --goal-reach go with --suggest-goals');
    expect(run('--suggest-goals', '--goal-reach', '1.5').stderr).toContain('--goal-reach is a share above 0 and at most 1');
  });
});
