// Fair play at a class table, as the student who wants a free win tries it: a formula for a name, a made-up seat key,
// a flood, a replayed message on a new page, chat after the end, reading the other team's tone before speaking.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createSession } from '../classroom-server';
import { until } from '../waiting';
import { joinRefusal, joinStudent, joinTeacher, startServerHere, toneSeen } from './net-kit';

let here: Awaited<ReturnType<typeof startServerHere>>;
beforeAll(async () => {
  here = await startServerHere();
});
afterAll(async () => {
  await here.server.gracefullyShutdown(false);
});

test('a student named =HYPERLINK(...) reaches the CSV log as text (a leading apostrophe), never as a live formula', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true });
  const evil = '=HYPERLINK("http://ev.il","Grade")';
  const st = await joinStudent(here.base, created.code, { name: evil });
  st.send('chat', { text: '@SUM(1+1)*cmd' });
  st.send('move', { move: { type: 'statement', tone: 'neutral' } });
  const csv = await until(async () => {
    const body = await (await fetch(`${here.base}/api/sessions/${created.code}/log.csv?token=${created.token}`)).text();
    return body.includes('@SUM') && body.includes('neutral') ? body : null;
  }, 'the chat line and the move in the CSV log');
  const cells = csv.split(/\r?\n/).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
  expect(cells.some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
  expect(cells.some((c) => c.startsWith("'@SUM"))).toBe(true);
  // No cell a spreadsheet would evaluate.
  expect(cells.filter((c) => /^[=+\-@]/.test(c) && !/^-?\d/.test(c))).toEqual([]);
  await st.room.leave();
});

test('seat keys __proto__, constructor and toString open no seat, and no refusal reads like the server’s insides', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  for (const seat of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'ABCDEF0123456789abcdef01'])
    // Not a seat: the join falls back to a name, and there is none.
    expect(await joinRefusal(here.base, created.code, { seat })).toMatchObject({ code: 525, message: 'Type a name of 1 to 40 characters.' });
  const teacher = await joinTeacher(here.base, created.code, created.token);
  for (const seat of ['__proto__', 'constructor', 'toString']) {
    teacher.room.send('assign', { seat, table: 0, side: 'us' });
    teacher.room.send('remove', { seat });
  }
  teacher.room.send('assign', { seat: 'a'.repeat(24), table: 0, side: 'us' });
  teacher.room.send('pause', { table: 7 });
  await until(() => teacher.refused.length >= 8, 'the eight refusals');
  expect(teacher.refused.filter((r) => r.includes('not a seat'))).toHaveLength(6);
  expect(teacher.refused).toContain('That student is no longer in the session.');
  expect(teacher.refused).toContain('There is no table 8: this session has 1.');
  expect(teacher.refused.join('\n')).not.toMatch(/Cannot read|undefined|TypeError|at .*\.ts/);
  await teacher.room.leave();
});

test('a side the scenario does not have is refused with a sentence naming its sides, and changes nothing', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const teacher = await joinTeacher(here.base, created.code, created.token);
  teacher.room.send('computer', { table: 0, side: 'india', computer: true });
  teacher.room.send('message', { table: 0, side: 'pakistan', text: 'hello' });
  teacher.room.send('computer', { table: 0, side: '__proto__', computer: true });
  await until(() => teacher.refused.length >= 3, 'the three refusals');
  expect(teacher.refused.slice(0, 2)).toEqual(['There is no side "india" in this scenario: its sides are us and ru.', 'There is no side "pakistan" in this scenario: its sides are us and ru.']);
  expect(teacher.refused[2]).toMatch(/not a side id/);
  expect(teacher.refused.join('\n')).not.toMatch(/Cannot read|undefined|TypeError|at .*\.ts/);
  await teacher.room.leave();
});

test("a flood: the flooder's page is told to slow down, the operator's log gets a summary line, not one per message, and the other students play on", async () => {
  const warn = vi.spyOn(console, 'warn');
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const flooder = await joinStudent(here.base, created.code, { name: 'Flo' });
  const other = await joinStudent(here.base, created.code, { name: 'Ola' });
  const teacher = await joinTeacher(here.base, created.code, created.token);
  for (let i = 0; i < 1500; i++) flooder.send('chat', { text: 'spam' });
  await until(() => flooder.slowDown.length > 0, 'the flooder to be told to slow down');
  expect(flooder.slowDown[0].seconds).toBeGreaterThan(0);
  // Never muted looking "away": the flooder is still at the table and online.
  expect(flooder.closed).toBeNull();
  // The other team is not slowed: its move is taken and reaches both teams.
  other.send('move', { move: { type: 'statement', tone: 'conciliatory' } });
  await until(() => toneSeen(other, other.welcome!.side) === 'conciliatory', "the other student's own statement");
  expect(other.refused).toEqual([]);
  expect(other.slowDown).toEqual([]);
  teacher.room.send('pause', {});
  await until(() => teacher.last?.tables[0].paused && teacher.last.refused > 1000, 'the teacher update counting the flood');
  expect(teacher.last!.refusedBy.reasons[0]).toMatchObject({ reason: 'too fast' });
  expect(teacher.last!.refusedBy.students[0]).toMatchObject({ name: 'Flo', table: 0 });
  expect(teacher.last!.tables[0].seats[flooder.welcome!.side][0].online).toBe(true);
  // One summary line for the room's operator (every 10 s), not 1,500.
  const summary = await until(() => warn.mock.calls.map((c) => String(c[0])).find((l) => l.includes(created.code) && l.includes('too fast from Flo')), 'the refusal summary line');
  expect(summary).toMatch(/refused in the last \d+ s: \d{4} too fast from Flo at table 1/);
  expect(warn.mock.calls.filter((c) => String(c[0]).includes(created.code)).length).toBeLessThan(5);
  warn.mockRestore();
  for (const r of [flooder.room, other.room, teacher.room]) await r.leave();
});

