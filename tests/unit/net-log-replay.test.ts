// A restarted server replays only the moves and injects of a table's log: the chat, seat changes and the teacher's
// actions beside them are records, not moves; a team the teacher gave to the computer is still the computer's.
import { expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, freePort, startServer } from '../classroom-server';
import { until } from '../waiting';
import { joinStudent, joinTeacher } from './net-kit';

test('a killed server comes back from a log full of chat, seat changes and teacher actions, with the team still given to the computer', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'reset-replay-'));
  let server = await startServer(port, dataDir, '');
  try {
    const created = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
    const ann = await joinStudent(base, created.code, { name: 'Ann' });
    const bob = await joinStudent(base, created.code, { name: 'Bob' });
    const teacher = await joinTeacher(base, created.code, created.token);
    ann.send('chat', { text: 'hello' });
    teacher.room.send('pause', {});
    teacher.room.send('resume', {});
    teacher.room.send('computer', { table: 0, side: bob.welcome!.side, computer: true });
    await until(() => ann.table?.view.sealed?.includes(bob.welcome!.side), "the computer's statement for Bob's team");
    ann.send('move', { move: { type: 'statement', tone: 'neutral' } });
    await until(() => ann.table?.view.phase !== 'statements', 'both statements made');
    const before = ann.table!;
    await server.kill();
    server = await startServer(port, dataDir, '');
    await fetch(`${base}/api/sessions/${created.code}/open`, { method: 'POST' });
    const again = await joinStudent(base, created.code, { seat: ann.welcome!.seat });
    expect(again.table!.view.turn).toBe(before.view.turn);
    expect(again.table!.moveCount).toBe(before.moveCount);
    expect(again.table!.chat.map((c) => c.text)).toEqual(['hello']);
    const teacherAgain = await joinTeacher(base, created.code, created.token);
    await until(() => teacherAgain.last, 'the teacher update after the restart');
    expect(teacherAgain.last!.tables[0].givenToComputer).toEqual([bob.welcome!.side]);
    await again.room.leave();
    await teacherAgain.room.leave();
  } finally {
    await server.kill();
  }
});
