// `npm run serve`: the classroom server on 127.0.0.1 (PORT, default 2567; HOST=0.0.0.0 for students' own laptops on
// the LAN). Data in DATA_DIR (default ./classroom-data); the built pages (teacher, student, game) from STATIC_DIR
// (default dist/). With REDIS_URL set, presence, matchmaking and logs go to Redis so several processes share the tables;
// PUBLIC_ADDRESS (host:port) is where students reach this process, when that is not its own address (e.g. behind NAT).
import { Server, matchMaker, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { randomBytes, randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOM_NAME, MAX_MESSAGE_BYTES, sessionRequestSchema } from '../protocol';
import { ClassroomRoom, setClassroomContext } from './classroom-room';
import { classDebrief } from './debrief';
import { exportLog } from './log-export';
import { classroomPages } from './pages';
import { fileStore, redisStore, type ClassroomStore, type SessionRecord } from './store';
import { builtInScenarioFiles, requireScenario, scenarioIdOf, resolveBuiltInOnly } from '../../scenario/files';
import { loadScenarioText, formatProblem } from '../../scenario/load';
import { textOf, type Scenario } from '../../engine';

// express comes with @colyseus/ws-transport (no @types here): only json() and static() are used.
const express = createRequire(import.meta.url)('express') as { json(o: object): unknown; static(dir: string, o?: object): unknown };
/** Where `vite build` puts the pages. */
export const DEFAULT_STATIC_DIR = resolve(import.meta.dirname, '../../../dist');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Req = { body: unknown; params: Record<string, string>; query: Record<string, unknown> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Res = any;

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * `host` defaults to 127.0.0.1; `staticDir` (default dist/, null for none) holds the built pages served beside the API.
 * With `redisUrl`, `publicAddress` (host:port, default this process's first address and port) is where clients open the
 * WebSocket of a room this process hosts, whichever process they asked to join through.
 */
export async function startClassroomServer(opts: { port: number; dataDir: string; redisUrl?: string; host?: string; staticDir?: string | null; publicAddress?: string }) {
  let presence: Presence | undefined;
  let driver;
  if (opts.redisUrl) {
    const { RedisPresence } = await import('@colyseus/redis-presence');
    const { RedisDriver } = await import('@colyseus/redis-driver');
    presence = new RedisPresence(opts.redisUrl) as unknown as Presence;
    driver = new RedisDriver(opts.redisUrl);
  }
  const store: ClassroomStore = presence ? redisStore(presence) : fileStore(opts.dataDir);
  const cache = new Map<string, Scenario>();
  const scenarioOf = (s: SessionRecord): Scenario => {
    const key = s.scenarioText === null ? s.scenarioId : s.code;
    let sc = cache.get(key);
    if (!sc) {
      if (s.scenarioText === null) {
        const file = builtInScenarioFiles().find((f) => scenarioIdOf(f) === s.scenarioId);
        if (!file) throw new Error(`unknown scenario ${s.scenarioId}`);
        sc = requireScenario(file);
      } else {
        const r = loadScenarioText(s.scenarioText, 'upload.yaml', { resolve: resolveBuiltInOnly, knownScenarios: builtInScenarioFiles().map(scenarioIdOf) });
        if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
        sc = r.scenario;
      }
      cache.set(key, sc);
    }
    return sc;
  };
  setClassroomContext({ store, scenarioOf, debriefOf: classDebrief });

  const pending = new Map<string, Promise<void>>();
  // Idempotent: one room per join code, however many requests (or processes) ask at once.
  const ensureRoom = (code: string): Promise<void> => {
    let p = pending.get(code);
    if (!p) {
      p = (async () => {
        if ((await matchMaker.query({ roomId: code })).length > 0) return;
        if (presence && (await presence.hincrbyex('reset:creating', code, 1, 10)) > 1) {
          for (let i = 0; i < 50 && (await matchMaker.query({ roomId: code })).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
          return;
        }
        try {
          // Another process may have created it between the first look and taking the mark.
          if (presence && (await matchMaker.query({ roomId: code })).length > 0) return;
          await matchMaker.createRoom(ROOM_NAME, { code });
        } finally {
          // Cleared once the room is listed, so a room lost with its process can be made again at once (not 10 s later).
          if (presence) await presence.hdel('reset:creating', code);
        }
      })().finally(() => pending.delete(code));
      pending.set(code, p);
    }
    return p;
  };

  const server = new Server({
    presence,
    driver,
    // A room lives in one process: without its address a client that joined through another process has nowhere to connect.
    publicAddress: presence ? (opts.publicAddress ?? `${addressesFor(opts.host ?? '127.0.0.1')[0]}:${opts.port}`) : undefined,
    greet: false,
    transport: new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES }),
    express: (app) => {
      app.use(express.json({ limit: '1mb' }));
      app.get('/api/scenarios', (_req: Req, res: Res) => {
        res.json(
          builtInScenarioFiles().map((f) => {
            const id = scenarioIdOf(f);
            const sc = scenarioOf({ scenarioId: id, scenarioText: null } as SessionRecord);
            return { id, title: textOf(sc.title), year: sc.year };
          }),
        );
      });
      // The addresses students can reach this server at (empty when it listens on loopback only).
      app.get('/api/info', (_req: Req, res: Res) => {
        const host = opts.host ?? '127.0.0.1';
        res.json({ lan: host === '0.0.0.0' || host === '::' ? addressesFor(host).filter((a) => a !== '127.0.0.1') : [] });
      });
      app.post('/api/sessions', async (req: Req, res: Res) => {
        const parsed = sessionRequestSchema.safeParse(req.body);
        if (!parsed.success) return res.status(400).json({ error: parsed.error.issues.map((i) => i.message).join('; ') });
        const r = parsed.data;
        let code = '';
        for (let i = 0; i < 6; i++) code += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
        const session: SessionRecord = {
          code,
          token: randomBytes(18).toString('base64url'),
          scenarioId: r.scenario ?? 'upload',
          scenarioText: r.scenarioText ?? null,
          tables: r.tables,
          timerSeconds: r.timerSeconds,
          fillWithComputer: r.fillWithComputer,
          decision: r.decision,
          seeds: Array.from({ length: r.tables }, () => randomInt(1, 2 ** 31)),
          createdAt: new Date().toISOString(),
          ended: false,
        };
        try {
          scenarioOf(session);
        } catch (e) {
          return res.status(400).json({ error: (e as Error).message });
        }
        await store.saveSession(session);
        await ensureRoom(code);
        res.json({ code, token: session.token, teacherUrl: `/classroom/teacher.html#${code}:${session.token}`, studentUrl: `/classroom/student.html#${code}` });
      });
      app.post('/api/sessions/:code/open', async (req: Req, res: Res) => {
        const code = String(req.params.code).toUpperCase();
        if (!/^[A-Z0-9]{6}$/.test(code) || !(await store.loadSession(code))) return res.status(404).json({ error: 'no session with that code' });
        await ensureRoom(code);
        res.json({ code });
      });
      app.get('/api/sessions/:code/log.:fmt', async (req: Req, res: Res) => {
        const code = String(req.params.code).toUpperCase();
        const s = /^[A-Z0-9]{6}$/.test(code) ? await store.loadSession(code) : null;
        if (!s || req.query.token !== s.token) return res.status(403).json({ error: 'teacher link needed' });
        const out = await exportLog(store, s, req.params.fmt === 'json' ? 'json' : 'csv');
        res.type(out.type).send(out.body);
      });
      const pages = opts.staticDir === undefined ? DEFAULT_STATIC_DIR : opts.staticDir;
      if (pages && existsSync(join(pages, 'classroom', 'teacher.html'))) {
        app.get('/classroom', (_req: Req, res: Res) => res.redirect('/classroom/teacher.html'));
        // Only the classroom pages and the files they load (pages.ts): never the game, whose chunks carry both briefs.
        app.use(classroomPages(pages));
      } else if (pages && opts.staticDir !== undefined) console.warn(`No built classroom pages in ${pages}: run \`npm run build\` first (npm run serve does).`);
    },
  });
  server.define(ROOM_NAME, ClassroomRoom);
  await server.listen(opts.port, opts.host ?? '127.0.0.1');
  // Restart: every stored session that has not ended gets its room back, replayed from its logs.
  if (!presence) for (const code of await store.listSessions()) await ensureRoom(code).catch((e) => console.error(`session ${code}:`, e));
  return server;
}

/** The addresses students type: loopback when bound to it, else this machine's LAN addresses. */
function addressesFor(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  return lan.length ? lan : ['127.0.0.1'];
}

if (import.meta.main || process.argv[1]?.endsWith('main.ts')) {
  const port = Number(process.env.PORT ?? 2567);
  const host = process.env.HOST ?? '127.0.0.1';
  await startClassroomServer({ port, host, dataDir: process.env.DATA_DIR ?? 'classroom-data', redisUrl: process.env.REDIS_URL, publicAddress: process.env.PUBLIC_ADDRESS, staticDir: process.env.STATIC_DIR ?? DEFAULT_STATIC_DIR });
  const [first, ...more] = addressesFor(host);
  console.log(`Reset classroom server on http://${first}:${port}`);
  console.log(`Teacher page: http://127.0.0.1:${port}/classroom/teacher.html`);
  for (const a of [first, ...more]) console.log(`Students join at: http://${a}:${port}/classroom/student.html`);
  if (host === '127.0.0.1') console.log('Only this computer can reach it; start with HOST=0.0.0.0 to let students join from their own laptops.');
}
