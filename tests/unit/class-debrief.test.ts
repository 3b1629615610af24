// The class debrief the teacher projects: every table's deal on the frontier's own scale, the better deals
// both sides missed, and what actually happened, scored the same way and cited by article.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeScenario, dealOfCards } from '../../src/ai/analysis';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { applyMove, createGame, outcomeOf, textOf, type GameState, type Move, type Scenario } from '../../src/engine';
import { builtInScenarioFiles, requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { loadScenarioText } from '../../src/scenario/load';
import { classDebrief } from '../../src/net/server/debrief';
import { readingOf } from '../../src/net/client/class-debrief';
import { SOURCES } from '../sources';

const PAIRINGS: [string, string][] = [
  ['reciprocator', 'reciprocator'],
  ['conceder', 'hardliner'],
  ['hardliner', 'hardliner'],
  ['random', 'conceder'],
];
const tablesOf = (s: Scenario) => PAIRINGS.map(([us, ru], i) => playGame(s, i + 1, { us: STRATEGIES[us], ru: STRATEGIES[ru] }).state);

/** Some frontier package is at least as good for both sides. */
const underFrontier = (p: { us: number; ru: number }, frontier: { us: number; ru: number }[]) => frontier.some((f) => f.us >= p.us - 1e-6 && f.ru >= p.ru - 1e-6);

function play(s: Scenario, state: GameState, moves: Move[]): GameState {
  for (const m of moves) {
    const r = applyMove(s, state, m);
    if (!r.ok) throw new Error(`${m.type} by ${m.side}: ${r.reason}`);
    state = r.state;
  }
  return state;
}

const normalise = (s: string) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim();

describe('the class debrief of the built-in scenarios', () => {
  for (const file of builtInScenarioFiles()) {
    const name = file.split('/').pop();
    it(`${name}: every table sits on or under the frontier, on the analysis' scale, not the game score's`, () => {
      const s = requireScenario(file);
      const states = tablesOf(s);
      const d = classDebrief(s, states);
      expect(d.tables.map((t) => t.label)).toEqual(['Table 1', 'Table 2', 'Table 3', 'Table 4']);
      expect(d.frontier.length).toBeGreaterThan(1);
      states.forEach((state, i) => {
        const t = d.tables[i];
        const standing = analyzeScenario(s, state).game!;
        expect(underFrontier(t, d.frontier)).toBe(true);
        expect([t.us, t.ru]).toEqual([standing.delivered.worth.us + 0, standing.delivered.worth.ru + 0]);
        expect(t.joint).toBeCloseTo(t.us + t.ru, 6);
        expect(t.distance).toBe(standing.distanceToFrontier);
        expect(t.onFrontier).toBe(t.distance === 0);
        expect(t.agreements).toBe(state.agreements.length);
        // The game score is a different measure (progress, support, risk): reported, never plotted.
        const o = outcomeOf(s, state);
        expect(t.score).toEqual({ us: o.sides.us.score + 0, ru: o.sides.ru.score + 0, joint: o.joint + 0 });
        for (const m of t.missed ? [t.missed] : []) {
          expect(m.us).toBeGreaterThan(t.us);
          expect(m.ru).toBeGreaterThan(t.ru);
        }
      });
      // The Nash point is a frontier package that gains both sides.
      expect(d.nash).not.toBeNull();
      expect(d.frontier).toContainEqual({ us: d.nash!.us, ru: d.nash!.ru });
      // What crosses the wire survives JSON unchanged.
      expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    });

    it(`${name}: what actually happened is a point, scored like a table's deal, citing its articles by file name`, () => {
      const s = requireScenario(file);
      const d = classDebrief(s, []);
      const h = d.historical!;
      expect(h).not.toBeNull();
      const deal = s.history.deal!;
      const scored = dealOfCards(s, deal.cards);
      expect([h.us, h.ru]).toEqual([scored.worth.us + 0, scored.worth.ru + 0]);
      expect(underFrontier(h, d.frontier)).toBe(true);
      expect(h.label).toBe(`What happened: ${textOf(deal.text).replace(/\.$/, '')} (${[...new Set(deal.cite.map((c) => c.file))].join(', ')})`);
      expect(h.label).toMatch(/\(\d{3}_[0-9a-f]{16}\.txt(, \d{3}_[0-9a-f]{16}\.txt)*\)$/);
      expect(h.cite.length).toBeGreaterThan(0);
      const sourceFiles = s.sources.map((src) => src.file);
      for (const c of h.cite) {
        expect(sourceFiles).toContain(c.file);
        expect(h.label).toContain(c.file);
        const path = join(SOURCES, c.file);
        if (existsSync(path) && c.quote) expect(normalise(readFileSync(path, 'utf8'))).toContain(normalise(c.quote));
      }
      // No red line is part of what happened.
      const red = new Set([...s.sides.us.redLines, ...s.sides.ru.redLines].map((r) => r.card));
      for (const id of deal.cards) expect(red.has(id)).toBe(false);
    });
  }
});

describe('history comes from the scenario file', () => {
  const file = join(SCENARIO_DIR, 'reset-2009.yaml');
  const text = readFileSync(file, 'utf8');
  const SHIPPED = '    cards: [cancel-shield, transit-overflight]\n    text:\n      en: >-\n        In 2009 the missile shield was cancelled';

  it('the historical point and its words are the file\'s history.deal: another deal in the file gives another point', () => {
    expect(text).toContain(SHIPPED);
    const edited = text.replace(SHIPPED, '    cards: [start-deep-cuts, start-inspections]\n    text:\n      en: >-\n        In this telling START was replaced at once; the missile shield was cancelled');
    const loaded = loadScenarioText(edited, 'reset-2009.yaml');
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.message)).toEqual([]);
    if (!loaded.ok) return;
    const shipped = classDebrief(requireScenario(file), []).historical!;
    const other = classDebrief(loaded.scenario, []).historical!;
    expect(other.label).toMatch(/^What happened: In this telling START was replaced at once; the missile shield was cancelled/);
    expect(other.summary).toContain('Deeper cuts in deployed warheads');
    expect(other.summary).toContain('Accept on-site inspections');
    const scored = dealOfCards(loaded.scenario, ['start-deep-cuts', 'start-inspections']);
    expect([other.us, other.ru]).toEqual([scored.worth.us + 0, scored.worth.ru + 0]);
    expect([other.us, other.ru]).not.toEqual([shipped.us, shipped.ru]);
    // Without the section there is no historical point at all: nothing is kept in code.
    const without = loadScenarioText(text.replace(/\n  # What was agreed[^\n]*\n  deal:\n(    [^\n]*\n)+/, '\n'), 'reset-2009.yaml');
    expect(without.ok && without.scenario.history.deal).toBe(undefined);
    if (without.ok) expect(classDebrief(without.scenario, []).historical).toBeNull();
  });
});

describe('a table that carried nothing out', () => {
  const s = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));

  it('sits at the disagreement point, whether it never met, never signed, or signed and did not deliver', () => {
    const fresh = createGame(s, 7);
    const hardliners = playGame(s, 1, { us: STRATEGIES.hardliner, ru: STRATEGIES.hardliner }).state;
    expect(hardliners.agreements).toHaveLength(0);
    const signedOnly = play(s, createGame(s, 3), [
      { type: 'statement', side: 'us', tone: 'neutral' },
      { type: 'statement', side: 'ru', tone: 'neutral' },
      { type: 'propose', side: 'us', give: ['cancel-shield'], ask: ['iran-sanctions'] },
      { type: 'accept', side: 'ru' },
    ]);
    const d = classDebrief(s, [fresh, hardliners, signedOnly]);
    for (const t of d.tables) {
      expect({ us: t.us, ru: t.ru }).toEqual(d.disagreement);
      expect(t.joint).toBe(0);
      expect(t.deal).toBe('no deal');
      expect(t.onFrontier).toBe(false);
      expect(t.missed).not.toBeNull();
      expect(t.bothCouldGain).toBeGreaterThan(0);
    }
    expect(d.tables[2]).toMatchObject({ agreements: 1, implemented: 0 });
    expect(d.disagreement).toEqual({ us: 0, ru: 0 });
    expect(readingOf(d)).toContain('Tables 1, 2 and 3 carried out no deal.');
  });
});

