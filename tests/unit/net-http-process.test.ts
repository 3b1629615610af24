// The classroom server as a real process, attacked or stopped as a service manager would: SIGTERM just after a move,
// a restart with hundreds of ended sessions, one address creating sessions by the dozen, and password guessing.
import { expect, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { createSession, freePort, startServer, type ServerProcess } from '../classroom-server';

const dataDirFor = () => mkdtempSync(join(tmpdir(), 'reset-http-process-'));

/** SIGTERM and wait for the exit: its code and how long it took. */
async function terminate(server: ServerProcess): Promise<{ code: number | null; ms: number }> {
  const t0 = performance.now();
  const exited = new Promise<number | null>((r) => server.child.once('exit', (c) => r(c)));
  server.child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<'late'>((r) => setTimeout(() => r('late'), 15_000))]);
  if (code === 'late') {
    await server.kill();
    throw new Error(`the server did not exit within 15 s of SIGTERM:\n${server.output.join('')}`);
  }
  return { code, ms: performance.now() - t0 };
}

async function joinAs(base: string, code: string, options: Record<string, unknown>): Promise<{ room: Room; next(type: string, ok?: (p: any) => boolean): Promise<any> }> {
  const room = await new Client(base).joinById(code, options);
  room.reconnection.enabled = false;
  const seen: [string, unknown][] = [];
  const waiting: (() => void)[] = [];
  room.onMessage('*', (type, payload) => {
    seen.push([String(type), payload]);
    for (const w of waiting.splice(0)) w();
  });
  const next = async (type: string, ok: (p: any) => boolean = () => true) => {
    for (;;) {
      const hit = seen.find(([t, p]) => t === type && ok(p));
      if (hit) return hit[1];
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return { room, next };
}

test('SIGTERM just after a move: the server exits 0 within 5 s, and the move is in the log after a restart', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = dataDirFor();
  let server = await startServer(port, dataDir, '');
  try {
    const made = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true });
    const ann = await joinAs(base, made.code, { name: 'Ann' });
    await ann.next('welcome');
    ann.room.send('move', { seq: 1, move: { type: 'statement', tone: 'conciliatory' } });
    await ann.next('table', (u) => u.moveCount >= 1);
    const stopped = await terminate(server);
    console.log(`SIGTERM to exit: ${Math.round(stopped.ms)} ms`);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    expect(server.output.join('')).toContain('every log is stored');

    server = await startServer(port, dataDir, '');
    const log = await (await fetch(`${base}/api/sessions/${made.code}/log.json?token=${made.token}`)).text();
    expect(log).toContain('"conciliatory"');
    expect(log).toContain('Ann');
  } finally {
    await server.kill();
  }
});

test('SIGTERM while a student floods the server at 1,000 messages a second and another moves: it still exits 0 within 5 s with every log stored', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = dataDirFor();
  let server = await startServer(port, dataDir, '');
  let flooding: ReturnType<typeof setInterval> | undefined;
  try {
    const made = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
    const ann = await joinAs(base, made.code, { name: 'Ann' });
    const flo = await joinAs(base, made.code, { name: 'Flo' });
    const { lastSeq } = await flo.next('welcome');
    await ann.next('welcome');
    // 10 chat lines every 10 ms for as long as the connection is open (the server closing it ends the flood).
    let seq = lastSeq;
    flooding = setInterval(() => {
      for (let i = 0; i < 10 && flo.room.connection.isOpen; i++) flo.room.send('chat', { seq: ++seq, text: 'spam' });
    }, 10);
    // The server is refusing the flood by the thousand (its count, told to the flooder once a second) when the move comes.
    await flo.next('slowDown', (p) => p.refused >= 1000);
    ann.room.send('move', { seq: 1, move: { type: 'statement', tone: 'conciliatory' } });
    await ann.next('table', (u) => u.moveCount >= 1);
    const stopped = await terminate(server);
    console.log(`SIGTERM to exit under a flood (${seq - lastSeq} lines sent): ${Math.round(stopped.ms)} ms`);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    expect(server.output.join('')).toContain('every log is stored');
    clearInterval(flooding);

    server = await startServer(port, dataDir, '');
    const log = await (await fetch(`${base}/api/sessions/${made.code}/log.json?token=${made.token}`)).text();
    expect(log).toContain('"conciliatory"');
  } finally {
    clearInterval(flooding);
    await server.kill();
  }
});

