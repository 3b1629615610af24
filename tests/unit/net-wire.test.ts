import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { startClassroomServer } from '../../src/net/server/main';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { textOf } from '../../src/engine';
import { createSession } from '../classroom-server';
import { nextMessage, timePasses, until } from '../waiting';

let server: Awaited<ReturnType<typeof startClassroomServer>>;
let base = '';
beforeAll(async () => {
  server = await startClassroomServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'reset-net-')) });
  base = `http://127.0.0.1:${server.port}`;
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
  const has = (who: 'a' | 'b', type: string, contains = '') => received[who].some((m) => m.startsWith(`["${type}"`) && m.includes(contains));
  await until(() => has('a', 'welcome') && has('b', 'welcome'), 'both students to be welcomed');
  const welcomeA = JSON.parse(received.a.find((m) => m.startsWith('["welcome"'))!)[1];
  const mySide = welcomeA.side as 'us' | 'ru';
  const other = mySide === 'us' ? 'ru' : 'us';
  a.send('move', { seq: 1, side: other, move: { type: 'statement', tone: 'hostile' } });
  a.send('move', { seq: 2, move: { type: 'explode' } });
  a.send('nonsense', { x: 1 });
  a.send('move', { seq: 2, move: { type: 'statement', tone: 'neutral' } });
  const showsNeutral = (who: 'a' | 'b') => {
    const t = received[who].filter((m) => m.startsWith('["table"')).at(-1);
    return t !== undefined && JSON.parse(t)[1].view.history[1]?.moves.some((m: { side: string; tone: string }) => m.side === mySide && m.tone === 'neutral');
  };
  // The refusals went to a before the table update of the neutral statement did. b has not spoken: the statement is sealed from b.
  await until(() => showsNeutral('a') && received.b.filter((m) => m.startsWith('["table"')).at(-1)?.includes(`"sealed":["${mySide}"]`), "the neutral statement in a's update and sealed in b's");
  const refusals = received.a.filter((m) => m.startsWith('["refused"'));
  expect(refusals.length).toBeGreaterThanOrEqual(3);
  a.send('move', { seq: 2, move: { type: 'statement', tone: 'conciliatory' } }); // replayed seq: refused
  await until(() => has('a', 'refused', 'replayed message (seq 2)'), 'the refusal of the replayed seq 2');
  b.send('move', { seq: 1, move: { type: 'statement', tone: 'neutral' } });
  await until(() => showsNeutral('b'), "the neutral statement in b's update once b has spoken");
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
  let flooderRefused = 0;
  // A page sending too fast is told so (at most once a second), not answered message by message.
  flooder.onMessage('slowDown', (m: { refused: number }) => (flooderRefused = Math.max(flooderRefused, m.refused)));
  flooder.onMessage('*', () => {});
  big.send('chat', { seq: 1, text: 'x'.repeat(10 * 1024 * 1024) });
  for (let i = 1; i <= 1000; i++) flooder.send('chat', { seq: i, text: 'spam' });
  await until(() => bigClosed, 'the server to close the connection of the 10 MB message');
  await until(() => flooderRefused > 0, 'the flooder to be told to slow down');
  teacher.send('pause', {});
  const last = JSON.parse(await until(() => teacherMsgs.findLast((m) => m.includes('"paused":true')), 'a teacher update with the table paused'))[1];
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
  const variant = await post('extends: reset-2009\nid: reset-2009-short\ntitle: Reset 2009 (short version)\nturns: 10\n');
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
  const ended = nextMessage<{ ended: boolean }>(teacher, 'teacher', (u) => u.ended, 'the teacher update saying the session ended');
  teacher.send('end', {});
  await ended;
  expect(await refusal({ name: 'Late' })).toMatchObject({ code: 525, message: 'This class session has ended: ask your teacher for the code of the next one.' });
  await teacher.leave();
});

