// Scaling out: two classroom server processes sharing one redis-server. A session made on one process is found
// through the other, students who joined through different processes sit at one table and see each other's
// moves, and the table outlives both processes because it is kept in Redis.
import { afterAll, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { allMoves, type Side } from '../../src/engine';
import { nextMessage } from '../waiting';
import type { TeamUpdate, Welcome } from '../../src/net/protocol';
import { createSession, freePort, redisServerPath, startRedis, startServer, stopAll, type ServerProcess } from '../classroom-server';

// Redis is a real server that no npm package ships: without it this test is skipped (said in one line), except in
// CI, which installs it (.ci/run) and must run it.
const missing = redisServerPath() === null;
if (missing && !process.env.CI) console.warn('net-redis.test.ts skipped: redis-server is not installed; to run it, apt-get install redis-server (with CI=true it is required)');

interface Student {
  room: Room;
  welcome: Welcome;
  updates: TeamUpdate[];
  /** The port of the process the WebSocket went to (the one hosting the session's room). */
  socketOn: number;
}

afterAll(stopAll);

/** Join a session through the process at `port`, as the student page does. */
async function joinThrough(port: number, code: string, options: { name?: string; seat?: string }): Promise<Student> {
  let socketOn = 0;
  const client = new Client(`http://127.0.0.1:${port}`, {
    urlBuilder: (url) => {
      if (url.protocol.startsWith('ws')) socketOn = Number(url.port);
      return url.href;
    },
  });
  const room = await client.joinById(code, options);
  room.reconnection.enabled = false;
  const updates: TeamUpdate[] = [];
  room.onMessage('table', (u: TeamUpdate) => updates.push(u));
  room.onMessage('*', () => {});
  const welcome = await nextMessage<Welcome>(room, 'welcome', () => true, `the welcome of ${options.name ?? 'the returning student'}`);
  return { room, welcome, updates, socketOn };
}

/** The tone of the side's statement this turn, as a team's update shows it. */
const statementOf = (u: TeamUpdate | undefined, side: Side) => {
  const m = u ? allMoves(u.view).find((x) => x.side === side && x.type === 'statement') : undefined;
  return m?.type === 'statement' ? m : undefined;
};

test.skipIf(missing && !process.env.CI)('two server processes sharing Redis seat students who joined through either at one table, both see the moves, and the table resumes after both processes die', async () => {
  if (missing) throw new Error('redis-server is not installed, and CI=true requires this test: apt-get install redis-server (.ci/run does)');
  const redis = await startRedis();
  const servers: ServerProcess[] = [];
  const rooms: Room[] = [];
  try {
    const [portA, portB] = [await freePort(), await freePort()];
    // Each process gets its own empty data folder: whatever they share must come through Redis.
    const serve = async (port: number) => {
      const s = await startServer(port, mkdtempSync(join(tmpdir(), 'reset-redis-')), '', { REDIS_URL: redis.url });
      servers.push(s);
      return s;
    };
    const a = await serve(portA);
    const b = await serve(portB);
    const created = await createSession(`http://127.0.0.1:${portA}`, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });

    const viaB = await joinThrough(portB, created.code, { name: 'Bea' });
    const viaA = await joinThrough(portA, created.code, { name: 'Ann' });
    rooms.push(viaB.room, viaA.room);
    expect(viaB.welcome.table).toBe(0);
    expect(viaA.welcome.table).toBe(0);
    expect(viaA.welcome.side).not.toBe(viaB.welcome.side);
    // The room lives in one process; the one that took the join sent the student there.
    expect(viaA.socketOn).toBe(viaB.socketOn);
    expect([portA, portB]).toContain(viaA.socketOn);

    viaB.room.send('move', { seq: 1, move: { type: 'statement', tone: 'conciliatory' } });
    // Statements are sealed: Ann, through the other process, learns that Bea has spoken, not how, until she speaks too.
    await expect.poll(() => viaA.updates.at(-1)?.view.sealed ?? []).toContain(viaB.welcome.side);
    expect(statementOf(viaA.updates.at(-1), viaB.welcome.side)).toBeUndefined();
    viaA.room.send('move', { seq: 1, move: { type: 'statement', tone: 'neutral' } });
    await expect.poll(() => statementOf(viaB.updates.at(-1), viaA.welcome.side)?.tone).toBe('neutral');
    await expect.poll(() => statementOf(viaA.updates.at(-1), viaB.welcome.side)?.tone).toBe('conciliatory');
    const before = viaB.updates.at(-1)!;

    // The log is in Redis: the process that does not host the room serves it too.
    const notHosting = viaA.socketOn === portA ? portB : portA;
    const logOf = async (port: number) => (await (await fetch(`http://127.0.0.1:${port}/api/sessions/${created.code}/log.json?token=${created.token}`)).json()) as { tables: { entries: { kind: string; by: string }[] }[] };
    // The moves (the log also records who joined and the teacher's actions).
    await expect.poll(async () => (await logOf(notHosting)).tables[0].entries.filter((e) => e.kind === 'move').map((e) => e.by)).toEqual(['Bea', 'Ann']);

    await a.kill();
    await b.kill();
    rooms.length = 0;
    await serve(portB);
    const open = await fetch(`http://127.0.0.1:${portB}/api/sessions/${created.code}/open`, { method: 'POST' });
    expect(open.status).toBe(200);
    const again = await joinThrough(portB, created.code, { seat: viaA.welcome.seat });
    rooms.push(again.room);
    await expect.poll(() => again.updates.length).toBeGreaterThan(0);
    const resumed = again.updates.at(-1)!;
    expect(again.welcome.side).toBe(viaA.welcome.side);
    expect(resumed.view.turn).toBe(before.view.turn);
    expect(resumed.view.phase).toBe(before.view.phase);
    expect(resumed.moveCount).toBe(2);
    expect(statementOf(resumed, viaB.welcome.side)?.tone).toBe('conciliatory');
  } finally {
    for (const r of rooms) r.connection.close();
    for (const s of servers) await s.kill();
    await redis.kill();
  }
});