test('a chat line goes to the team as one small message: it does not resend the table to anyone', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const a = await joinStudent(here.base, created.code, { name: 'Ann' });
  const mate = await joinStudent(here.base, created.code, { name: 'Bob' });
  const b = await joinStudent(here.base, created.code, { name: 'Cy' }); // Ann's team mate (sides alternate)
  expect(b.welcome!.side).toBe(a.welcome!.side);
  const [tablesA, tablesB, tablesOther] = [a.tables, b.tables, mate.tables];
  for (let i = 0; i < 5; i++) a.send('chat', { text: `line ${i}` });
  await until(() => b.table!.chat.length === 5, 'five chat lines at the team mate');
  expect([a.tables, b.tables, mate.tables]).toEqual([tablesA, tablesB, tablesOther]);
  expect(mate.bytes.chat).toBeUndefined(); // the other team reads none of it
  // What a chat line costs on the wire, against the table update it used to resend.
  const perLine = b.bytes.chat / 5;
  const table = JSON.stringify(b.table).length;
  console.log(`chat line ${perLine.toFixed(0)} bytes; a table update at turn 1: ${table} bytes`);
  expect(perLine * 10).toBeLessThan(table);
  for (const r of [a, mate, b]) await r.room.leave();
});

test('sequence 1 replayed on a new connection to the same seat is refused; a new page numbers on from what the welcome says', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const first = await joinStudent(here.base, created.code, { name: 'Rex' });
  first.room.send('chat', { seq: 1, text: 'hello' });
  first.room.send('chat', { seq: 2, text: 'again' });
  await until(() => first.table!.chat.length === 2, 'both chat lines');
  await first.room.leave();
  const raw = await joinStudent(here.base, created.code, { seat: first.welcome!.seat });
  expect(raw.welcome!.lastSeq).toBe(2);
  raw.room.send('chat', { seq: 1, text: 'replayed' });
  await until(() => raw.refused.length > 0, 'the refusal of the replay');
  expect(raw.refused[0]).toMatch(/replayed message \(seq 1\)/);
  raw.send('chat', { text: 'numbered on' }); // seq 3, from the welcome
  await until(() => raw.table!.chat.some((c) => c.text === 'numbered on'), 'the numbered-on line');
  expect(raw.table!.chat.map((c) => c.text)).not.toContain('replayed');
  await raw.room.leave();
});

test('chat after the session has ended is refused with a sentence', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const st = await joinStudent(here.base, created.code, { name: 'Late' });
  const teacher = await joinTeacher(here.base, created.code, created.token);
  teacher.room.send('end', {});
  await until(() => st.table?.ended, 'the end reaching the student');
  st.send('chat', { text: 'after the bell' });
  await until(() => st.refused.length > 0, 'the refusal');
  expect(st.refused[0]).toBe('The session has ended: nothing more can be sent.');
  expect(st.table!.chat).toEqual([]);
  await st.room.leave();
  await teacher.room.leave();
});

test("statements are sealed over the wire: the second team's table says the first has spoken, not its tone, until it speaks too", async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const first = await joinStudent(here.base, created.code, { name: 'Uma' });
  const second = await joinStudent(here.base, created.code, { name: 'Raj' });
  const [a, b] = [first.welcome!.side, second.welcome!.side];
  const seen: string[] = [];
  const choices: string[] = [];
  // The team's own choices list every tone it may use; everything else it is sent must not hold the other team's.
  second.room.onMessage('*', (_type, payload) => {
    const { moves, ...rest } = payload as { moves?: { side: string }[] };
    for (const m of moves ?? []) choices.push(m.side);
    seen.push(JSON.stringify(rest));
  });
  first.send('move', { move: { type: 'statement', tone: 'hostile' } });
  await until(() => second.table?.view.sealed?.includes(a), "the second team's table saying the first has spoken");
  expect(second.table!.nextActors).toEqual([b]);
  expect(toneSeen(second, a)).toBeUndefined();
  expect(seen.join('\n')).not.toContain('hostile');
  expect(new Set(choices)).toEqual(new Set([b]));
  second.send('move', { move: { type: 'statement', tone: 'neutral' } });
  await until(() => toneSeen(second, a) === 'hostile', "the first team's tone, once the second has spoken");
  await until(() => toneSeen(first, b) === 'neutral', "the second team's tone at the first");
  await first.room.leave();
  await second.room.leave();
});