describe('dominance on a hand-made three-card deal space', () => {
  // Reset 2009 cut to three cards, worth by hand (the whole model) in analysis-deals.test.ts. Frontier (-1.9,10.7) the
  // shield alone; (5.1,7.9) shield for paperwork; (8.3,7.3) shield for sanctions in the P5+1 format (Nash); (15.3,3.7)
  // shield for both; (18.2,-6.6) both for nothing. Shield for sanctions signed bilaterally costs more at home: (7.7,6.5).
  const full = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
  const keep = new Set(['cancel-shield', 'transit-paperwork', 'iran-sanctions']);
  // Nothing carried out slips (rules 4: at the venue it slips twice as often): each table carries out what it signs.
  const s: Scenario = { ...full, cards: full.cards.filter((c) => keep.has(c.id)), rules: { ...full.rules, slipChance: 0 } };
  const deal = (give: string[], ask: string[], format: 'bilateral' | 'multilateral' = 'bilateral') =>
    play(s, createGame(s, 3), [
      { type: 'statement', side: 'us', tone: 'neutral' },
      { type: 'statement', side: 'ru', tone: 'neutral' },
      { type: 'propose', side: 'us', give, ask, format },
      { type: 'accept', side: 'ru' },
      { type: 'implement', side: 'us', agreement: 'A1' },
      { type: 'implement', side: 'ru', agreement: 'A1' },
    ]);

  it('finds the deal both sides preferred, and none for a table on the frontier', () => {
    const d = classDebrief(s, [deal(['cancel-shield'], ['iran-sanctions']), deal(['cancel-shield'], ['iran-sanctions'], 'multilateral'), createGame(s, 1)]);
    expect(d.frontier).toEqual([
      { us: -1.9, ru: 10.7 },
      { us: 5.1, ru: 7.9 },
      { us: 8.3, ru: 7.3 },
      { us: 15.3, ru: 3.7 },
      { us: 18.2, ru: -6.6 },
    ]);
    expect(d.nash).toMatchObject({ us: 8.3, ru: 7.3 });
    const [bilateral, multilateral, nothing] = d.tables;
    // The same cards signed bilaterally (7.7, 6.5) are beaten by the P5+1 format (8.3, 7.3): +0.6 each at least.
    expect(bilateral).toMatchObject({ us: 7.7, ru: 6.5, onFrontier: false, bothCouldGain: 0.6, agreements: 1, implemented: 1 });
    expect(bilateral.distance).toBeCloseTo(1, 2);
    expect(bilateral.missed).toMatchObject({ us: 8.3, ru: 7.3 });
    expect(bilateral.missed!.summary).toContain('Back UN sanctions on Iran');
    expect(bilateral.missed!.summary).toContain('(multilateral)');
    // In the P5+1 format it is the Nash point itself: nothing beats it for both.
    expect(multilateral).toMatchObject({ us: 8.3, ru: 7.3, onFrontier: true, distance: 0, bothCouldGain: 0, missed: null });
    // No deal (0,0): (8.3,7.3) gains both at least 7.3; (5.1,7.9) 5.1; (15.3,3.7) 3.7.
    expect(nothing).toMatchObject({ us: 0, ru: 0, bothCouldGain: 7.3 });
    // The historical reset-2009 deal names a card this cut-down scenario lacks: no historical point rather than a wrong one.
    expect(d.historical).toBeNull();
    expect(readingOf(d)).toBe(
      'Table 2 reached the frontier; tables 1 and 3 left deals both sides preferred on the table, table 3 the most (+7.3 for each side). Table 3 carried out no deal.',
    );
  });

  it('reads how many tables beat history for both sides', () => {
    const d = classDebrief(full, tablesOf(full));
    const h = d.historical!;
    const better = d.tables.filter((t) => t.us >= h.us && t.ru >= h.ru && (t.us > h.us || t.ru > h.ru)).length;
    expect(better).toBeGreaterThan(0);
    expect(better).toBeLessThan(d.tables.length);
    expect(readingOf(d)).toContain(`${better} of ${d.tables.length} tables beat what really happened for both sides.`);
  });

  it('reads a class of one table without comparing it with itself', () => {
    // It said "Table 1 came closest to the frontier; table 1 left deals … Table 1 carried out no deal. No table beat …".
    const d = classDebrief(full, [createGame(full, 1)]);
    const t = d.tables[0];
    expect(readingOf(d)).toBe(
      `Table 1 ended ${t.distance.toFixed(1)} from the frontier; a deal both sides preferred was on the table (+${t.bothCouldGain.toFixed(1)} for each side). It carried out no deal. It did not beat what really happened for both sides.`,
    );
    const played = classDebrief(full, [tablesOf(full)[0]]);
    expect(readingOf(played)).toMatch(/^Table 1 (reached the frontier|ended \d+\.\d from the frontier)/);
    expect(readingOf(played)).not.toMatch(/closest|No table|Every table/);
  });
});

