// The log a teacher grades from: every teacher action, chat line and seat change with its time, tables counted from 1,
// and nothing in it that lets its reader take a seat or run the session.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSession } from '../classroom-server';
import { until } from '../waiting';
import { joinStudent, joinTeacher, startServerHere } from './net-kit';

let here: Awaited<ReturnType<typeof startServerHere>>;
beforeAll(async () => {
  here = await startServerHere();
});
afterAll(async () => {
  await here.server.gracefullyShutdown(false);
});

interface Entry {
  kind: string;
  at: string;
  table?: number;
  action?: string;
  change?: string;
  text?: string;
  student?: string;
}

test('the log holds every teacher action, the chat and the seat changes with times and tables from 1, and no seat key or token', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 2, fillWithComputer: false });
  const ann = await joinStudent(here.base, created.code, { name: 'Ann' });
  const bob = await joinStudent(here.base, created.code, { name: 'Bob' });
  expect(bob.welcome!.table).toBe(1); // seated at the empty table
  const annSide = ann.welcome!.side;
  const otherSide = annSide === 'us' ? 'ru' : 'us';
  const teacher = await joinTeacher(here.base, created.code, created.token);
  ann.send('chat', { text: 'shall we be nice?' });
  await until(() => ann.table!.chat.length === 1, 'the chat line');
  for (const [type, payload] of [
    ['pause', { table: 0 }],
    ['resume', { table: 0 }],
    ['extend', { table: 0, seconds: 60 }],
    ['message', { table: 0, side: ann.welcome!.side, text: 'Think about Iran.' }],
    ['inject', { table: 0, written: { title: 'A leak', text: 'A cable is published.' } }],
    ['assign', { seat: bob.welcome!.seat, table: 0, side: otherSide }],
    ['computer', { table: 1, side: 'ru', computer: true }],
    ['computer', { table: 1, side: 'ru', computer: false }],
    ['remove', { seat: bob.welcome!.seat }],
  ] as const)
    teacher.room.send(type, payload);
  await until(() => bob.closed, 'Bob removed');
  teacher.room.send('end', {});
  await until(() => ann.table?.ended, 'the end');
  const json = await until(async () => {
    const text = await (await fetch(`${here.base}/api/sessions/${created.code}/log.json?token=${created.token}`)).text();
    return text.includes('"end"') && text.split('"action":"end"').length === 3 ? text : null;
  }, 'the end in both tables of the log');
  for (const secret of [ann.welcome!.seat, bob.welcome!.seat, created.token]) expect(json).not.toContain(secret);
  const log = JSON.parse(json) as { seats: { name: string; table: number | null }[]; tables: { table: number; entries: Entry[] }[] };
  const [one, two] = log.tables.map((t) => t.entries);
  const said = (es: Entry[]) => es.map((e) => (e.kind === 'teacher' ? `teacher ${e.action}` : e.kind === 'seat' ? `${e.student} ${e.change}` : e.kind === 'chat' ? `chat ${e.text}` : e.kind));
  expect(said(one)).toEqual([
    'Ann joined',
    'chat shall we be nice?',
    'teacher pause',
    'teacher resume',
    'teacher extend',
    'teacher message',
    'inject',
    'teacher assign',
    'Bob moved in',
    'teacher remove',
    'Bob removed',
    'teacher end',
  ]);
  // Given to the computer, Russia at the empty table spoke (the computer's moves are in the log between).
  expect(said(two).filter((x) => x !== 'move')).toEqual(['Bob joined', 'Bob moved out', 'teacher computer', 'teacher human', 'teacher end']);
  expect(two.filter((e) => e.kind === 'move').map((e) => (e as { by?: string }).by)).toContain('computer (given by the teacher)');
  // Tables from 1 in every entry and in the seats, and every entry has its time.
  expect(new Set(one.filter((e) => e.table !== undefined).map((e) => e.table))).toEqual(new Set([1]));
  expect(new Set(two.filter((e) => e.table !== undefined).map((e) => e.table))).toEqual(new Set([2]));
  expect(log.seats).toEqual([{ name: 'Ann', table: 1, side: ann.welcome!.side, lead: true }]);
  for (const e of [...one, ...two]) expect(Date.parse(e.at)).toBeGreaterThan(0);
  expect(one.find((e) => e.action === 'message')!.text).toBe('Think about Iran.');
  // The same in the CSV, a row each.
  const csv = await (await fetch(`${here.base}/api/sessions/${created.code}/log.csv?token=${created.token}`)).text();
  expect(csv.split('\r\n')[0]).toBe('table,n,at,kind,by,side,what,detail');
  expect(csv).toContain(',chat,Ann,');
  expect(csv).toMatch(new RegExp(`^1,\\d+,[^,]+,seat,Bob,${otherSide},removed,`, 'm'));
  for (const secret of [ann.welcome!.seat, bob.welcome!.seat, created.token]) expect(csv).not.toContain(secret);
  await ann.room.leave();
  await teacher.room.leave();
});
