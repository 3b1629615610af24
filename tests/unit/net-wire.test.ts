import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { startClassroomServer } from '../../src/net/server/main';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { textOf } from '../../src/engine';
import { createSession } from '../classroom-server';

let server: Awaited<ReturnType<typeof startClassroomServer>>;
const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
beforeAll(async () => {
  server = await startClassroomServer({ port, dataDir: mkdtempSync(join(tmpdir(), 'reset-net-')) });
});
afterAll(async () => {
  await server.gracefullyShutdown(false);
});

test('a forged move for the other team and garbage are refused, the room keeps working, and no team sees the other brief', async () => {
  const created = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const received: Record<string, string[]> = { a: [], b: [] };
  const join = async (who: 'a' | 'b') => {
    const room = await new Client(base).joinById(created.code, { name: who });
    room.onMessage('*', (type, payload) => received[who].push(JSON.stringify([type, payload])));
    return room;
  };
  const a = await join('a');
  const b = await join('b');
  await new Promise((r) => setTimeout(r, 300));
  const welcomeA = JSON.parse(received.a.find((m) => m.startsWith('["welcome"'))!)[1];
  const mySide = welcomeA.side as 'us' | 'ru';
  const other = mySide === 'us' ? 'ru' : 'us';
  a.send('move', { seq: 1, side: other, move: { type: 'statement', tone: 'hostile' } });
  a.send('move', { seq: 2, move: { type: 'explode' } });
  a.send('nonsense', { x: 1 });
  a.send('move', { seq: 2, move: { type: 'statement', tone: 'neutral' } });
  await new Promise((r) => setTimeout(r, 300));
  const refusals = received.a.filter((m) => m.startsWith('["refused"'));
  expect(refusals.length).toBeGreaterThanOrEqual(3);
  a.send('move', { seq: 2, move: { type: 'statement', tone: 'conciliatory' } }); // replayed seq: refused
  await new Promise((r) => setTimeout(r, 300));
  const last = JSON.parse(received.b.filter((m) => m.startsWith('["table"')).at(-1)!)[1];
  expect(last.view.history[1].moves.some((m: { side: string; tone: string }) => m.side === mySide && m.tone === 'neutral')).toBe(true);
  expect(last.view.history[1].moves.some((m: { tone: string }) => m.tone === 'conciliatory' || m.tone === 'hostile')).toBe(false);
  const scenario = requireScenario(join2('reset-2009.yaml'));
  const briefA = textOf(scenario.sides[mySide].brief).slice(0, 60);
  const briefB = textOf(scenario.sides[other].brief).slice(0, 60);
  expect(received.a.join('\n')).not.toContain(briefB);
  expect(received.b.join('\n')).not.toContain(briefA);
  await a.leave();
  await b.leave();
});
const join2 = (f: string) => join(SCENARIO_DIR, f);

test('a 10 MB message and 1,000 messages a second are refused and the room keeps working for others', async () => {
  const created = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const flooder = await new Client(base).joinById(created.code, { name: 'flood' });
  const big = await new Client(base).joinById(created.code, { name: 'big' });
  const teacherMsgs: string[] = [];
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.onMessage('*', (type, payload) => teacherMsgs.push(JSON.stringify([type, payload])));
  let bigClosed = false;
  big.onLeave(() => (bigClosed = true));
  let flooderClosed = false;
  flooder.onLeave(() => (flooderClosed = true));
  big.send('chat', { seq: 1, text: 'x'.repeat(10 * 1024 * 1024) });
  for (let i = 1; i <= 1000; i++) flooder.send('chat', { seq: i, text: 'spam' });
  await new Promise((r) => setTimeout(r, 1000));
  expect(bigClosed).toBe(true);
  teacher.send('pause', {});
  await new Promise((r) => setTimeout(r, 300));
  const last = JSON.parse(teacherMsgs.at(-1)!)[1];
  expect(last.tables[0].paused).toBe(true);
  // Beyond 10 a second messages are refused (and beyond 200 Colyseus drops the connection).
  expect(last.refused).toBeGreaterThan(150);
  await teacher.leave();
});

test("an uploaded scenario can extend a built-in, but never a file on the server: the checker's messages would show what is in it", async () => {
  const secrets = mkdtempSync(join(tmpdir(), 'reset-secret-'));
  writeFileSync(join(secrets, 'secret.yaml'), 'turns: TOPSECRET-hunter2\n');
  const post = (scenarioText: string) =>
    fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioText, tables: 1 }) });
  for (const ref of [join(secrets, 'secret.yaml'), '../../../../../..' + join(secrets, 'secret.yaml')]) {
    const refused = await post(`extends: ${ref}\nid: probe\n`);
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: string };
    expect(error).toMatch(/upload\.yaml:1:\d+: .*can extend only a built-in scenario, by its id/);
    expect(error).not.toContain('TOPSECRET');
  }
  // A teacher's variant of a built-in is welcome.
  const variant = await post('extends: reset-2009\nid: reset-2009-short\ntitle: Reset 2009 (short version)\nturns: 8\n');
  expect(variant.status).toBe(200);
  // A misspelled built-in gets a suggestion.
  const typo = (await (await post('extends: reset-2090\nid: probe\n')).json()) as { error: string };
  expect(typo.error).toMatch(/did you mean "reset-2009"/);
});