describe('the classroom server', () => {
  it('sends the teacher the class debrief when the session ends: one point per table, the frontier and history', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { Client } = await import('@colyseus/sdk');
    const { startClassroomServer } = await import('../../src/net/server/main');
    const server = await startClassroomServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'reset-debrief-')), staticDir: null });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const created = await (await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'reset-2009', tables: 3, fillWithComputer: false }) })).json();
      const teacher = await new Client(base).joinById(created.code, { token: created.token });
      const updates: { ended: boolean; debrief: ReturnType<typeof classDebrief> | null }[] = [];
      teacher.onMessage('*', (type, payload) => {
        if (type === 'teacher') updates.push(payload as (typeof updates)[number]);
      });
      await expect.poll(() => updates.length).toBeGreaterThan(0);
      expect(updates.at(-1)!.debrief).toBeNull();
      teacher.send('end', {});
      await expect.poll(() => updates.at(-1)?.ended).toBe(true);
      const d = updates.at(-1)!.debrief!;
      expect(d.tables.map((t) => t.label)).toEqual(['Table 1', 'Table 2', 'Table 3']);
      // Nobody played: every table is at no deal, with a better deal for both still on the table.
      for (const t of d.tables) expect(t).toMatchObject({ us: 0, ru: 0, agreements: 0, onFrontier: false });
      expect(d.frontier.length).toBeGreaterThan(1);
      expect(d.historical!.label).toContain('004_f5e98c935a2387e5.txt');
      expect(d.scenario).toEqual({ id: 'reset-2009', title: 'Reset 2009' });
      await teacher.leave();
    } finally {
      await server.gracefullyShutdown(false);
    }
  });
});
