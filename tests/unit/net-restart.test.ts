import { expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { createSession, freePort, startServer } from '../classroom-server';

test('a killed and restarted server process resumes the table from its log and the student gets the same seat', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'reset-restart-'));
  let server = await startServer(port, dataDir, '');
  try {
    const created = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true });
    const room = await new Client(base).joinById(created.code, { name: 'Ana' });
    const welcome = await new Promise<{ seat: string; side: string }>((r) => room.onMessage('welcome', r));
    room.send('move', { seq: 1, move: { type: 'statement', tone: 'conciliatory' } });
    await new Promise((r) => setTimeout(r, 500));
    await server.kill();
    server = await startServer(port, dataDir, '');
    await fetch(`${base}/api/sessions/${created.code}/open`, { method: 'POST' });
    const again = await new Client(base).joinById(created.code, { seat: welcome.seat });
    const update = await new Promise<{ side: string; view: { history: { moves: { side: string; tone?: string }[] }[] } }>((r) => again.onMessage('table', r));
    expect(update.side).toBe(welcome.side);
    expect(update.view.history[1].moves.some((m) => m.side === welcome.side && m.tone === 'conciliatory')).toBe(true);
    const log = await (await fetch(`${base}/api/sessions/${created.code}/log.json?token=${created.token}`)).json();
    expect(log.tables[0].entries.some((e: { by: string }) => e.by === 'Ana')).toBe(true);
  } finally {
    await server.kill();
  }
}, 60_000);
