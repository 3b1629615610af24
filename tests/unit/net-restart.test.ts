import { afterAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { createSession, freePort, startServer, stopAll } from '../classroom-server';
import { nextMessage, until } from '../waiting';

afterAll(stopAll);

test('a killed and restarted server process resumes the table from its log and the student gets the same seat', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'reset-restart-'));
  let server = await startServer(port, dataDir, '');
  try {
    const created = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true });
    const room = await new Client(base).joinById(created.code, { name: 'Ana' });
    const welcome = await nextMessage<{ seat: string; side: string }>(room, 'welcome');
    room.send('move', { seq: 1, move: { type: 'statement', tone: 'conciliatory' } });
    // Killed only once the move is in the table's log on disk: that is what a restart replays.
    const log = join(dataDir, created.code, 'table-1.jsonl');
    await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('"by":"Ana"'), "Ana's move in the table's log on disk");
    // Her message numbers are kept with her seat, so a message replayed after the restart is refused too.
    const seats = join(dataDir, created.code, 'seats.json');
    await until(() => existsSync(seats) && JSON.parse(readFileSync(seats, 'utf8'))[welcome.seat]?.lastSeq === 1, "Ana's last message number saved with her seat");
    await server.kill();
    server = await startServer(port, dataDir, '');
    await fetch(`${base}/api/sessions/${created.code}/open`, { method: 'POST' });
    const again = await new Client(base).joinById(created.code, { seat: welcome.seat });
    const update = await nextMessage<{ side: string; view: { history: { moves: { side: string; tone?: string }[] }[] } }>(again, 'table');
    expect(update.side).toBe(welcome.side);
    expect(update.view.history[1].moves.some((m) => m.side === welcome.side && m.tone === 'conciliatory')).toBe(true);
    again.send('move', { seq: 1, move: { type: 'statement', tone: 'hostile' } });
    const refused = await nextMessage<{ reason: string }>(again, 'refused');
    expect(refused.reason).toMatch(/replayed message \(seq 1\)/);
    const downloaded = await (await fetch(`${base}/api/sessions/${created.code}/log.json?token=${created.token}`)).json();
    expect(downloaded.tables[0].entries.some((e: { by: string }) => e.by === 'Ana')).toBe(true);
  } finally {
    await server.kill();
  }
});