test('a restart with 300 ended sessions rebuilds only the live one, archives those ended over a day ago, and still gives their logs', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = dataDirFor();
  let server = await startServer(port, dataDir, '');
  let live = '';
  let ended = { code: '', token: '' };
  try {
    live = (await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true })).code;
    ended = await createSession(base, { scenario: 'reset-2009', tables: 4, fillWithComputer: true });
    const teacher = await joinAs(base, ended.code, { token: ended.token });
    await teacher.next('teacherWelcome');
    teacher.room.send('end', {});
    await teacher.next('teacher', (u) => u.ended === true);
    expect((await terminate(server)).code).toBe(0);
  } finally {
    await server.kill();
  }
  const record = JSON.parse(readFileSync(join(dataDir, ended.code, 'session.json'), 'utf8'));
  expect(record.ended).toBe(true);
  expect(Date.parse(record.endedAt)).toBeGreaterThan(Date.now() - 60_000);
  // 150 sessions ended two days ago and 150 ended an hour ago, copies of the real one with their own codes.
  const codes = { old: [] as string[], recent: [] as string[] };
  for (let i = 0; i < 300; i++) {
    const code = `Z${String(i).padStart(5, '0')}`;
    const old = i < 150;
    cpSync(join(dataDir, ended.code), join(dataDir, code), { recursive: true });
    writeFileSync(join(dataDir, code, 'session.json'), JSON.stringify({ ...record, code, endedAt: new Date(Date.now() - (old ? 48 : 1) * 3600_000).toISOString() }));
    codes[old ? 'old' : 'recent'].push(code);
  }
  const t0 = performance.now();
  server = await startServer(port, dataDir, '');
  const startMs = performance.now() - t0;
  try {
    console.log(`start with 301 ended sessions and 1 live: ${Math.round(startMs)} ms`);
    expect(readdirSync(join(dataDir, 'archive')).sort()).toEqual(codes.old);
    for (const code of codes.old) expect(existsSync(join(dataDir, code))).toBe(false);
    // The live table was rebuilt at start; an ended one was not (no room until its teacher page opens it).
    const student = await joinAs(base, live, { name: 'Bo' });
    await student.next('welcome');
    await expect(new Client(base).joinById(codes.recent[0], { name: 'Cy' })).rejects.toThrow(/not found/);
    const opened = await fetch(`${base}/api/sessions/${codes.recent[0]}/open`, { method: 'POST' });
    expect(opened.status).toBe(200);
    // An archived code says so in a sentence, and its log still downloads with the teacher link.
    const archived = await fetch(`${base}/api/sessions/${codes.old[0]}/open`, { method: 'POST' });
    expect(archived.status).toBe(410);
    expect(((await archived.json()) as { error: string }).error).toMatch(/archived/);
    const log = await fetch(`${base}/api/sessions/${codes.old[0]}/log.json?token=${ended.token}`);
    expect(log.status).toBe(200);
  } finally {
    await server.kill();
  }
});

test('one address creating sessions by the dozen is stopped at the hourly limit and at the cap on live tables; HOST=0.0.0.0 with no password warns', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDirFor(), '', { HOST: '0.0.0.0', SESSIONS_PER_HOUR: '3', MAX_LIVE_TABLES: '10' });
  try {
    await expect.poll(() => server.output.join('')).toMatch(/WARNING: no TEACHER_PASSWORD is set/);
    const make = (tables: number) => fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'reset-2009', tables }) });
    expect((await make(6)).status).toBe(200);
    const full = await make(5);
    expect(full.status).toBe(429);
    expect(((await full.json()) as { error: string }).error).toMatch(/already runs 6 tables of the 10/);
    expect((await make(1)).status).toBe(200);
    expect((await make(1)).status).toBe(200);
    const many = await make(1);
    expect(many.status).toBe(429);
    expect(((await many.json()) as { error: string }).error).toMatch(/3 sessions in the last hour/);
  } finally {
    await server.kill();
  }
});

test('guessing the teacher password is stopped after 10 wrong ones from an address, even before the right one', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDirFor(), '', { TEACHER_PASSWORD: 's3cret', HOST: '0.0.0.0' });
  try {
    expect(server.output.join('')).not.toMatch(/WARNING/);
    const tryPassword = (password: string) => fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'reset-2009', password }) });
    for (let i = 0; i < 10; i++) expect((await tryPassword(`guess${i}`)).status).toBe(401);
    const locked = await tryPassword('s3cret');
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: string }).error).toMatch(/Too many wrong passwords/);
    await expect(createSession(base, { scenario: 'reset-2009' })).rejects.toThrow(/429/);
  } finally {
    await server.kill();
  }
});

test('a live session played under other rules is not replayed into different games: its page gets a sentence, its log still downloads', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = dataDirFor();
  let server = await startServer(port, dataDir, '');
  let made = { code: '', token: '' };
  try {
    made = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true });
    const student = await joinAs(base, made.code, { name: 'Bo' });
    await student.next('welcome');
    student.room.send('move', { seq: 1, move: { type: 'statement', tone: 'neutral' } });
    await expect.poll(() => readFileSync(join(dataDir, made.code, 'table-1.jsonl'), 'utf8')).toContain('"neutral"');
    expect((await terminate(server)).code).toBe(0);
  } finally {
    await server.kill();
  }
  const file = join(dataDir, made.code, 'session.json');
  const record = JSON.parse(readFileSync(file, 'utf8'));
  expect(record.rulesVersion).toBeGreaterThanOrEqual(1);
  writeFileSync(file, JSON.stringify({ ...record, rulesVersion: record.rulesVersion + 1 }));
  server = await startServer(port, dataDir, '');
  try {
    expect(server.output.join('')).toMatch(new RegExp(`session ${made.code}: .*other rules`));
    const opened = await fetch(`${base}/api/sessions/${made.code}/open`, { method: 'POST' });
    expect(opened.status).toBe(410);
    expect(((await opened.json()) as { error: string }).error).toMatch(/played under other rules \(rules version \d+; this server plays rules \d+\)/);
    const log = await fetch(`${base}/api/sessions/${made.code}/log.json?token=${made.token}`);
    expect(log.status).toBe(200);
    expect(((await log.json()) as { session: { rulesVersion: number } }).session.rulesVersion).toBe(record.rulesVersion + 1);
  } finally {
    await server.kill();
  }
});
