// A class session at the scenario's class length: every table plays 6 turns with the short summary, the teacher's
// page says so, and a scenario without a class length is refused with a sentence saying what to do.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { startClassroomServer } from '../../src/net/server/main';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { textOf } from '../../src/engine';
import type { TeacherWelcome, Welcome } from '../../src/net/protocol';
import type { SessionRecord } from '../../src/net/server/store';
import { createSession } from '../classroom-server';
import { until } from '../waiting';

let server: Awaited<ReturnType<typeof startClassroomServer>>;
let base = '';
const dataDir = mkdtempSync(join(tmpdir(), 'reset-class-length-'));
const scenario = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
beforeAll(async () => {
  server = await startClassroomServer({ port: 0, dataDir, staticDir: null });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.gracefullyShutdown(false);
});

test('a class-length session plays the short game at every table, and the teacher sees that it does', async () => {
  const scenarios = (await (await fetch(`${base}/api/scenarios`)).json()) as { id: string; turns: number; classTurns: number | null }[];
  expect(scenarios.find((s) => s.id === 'reset-2009')).toMatchObject({ turns: 12, classTurns: 6 });
  const created = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false, length: 'class' });
  const record = JSON.parse(readFileSync(join(dataDir, created.code, 'session.json'), 'utf8')) as SessionRecord;
  expect(record.length).toBe('class');

  const saw: string[] = [];
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.onMessage('*', (type, payload) => saw.push(JSON.stringify([type, payload])));
  const got: string[] = [];
  const student = await new Client(base).joinById(created.code, { name: 'Ann' });
  student.onMessage('*', (type, payload) => got.push(JSON.stringify([type, payload])));
  await until(() => got.find((m) => m.startsWith('["welcome"')) && saw.find((m) => m.startsWith('["teacherWelcome"')), 'both welcomes');
  const w = JSON.parse(got.find((m) => m.startsWith('["welcome"'))!)[1] as Welcome;
  expect(w.scenario.turns).toBe(6);
  expect(textOf(w.scenario.summary)).toBe(textOf(scenario.classLength!.summary));
  const t = JSON.parse(saw.find((m) => m.startsWith('["teacherWelcome"'))!)[1] as TeacherWelcome;
  expect(t.settings.classLength).toBe(true);
  expect(t.scenario.turns).toBe(6);
  await student.leave();
  await teacher.leave();
});

test('a scenario without a class length cannot be played at one', async () => {
  const text = readFileSync(join(SCENARIO_DIR, 'reset-2009.yaml'), 'utf8').replace(/^classLength:\n(?: {2,}.*\n)+/m, '');
  expect(text).not.toMatch(/^classLength:/m);
  await expect(createSession(base, { scenarioText: text, tables: 1, length: 'class' })).rejects.toThrow(/400 the uploaded scenario has no class length \(classLength in the file\): play it at its full length, or add one/);
  // The same file at its full length is fine.
  await expect(createSession(base, { scenarioText: text, tables: 1 })).resolves.toMatchObject({ code: expect.any(String) });
});