test('a wrong teacher link and a student joining an ended session are refused for good (AUTH_FAILED), with a sentence the page shows', async () => {
  const created = await createSession(base, { scenario: 'reset-2009', tables: 1 });
  const refusal = (options: Record<string, unknown>) => new Client(base).joinById(created.code, options).then(() => null, (e: { code?: number; message?: string }) => e);
  // The pages retry any other error ("Reconnecting…" for ever); 525 is the one they stop on.
  expect(await refusal({ token: 'not-the-teacher-token' })).toMatchObject({ code: 525, message: expect.stringMatching(/^This teacher link is not the one for this session/) });
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.send('end', {});
  await new Promise((r) => setTimeout(r, 300));
  expect(await refusal({ name: 'Late' })).toMatchObject({ code: 525, message: 'This class session has ended: ask your teacher for the code of the next one.' });
  await teacher.leave();
});

test('a table nobody sits at keeps its whole turn: the timer starts with the first student, and the computer does not play the empty table', async () => {
  const created = await createSession(base, { scenario: 'reset-2009', tables: 2, timerSeconds: 1, fillWithComputer: true });
  const updates: { tables: { turn: number; moves: number; timerLeft: number | null }[] }[] = [];
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.onMessage('teacher', (u) => updates.push(u));
  await new Promise((r) => setTimeout(r, 2500));
  // Two and a half turns' time with nobody seated: no move at either table.
  const student = await new Client(base).joinById(created.code, { name: 'First' });
  await new Promise((r) => setTimeout(r, 200));
  const seated = updates.at(-1)!.tables;
  expect(seated.map((t) => [t.turn, t.moves])).toEqual([[1, 0], [1, 0]]);
  expect(seated[0].timerLeft).toBeGreaterThan(700); // 1000 at the first seat, less the 200 ms since
  // Once someone sits at table 1 its timer runs out and the computer moves for the late team; table 2 still waits.
  await new Promise((r) => setTimeout(r, 1500));
  const later = updates.at(-1)!.tables;
  expect(later[0].moves).toBeGreaterThan(0);
  expect(later[1]).toMatchObject({ turn: 1, moves: 0 });
  await student.leave();
  await teacher.leave();
});

test('a team whose lead has gone is led by the next member online, who can then move for it, until the lead is back; the teacher sees who leads', async () => {
  const created = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const last: Record<string, { team: { name: string; lead: boolean }[]; side: string } | undefined> = {};
  const refusals: Record<string, string[]> = {};
  const seats: Record<string, string> = {};
  const join = async (name: string, seat?: string) => {
    const room = await new Client(base).joinById(created.code, seat ? { seat } : { name });
    refusals[name] = [];
    room.onMessage('welcome', (w) => (seats[name] = w.seat));
    room.onMessage('table', (u) => (last[name] = u));
    room.onMessage('refused', (r) => refusals[name].push(JSON.stringify(r)));
    room.onMessage('*', () => {});
    return room;
  };
  const teacherMsgs: { tables: { seats: Record<string, { name: string; lead: boolean }[]> }[] }[] = [];
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.onMessage('teacher', (m) => teacherMsgs.push(m));
  teacher.onMessage('*', () => {});
  const rooms = { ann: await join('ann'), bob: await join('bob'), cai: await join('cai') };
  await new Promise((r) => setTimeout(r, 400));
  // Two of the three share a team; the first of them to join leads it.
  const mates = (['ann', 'bob', 'cai'] as const).filter((n) => last[n]!.team.length === 2);
  expect(mates).toHaveLength(2);
  const [lead, member] = mates.sort((x, y) => (last[x]!.team.find((m) => m.name === x)!.lead ? -1 : last[y]!.team.find((m) => m.name === y)!.lead ? 1 : 0));
  expect(last[member]!.team.find((m) => m.name === lead)!.lead).toBe(true);
  const side = last[member]!.side;
  expect(teacherMsgs.at(-1)!.tables[0].seats[side].find((p) => p.name === lead)!.lead).toBe(true);
  // The member alone may not submit while the lead is there...
  rooms[member].send('move', { seq: 1, move: { type: 'statement', tone: 'neutral' } });
  await new Promise((r) => setTimeout(r, 300));
  expect(refusals[member].join()).toContain('only the team lead');
  // ...the lead's laptop goes, and the member leads and moves for the team.
  await rooms[lead].leave();
  await new Promise((r) => setTimeout(r, 300));
  expect(last[member]!.team.find((m) => m.name === member)!.lead).toBe(true);
  expect(teacherMsgs.at(-1)!.tables[0].seats[side].find((p) => p.name === member)!.lead).toBe(true);
  const before = refusals[member].length;
  rooms[member].send('move', { seq: 2, move: { type: 'statement', tone: 'neutral' } });
  await new Promise((r) => setTimeout(r, 300));
  expect(refusals[member].length).toBe(before);
  expect(JSON.stringify((last[member] as unknown as { view: { thisTurn: unknown } }).view.thisTurn)).toContain('neutral');
  // The lead comes back and leads again.
  const back = await join(lead, seats[lead]);
  await new Promise((r) => setTimeout(r, 300));
  expect(last[member]!.team.find((m) => m.name === lead)!.lead).toBe(true);
  expect(last[member]!.team.find((m) => m.name === member)!.lead).toBe(false);
  await back.leave();
  for (const n of ['ann', 'bob', 'cai'] as const) if (n !== lead) await rooms[n].leave();
  await teacher.leave();
});
