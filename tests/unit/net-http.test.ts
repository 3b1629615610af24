// The classroom server's HTTP side, attacked as a student with curl or a page on another site would: joining
// without the code through each matchmaking route, a 50 MB body, a foreign Origin on HTTP and on the WebSocket,
// malformed JSON, and creating sessions without the teacher password.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Client } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import { startClassroomServer } from '../../src/net/server/main';
import { freePort } from '../classroom-server';

const PASSWORD = 'correct horse battery staple';
let server: Awaited<ReturnType<typeof startClassroomServer>>;
let base = '';
let code = '';

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = await startClassroomServer({ port, dataDir: mkdtempSync(join(tmpdir(), 'reset-http-')), staticDir: null, teacherPassword: PASSWORD });
  const res = await post('/api/sessions', { password: PASSWORD, scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  expect(res.status).toBe(200);
  code = ((await res.json()) as { code: string }).code;
});
afterAll(async () => {
  await server.stop();
});

test('a join through each matchmaking route without the code is refused, no answer carries the code, and create never rebuilds the session', async () => {
  const student = await new Client(base).joinById(code, { name: 'Ann' });
  student.onMessage('*', () => {});
  const [room] = await matchMaker.query({ roomId: code });
  for (const method of ['join', 'joinOrCreate', 'create']) {
    for (const body of [{ name: 'Mallory' }, { name: 'Mallory', code }]) {
      const res = await post(`/matchmake/${method}/classroom`, body);
      const text = await res.text();
      expect(res.status, method).toBe(404);
      if (!('code' in body)) expect(text).not.toContain(code);
    }
    await expect(new Client(base)[method as 'join']('classroom', { name: 'Mallory' })).rejects.toThrow();
  }
  // By the room's name instead of a code, or any method Colyseus might add, or a listing.
  for (const path of ['/matchmake/joinById/classroom', '/matchmake/reconnect/classroom', '/matchmake/query/classroom', '/matchmake/', '/matchmake/joinById/']) {
    const res = await post(path, { name: 'Mallory' });
    expect(res.status, path).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain(code);
  }
  for (const path of ['/matchmake/joinById/' + code, '/matchmake', '/', '/__healthcheck', '/api/info', '/api/scenarios']) {
    const text = await (await fetch(base + path)).text();
    expect(text, path).not.toContain(code);
    expect(text, path).not.toMatch(/colyseus/i);
  }
  // The one room of the session is the one Ann sits in: create with its code made no second one.
  expect(await matchMaker.query({ roomId: code })).toEqual([room]);
  // And Ann is still in it, on the same connection.
  expect(student.connection.isOpen).toBe(true);
  await student.leave();
});

test('a 50 MB body is answered 413 before it is read, on the matchmaking route and on /api/sessions; a body with no length is refused', async () => {
  const send = (path: string, headers: Record<string, string | number>) =>
    new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = request(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, sent }));
      });
      req.on('error', (e) => (sent > 0 ? undefined : reject(e)));
      const chunk = Buffer.alloc(65536, 'a');
      const pump = () => {
        while (sent < 50e6 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
  const before = process.memoryUsage().rss;
  for (const path of [`/matchmake/joinById/${code}`, '/api/sessions']) {
    const r = await send(path, { 'content-length': 50e6 });
    expect(r.status, path).toBe(413);
    expect(JSON.parse(r.body).error).toMatch(/too large/);
    // Answered long before 50 MB went out: the server never read them.
    expect(r.sent).toBeLessThan(50e6);
  }
  const chunked = await send('/api/sessions', { 'transfer-encoding': 'chunked' });
  expect(chunked.status).toBe(411);
  expect(process.memoryUsage().rss - before).toBeLessThan(40e6);
});

test('a foreign Origin is refused on HTTP and on the WebSocket, and no answer grants CORS or credentials', async () => {
  const evil = { origin: 'http://ev.il' };
  expect((await post('/api/sessions', { password: PASSWORD, scenario: 'reset-2009' }, evil)).status).toBe(403);
  expect((await post(`/matchmake/joinById/${code}`, { name: 'Mallory' }, evil)).status).toBe(403);
  expect((await fetch(`${base}/api/scenarios`, { headers: evil })).status).toBe(403);
  expect((await fetch(`${base}/api/sessions/${code}/open`, { method: 'POST', headers: { origin: 'null' } })).status).toBe(403);
  const preflight = await fetch(`${base}/matchmake/joinById/${code}`, { method: 'OPTIONS', headers: { ...evil, 'access-control-request-method': 'POST' } });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  // The page's own origin works, and is not answered with CORS headers either (it needs none).
  const own = await fetch(`${base}/api/scenarios`, { headers: { origin: base } });
  expect(own.status).toBe(200);
  for (const h of ['access-control-allow-origin', 'access-control-allow-credentials']) expect(own.headers.get(h)).toBeNull();
  const sameOriginJoin = await post(`/matchmake/joinById/${code}`, { name: 'Bo' }, { origin: base });
  expect(sameOriginJoin.headers.get('access-control-allow-origin')).toBeNull();

  // The WebSocket: a seat reserved without an Origin, then opened from a foreign page and from the page's own.
  const open = async (origin: string) => {
    const seat = (await (await post(`/matchmake/joinById/${code}`, { name: 'Cy' })).json()) as { sessionId: string; processId: string; roomId: string };
    const ws = new WebSocket(`${base.replace('http', 'ws')}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`, { origin });
    return new Promise<string>((resolve) => {
      ws.once('open', () => {
        ws.close();
        resolve('open');
      });
      ws.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.once('error', () => resolve('error'));
    });
  };
  expect(await open('http://ev.il')).toBe('refused 401');
  expect(await open(base)).toBe('open');
});

test('malformed JSON, unknown paths and errors answer one JSON sentence, with no stack trace, path or X-Powered-By, and every answer has the security headers', async () => {
  const answers = [
    await post('/api/sessions', '{"scenario": "reset-2009", tables: }'),
    await post(`/matchmake/joinById/${code}`, '{not json'),
    await fetch(`${base}/no/such/secret-path.js`),
    await fetch(`${base}/api/sessions/${code}/log.json?token=wrong`),
    await post('/api/sessions/ABCDEF/open', ''),
    await fetch(`${base}/api/scenarios`),
  ];
  const [json, matchmake, missing] = answers;
  expect(json.status).toBe(400);
  expect(await json.clone().json()).toEqual({ error: 'The request body is not valid JSON.' });
  expect(matchmake.status).toBe(400);
  expect(missing.status).toBe(404);
  for (const res of answers) {
    const text = await res.text();
    expect(text).not.toMatch(/\n\s+at |node_modules|\/work\/|src\/net|secret-path|<html|<pre/i);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  }
});

test('creating a session needs the teacher password: none and a wrong one are refused with a sentence, the right one works', async () => {
  const none = await post('/api/sessions', { scenario: 'reset-2009' });
  expect(none.status).toBe(401);
  expect(((await none.json()) as { error: string }).error).toBe('This server needs its teacher password to create a session.');
  const wrong = await post('/api/sessions', { scenario: 'reset-2009', password: 'hunter2' });
  expect(wrong.status).toBe(401);
  expect(((await wrong.json()) as { error: string }).error).toBe('That is not this server’s teacher password.');
  expect((await fetch(`${base}/api/info`).then((r) => r.json())) as object).toMatchObject({ passwordRequired: true });
  expect((await post('/api/sessions', { scenario: 'reset-2009', password: PASSWORD })).status).toBe(200);
});
