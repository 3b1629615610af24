import { expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';

const ROOT = join(import.meta.dirname, '../..');
async function serve(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/net/server/main.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('classroom server on') && resolve());
    child.on('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return child;
}

test('a killed and restarted server process resumes the table from its log and the student gets the same seat', async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'reset-restart-'));
  let server = await serve(port, dataDir);
  try {
    const created = await (await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'reset-2009', tables: 1, fillWithComputer: true }) })).json();
    const room = await new Client(base).joinById(created.code, { name: 'Ana' });
    const welcome = await new Promise<{ seat: string; side: string }>((r) => room.onMessage('welcome', r));
    room.send('move', { seq: 1, move: { type: 'statement', tone: 'conciliatory' } });
    await new Promise((r) => setTimeout(r, 500));
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    server = await serve(port, dataDir);
    await fetch(`${base}/api/sessions/${created.code}/open`, { method: 'POST' });
    const again = await new Client(base).joinById(created.code, { seat: welcome.seat });
    const update = await new Promise<{ side: string; view: { history: { moves: { side: string; tone?: string }[] }[] } }>((r) => again.onMessage('table', r));
    expect(update.side).toBe(welcome.side);
    expect(update.view.history[1].moves.some((m) => m.side === welcome.side && m.tone === 'conciliatory')).toBe(true);
    const log = await (await fetch(`${base}/api/sessions/${created.code}/log.json?token=${created.token}`)).json();
    expect(log.tables[0].entries.some((e: { by: string }) => e.by === 'Ana')).toBe(true);
  } finally {
    server.kill('SIGKILL');
  }
}, 60_000);
