// Scale-out that survives a process: two classroom server processes on one Redis. Each lists the live processes
// in /api/info and lets the other's pages call it (CORS for those origins alone); a page loaded from the process
// that hosts the room reconnects through the other when that process is killed, and plays on.
import { expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { createSession, freePort, redisServerPath, startRedis, startServer, type ServerProcess } from '../classroom-server';

const missing = redisServerPath() === null;
if (missing && !process.env.CI) console.warn('net-http-redis.test.ts skipped: redis-server is not installed (Debian: apt-get install redis-server); CI installs it and runs this test.');

test.skipIf(missing && !process.env.CI)('a page whose server process is killed reconnects through the other live process and plays on; only sibling origins get CORS', async () => {
  if (missing) throw new Error('redis-server is not installed: CI must install it (.ci/run does, with apt-get install redis-server)');
  const redis = await startRedis();
  const servers = new Map<number, ServerProcess>();
  const realFetch = globalThis.fetch;
  try {
    const ports = [await freePort(), await freePort()];
    for (const p of ports) servers.set(p, await startServer(p, mkdtempSync(join(tmpdir(), 'reset-redis-http-')), '', { REDIS_URL: redis.url }));
    const origins = ports.map((p) => `http://127.0.0.1:${p}`);
    // Each process lists both (the first heartbeat of the later one reaches the earlier within its 5 s beat).
    for (const o of origins) await expect.poll(async () => ((await (await fetch(`${o}/api/info`)).json()) as { servers: string[] }).servers.sort()).toEqual([...origins].sort());
    const sibling = await fetch(`${origins[0]}/api/info`, { headers: { origin: origins[1] } });
    expect(sibling.headers.get('access-control-allow-origin')).toBe(origins[1]);
    expect(sibling.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await fetch(`${origins[0]}/api/info`, { headers: { origin: 'http://ev.il' } })).status).toBe(403);

    // No computer team: the probe's seat stays empty-handed, and Ann, seated opposite it, has her statement to make.
    const made = await createSession(origins[0], { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
    // Which process hosts the room: the WebSocket goes there.
    let hostPort = 0;
    const probe = await new Client(origins[0], { urlBuilder: (u) => ((hostPort = Number(u.port)), u.href) }).joinById(made.code, { name: 'Probe' });
    await probe.leave();
    const host = `http://127.0.0.1:${hostPort}`;
    const other = origins.find((o) => o !== host)!;

    // The page was loaded from the hosting process (connection.ts reads location), and learned the list from it.
    (globalThis as unknown as { location: unknown }).location = { origin: host, search: '' };
    const { connect, currentOrigin, knownServers } = await import('../../src/net/client/connection');
    const states: string[] = [];
    let seat: string | undefined;
    const link = connect(made.code, {
      auth: () => (seat ? { seat } : { name: 'Ann' }),
      message: (type, payload) => {
        if (type === 'welcome') seat = (payload as { seat: string }).seat;
      },
      state: (s) => states.push(s),
    });
    await expect.poll(() => link.state).toBe('online');
    // The page learned the other process from the one it joined through.
    await expect.poll(() => knownServers()).toContain(other);
    expect(currentOrigin()).toBe(host);

    await servers.get(hostPort)!.kill();
    await expect.poll(() => states.includes('reconnecting')).toBe(true);
    await expect.poll(() => link.state, { timeout: 60_000, interval: 200 }).toBe('online');
    expect(currentOrigin()).toBe(other);
    expect(link.send('move', { move: { type: 'statement', tone: 'conciliatory' } }, true)).toBe(true);
    const log = () => realFetch(`${other}/api/sessions/${made.code}/log.json?token=${made.token}`).then((r) => r.text());
    await expect.poll(log).toContain('"conciliatory"');
    await link.close();
  } finally {
    globalThis.fetch = realFetch;
    for (const s of servers.values()) await s.kill();
    await redis.kill();
  }
});