test('a table nobody sits at keeps its whole turn: the timer starts with the first student, and the computer does not play the empty table', async () => {
  const created = await createSession(base, { scenario: 'reset-2009', tables: 2, timerSeconds: 1, fillWithComputer: true });
  type Summary = { turn: number; moves: number; timerLeft: number | null; seats: Record<string, { name: string }[]> };
  const updates: { tables: Summary[] }[] = [];
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.onMessage('teacher', (u) => updates.push(u));
  // Two and a half turns' time with nobody seated: no move at either table. Time passing is what is checked here.
  await timePasses(2500, 'an empty table must outlast two turn timers');
  const seatedUpdate = nextMessage<{ tables: Summary[] }>(teacher, 'teacher', (u) => JSON.stringify(u.tables[0].seats).includes('"First"'), 'the teacher update seating First');
  const student = await new Client(base).joinById(created.code, { name: 'First' });
  const seated = (await seatedUpdate).tables;
  expect(seated.map((t) => [t.turn, t.moves])).toEqual([[1, 0], [1, 0]]);
  expect(seated[0].timerLeft).toBeGreaterThan(700); // 1000 at the first seat, less the moment it took to say so
  // Once someone sits at table 1 its timer runs out and the computer moves for the late team; table 2 still waits.
  const later = (await until(() => updates.findLast((u) => u.tables[0].moves > 0), 'the computer to move at table 1 when its timer ran out')).tables;
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
    // Who is in the team comes on its own ('team'), not with the whole table.
    room.onMessage('team', (m) => last[name] && (last[name] = { ...last[name]!, team: m.team }));
    room.onMessage('refused', (r) => refusals[name].push(JSON.stringify(r)));
    room.onMessage('*', () => {});
    return room;
  };
  const teacherMsgs: { tables: { seats: Record<string, { name: string; lead: boolean }[]> }[] }[] = [];
  const teacher = await new Client(base).joinById(created.code, { token: created.token });
  teacher.onMessage('teacher', (m) => teacherMsgs.push(m));
  teacher.onMessage('*', () => {});
  const rooms = { ann: await join('ann'), bob: await join('bob'), cai: await join('cai') };
  const seatedAll = () => teacherMsgs.at(-1) !== undefined && Object.values(teacherMsgs.at(-1)!.tables[0].seats).flat().length === 3;
  const matesOf = () => (['ann', 'bob', 'cai'] as const).filter((n) => last[n]?.team.length === 2);
  await until(() => seatedAll() && matesOf().length === 2, 'all three seated, two of them sharing a team');
  // Two of the three share a team; the first of them to join leads it.
  const mates = matesOf();
  expect(mates).toHaveLength(2);
  const [lead, member] = mates.sort((x, y) => (last[x]!.team.find((m) => m.name === x)!.lead ? -1 : last[y]!.team.find((m) => m.name === y)!.lead ? 1 : 0));
  expect(last[member]!.team.find((m) => m.name === lead)!.lead).toBe(true);
  const side = last[member]!.side;
  expect(teacherMsgs.at(-1)!.tables[0].seats[side].find((p) => p.name === lead)!.lead).toBe(true);
  // The member alone may not submit while the lead is there...
  rooms[member].send('move', { seq: 1, move: { type: 'statement', tone: 'neutral' } });
  await until(() => refusals[member].length > 0, `the refusal of ${member}'s move`);
  expect(refusals[member].join()).toContain('only the team lead');
  // ...the lead's laptop goes, and the member leads and moves for the team.
  await rooms[lead].leave();
  const leads = (who: string) => last[member]!.team.find((m) => m.name === who)!.lead;
  await until(() => leads(member) && teacherMsgs.at(-1)!.tables[0].seats[side].find((p) => p.name === member)!.lead, `${member} to lead once ${lead} left`);
  const before = refusals[member].length;
  rooms[member].send('move', { seq: 2, move: { type: 'statement', tone: 'neutral' } });
  const statementShown = () => JSON.stringify((last[member] as unknown as { view: { thisTurn: unknown } }).view.thisTurn).includes('neutral');
  await until(() => statementShown() || refusals[member].length > before, `${member}'s statement in the table update, or its refusal`);
  expect(refusals[member].length).toBe(before);
  // The lead comes back and leads again.
  const back = await join(lead, seats[lead]);
  await until(() => leads(lead), `${lead} to lead again on coming back`);
  expect(last[member]!.team.find((m) => m.name === member)!.lead).toBe(false);
  await back.leave();
  for (const n of ['ann', 'bob', 'cai'] as const) if (n !== lead) await rooms[n].leave();
  await teacher.leave();
});
