// Varied briefs over the wire, written as the attack: a student who has read reset-2009.yaml still does not know
// the other team's brief, because each table's was varied on the server; each team's welcome carries only its own
// (as varied for its table), and only the teacher and the class debrief see both.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { startClassroomServer } from '../../src/net/server/main';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { describeChange, tableScenario } from '../../src/scenario/vary';
import { textOf, type Side, type SideDef } from '../../src/engine';
import type { Debrief, TeacherUpdate, TeacherWelcome, Welcome } from '../../src/net/protocol';
import type { SessionRecord } from '../../src/net/server/store';
import { createSession } from '../classroom-server';
import { until } from '../waiting';

/** The shipped scenarios' seats. */
const SIDES = ['us', 'ru'] as const;

let server: Awaited<ReturnType<typeof startClassroomServer>>;
let base = '';
const dataDir = mkdtempSync(join(tmpdir(), 'reset-vary-'));
const scenario = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
beforeAll(async () => {
  server = await startClassroomServer({ port: 0, dataDir, staticDir: null });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.gracefullyShutdown(false);
});

test('with varied briefs each table has its own hidden priorities and red lines, each team hears only its own, and the debrief tells them all', async () => {
  const TABLES = 4;
  const created = await createSession(base, { scenario: 'reset-2009', tables: TABLES, fillWithComputer: false, varyBriefs: true });
  const record = JSON.parse(readFileSync(join(dataDir, created.code, 'session.json'), 'utf8')) as SessionRecord;
  expect(record.varyBriefs).toBe(true);
  // What each table should play: the pure, seeded variation of the file, from the table's seed.
  const expected = record.seeds.map((seed) => tableScenario(scenario, seed, true));

  const teacherSaw: string[] = [];
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.onMessage('*', (type, payload) => teacherSaw.push(JSON.stringify([type, payload])));

  // Eight students fill the eight teams (the server spreads them over tables and sides).
  const heard: string[][] = [];
  const rooms = [];
  for (let i = 0; i < TABLES * 2; i++) {
    const got: string[] = [];
    heard.push(got);
    const room = await new Client(base).joinById(created.code, { name: `Student ${i + 1}` });
    room.onMessage('*', (type, payload) => got.push(JSON.stringify([type, payload])));
    rooms.push(room);
  }
  const welcomeOf = (got: string[]) => got.map((m) => JSON.parse(m) as [string, unknown]).find(([t]) => t === 'welcome')?.[1] as Welcome | undefined;
  await until(() => heard.every((g) => welcomeOf(g)), 'every student to be welcomed');
  const welcomes = heard.map((g) => welcomeOf(g)!);
  expect(new Set(welcomes.map((w) => `${w.table}/${w.side}`)).size).toBe(TABLES * 2);

  for (const [i, w] of welcomes.entries()) {
    const mine = expected[w.table].scenario.sides[w.side];
    const them: Side = w.side === 'us' ? 'ru' : 'us';
    // Its own brief, as varied for its table...
    expect(w.scenario.sides[w.side]).toEqual(mine);
    // ... and nothing of the other team's hidden brief, nor the limits it was varied within.
    expect(w.scenario.sides[them]).not.toHaveProperty('priorities');
    expect(w.scenario.sides[them]).not.toHaveProperty('redLines');
    expect(w.scenario.sides[them]).not.toHaveProperty('brief');
    expect(w.scenario.sides[them]).not.toHaveProperty('counterpart');
    expect(w.scenario).not.toHaveProperty('classroom');
    const all = heard[i].join('\n');
    const stance = scenario.sides[them].counterpart!;
    const secrets = [
      textOf(scenario.sides[them].brief),
      ...scenario.sides[them].redLines.map((r) => textOf(r.why)),
      ...(scenario.classroom?.vary[them]?.redLines?.from ?? []).map((r) => textOf(r.why)),
      // What the other side wants most and will never give, as the computer would play it.
      textOf(stance.why),
      ...stance.neverGives.map((r) => textOf(r.why)),
    ];
    for (const s of secrets) expect(all, `table ${w.table + 1} ${w.side} heard "${s.slice(0, 40)}…"`).not.toContain(JSON.stringify(s).slice(1, -1).slice(0, 60));
  }

  // Two tables differ: reading the file (or another table's brief) does not give this table's.
  for (const side of SIDES) {
    const briefs = new Set(welcomes.filter((w) => w.side === side).map((w) => JSON.stringify({ p: (w.scenario.sides[side] as SideDef).priorities, r: (w.scenario.sides[side] as SideDef).redLines })));
    expect(briefs.size, `${side} briefs at ${TABLES} tables`).toBeGreaterThan(1);
    expect(welcomes.filter((w) => w.side === side).some((w) => JSON.stringify(w.scenario.sides[side]) !== JSON.stringify(scenario.sides[side]))).toBe(true);
  }

  // The teacher sees the file's scenario (both briefs) and that the briefs are varied; the debrief tells each table's.
  const teacherWelcome = teacherSaw.map((m) => JSON.parse(m) as [string, unknown]).find(([t]) => t === 'teacherWelcome')?.[1] as TeacherWelcome;
  expect(teacherWelcome.settings.varyBriefs).toBe(true);
  expect(teacherWelcome.scenario.sides.ru.priorities).toEqual(scenario.sides.ru.priorities);
  teacher.send('end', {});
  const debriefOf = () => teacherSaw.map((m) => JSON.parse(m) as [string, TeacherUpdate]).filter(([t, u]) => t === 'teacher' && u.debrief).at(-1)?.[1].debrief;
  const debrief = (await until(debriefOf, 'the class debrief')) as Debrief;
  for (let t = 0; t < TABLES; t++) {
    expect(debrief.tables[t].briefs).toEqual(expected[t].changes.map((c) => describeChange(scenario, c)));
    expect(debrief.tables[t].briefs.length).toBeGreaterThan(0);
  }
  expect(debrief.tables.flatMap((t) => t.briefs).some((b) => b.startsWith('United States'))).toBe(true);
  expect(debrief.tables.flatMap((t) => t.briefs).some((b) => b.startsWith('Russia'))).toBe(true);
  for (const r of rooms) await r.leave();
  await teacher.leave();
});

test('without "vary the briefs" every table plays the file as it is', async () => {
  const created = await createSession(base, { scenario: 'reset-2009', tables: 2, fillWithComputer: false });
  const record = JSON.parse(readFileSync(join(dataDir, created.code, 'session.json'), 'utf8')) as SessionRecord;
  expect(record.varyBriefs).toBeUndefined();
  const got: string[] = [];
  const room = await new Client(base).joinById(created.code, { name: 'Ann' });
  room.onMessage('*', (type, payload) => got.push(JSON.stringify([type, payload])));
  await until(() => got.find((m) => m.startsWith('["welcome"')), 'the welcome');
  const w = JSON.parse(got.find((m) => m.startsWith('["welcome"'))!)[1] as Welcome;
  expect(w.scenario.sides[w.side]).toEqual(scenario.sides[w.side]);
  expect(w.scenario).not.toHaveProperty('classroom');
  await room.leave();
});
