// `npm run serve`: the classroom server on 127.0.0.1 (PORT, default 2567; HOST=0.0.0.0 for students' own laptops on
// the LAN). Data in DATA_DIR (default ./classroom-data); the built pages (teacher, student, game) from STATIC_DIR
// (default dist/). With REDIS_URL set, presence, matchmaking and logs go to Redis so several processes share the tables;
// PUBLIC_ADDRESS (host:port) is where students reach this process, when that is not its own address (e.g. behind NAT).
// TEACHER_PASSWORD, when set, is needed to create a session. SIGTERM/SIGINT: stop taking moves, store every log, exit.
import { Server, matchMaker, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOM_NAME, MAX_MESSAGE_BYTES, sessionRequestSchema } from '../protocol';
import { ClassroomRoom, setClassroomContext } from './classroom-room';
import { classDebrief } from './debrief';
import { exportLog } from './log-export';
import { classroomPages } from './pages';
import { dueForArchive, fileStore, redisStore, type ClassroomStore, type SessionRecord } from './store';
import { installFrontDoor, MATCHMAKE_METHODS, SESSION_BODY_BYTES, samePassword, upgradeAllowed, WindowCounter, type FrontDoor } from './http';
import { builtInScenarioFiles, requireScenario, scenarioIdOf, resolveBuiltInOnly } from '../../scenario/files';
import { loadScenarioText, formatProblem } from '../../scenario/load';
import { RULES_VERSION, scenarioOfLength, textOf, type Scenario } from '../../engine';

// express comes with @colyseus/ws-transport (no @types here): only json() and static() are used.
const express = createRequire(import.meta.url)('express') as { json(o: object): unknown; static(dir: string, o?: object): unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type App = any;
/** Where `vite build` puts the pages. */
export const DEFAULT_STATIC_DIR = resolve(import.meta.dirname, '../../../dist');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Req = { body: unknown; params: Record<string, string>; query: Record<string, unknown>; ip?: string; socket: IncomingMessage['socket'] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Res = any;

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Sessions one address may create in an hour, and the tables all live sessions may have together. */
export const SESSIONS_PER_HOUR = 20;
export const MAX_LIVE_TABLES = 600;
/** Wrong teacher passwords one address may type in ten minutes. */
const WRONG_PASSWORDS = 10;
/** A scaled-out process says it is alive this often; one silent for three times as long is not offered to pages. */
const ALIVE_EVERY_MS = 5000;
/** On SIGTERM the server has this long to store every log and close; then it exits anyway. */
export const STOP_WITHIN_MS = 4000;

export interface ClassroomServerOptions {
  port: number;
  dataDir: string;
  redisUrl?: string;
  host?: string;
  staticDir?: string | null;
  publicAddress?: string;
  /** Needed in a session request when set (TEACHER_PASSWORD). */
  teacherPassword?: string;
  sessionsPerHour?: number;
  maxLiveTables?: number;
}

/**
 * `host` defaults to 127.0.0.1; `staticDir` (default dist/, null for none) holds the built pages served beside the API.
 * With `redisUrl`, `publicAddress` (host:port, default this process's first address and port) is where clients open the
 * WebSocket of a room this process hosts, whichever process they asked to join through.
 */
export async function startClassroomServer(opts: ClassroomServerOptions) {
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
    const key = `${s.scenarioText === null ? s.scenarioId : s.code}/${s.length ?? 'full'}`;
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
      if (s.length === 'class') {
        if (!sc.classLength) throw new Error(`${s.scenarioText === null ? s.scenarioId : 'the uploaded scenario'} has no class length (classLength in the file): play it at its full length, or add one (docs/scenario-authoring.md)`);
        sc = scenarioOfLength(sc, 'class');
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

  // A room lives in one process: without its address a client that joined through another process has nowhere to connect.
  const publicAddress = presence ? (opts.publicAddress ?? `${addressesFor(opts.host ?? '127.0.0.1')[0]}:${opts.port}`) : undefined;
  // The other processes sharing the Redis, by the origin their pages come from: alive ones are offered to pages to
  // reconnect through, and every one that ever was may call this one (its pages outlive it).
  let processes: Record<string, number> = {};
  let stopping = false;
  const door: FrontDoor = { siblings: () => Object.keys(processes), stopping: () => stopping };
  const heartbeat = async () => {
    if (!presence || !publicAddress) return;
    await presence.hset('reset:processes', `http://${publicAddress}`.toLowerCase(), String(Date.now()));
    const all = (await presence.hgetall('reset:processes')) ?? {};
    processes = Object.fromEntries(Object.entries(all).map(([o, t]) => [o, Number(t)]));
  };
  const liveProcesses = () => {
    const self = publicAddress ? `http://${publicAddress}`.toLowerCase() : null;
    const live = Object.entries(processes).filter(([o, t]) => o !== self && Date.now() - t < 3 * ALIVE_EVERY_MS).map(([o]) => o);
    return self ? [self, ...live] : [];
  };
  await heartbeat();
  const alive = setInterval(() => void heartbeat().catch(() => undefined), ALIVE_EVERY_MS);
  alive.unref();

  // Only joinById and reconnect of a room the caller names by its code: join, joinOrCreate and create by the room's
  // name would seat a caller without the code (and answer with the code), or rebuild a session over the live one.
  matchMaker.controller.exposedMethods = [...MATCHMAKE_METHODS];
  // No CORS from Colyseus (it reflected any Origin with credentials): the front door answers for the siblings alone.
  for (const k of Object.keys(matchMaker.controller.DEFAULT_CORS_HEADERS)) delete (matchMaker.controller.DEFAULT_CORS_HEADERS as Record<string, string>)[k];
  matchMaker.controller.getCorsHeaders = () => ({});

  const created = new WindowCounter(opts.sessionsPerHour ?? SESSIONS_PER_HOUR, 3600_000);
  const wrongPasswords = new WindowCounter(WRONG_PASSWORDS, 600_000);
  const addressOf = (req: Req) => req.socket.remoteAddress ?? 'unknown';
  const liveTables = async () => {
    let n = 0;
    for (const code of await store.listSessions()) {
      const s = await store.loadSession(code);
      if (s && !s.ended) n += s.tables;
    }
    return n;
  };

  const httpServer = createServer();
  const server = new Server({
    presence,
    driver,
    publicAddress,
    greet: false,
    // Our own stop (stop() below, on SIGTERM/SIGINT): it stores every table's log before the process exits.
    gracefullyShutdown: false,
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_MESSAGE_BYTES, verifyClient: upgradeAllowed(door) }),
    express: (app: App) => {
      app.disable('x-powered-by');
      app.use(express.json({ limit: SESSION_BODY_BYTES }));
      app.get('/api/scenarios', (_req: Req, res: Res) => {
        res.json(
          builtInScenarioFiles().map((f) => {
            const id = scenarioIdOf(f);
            const sc = scenarioOf({ scenarioId: id, scenarioText: null } as SessionRecord);
            return { id, title: textOf(sc.title), year: sc.year, turns: sc.turns, classTurns: sc.classLength?.turns ?? null };
          }),
        );
      });
      // The addresses students can reach this server at (empty when it listens on loopback only).
      // `servers`: the live processes a page may reconnect through when its own is gone (empty on one process).
      app.get('/api/info', (_req: Req, res: Res) => {
        const host = opts.host ?? '127.0.0.1';
        res.json({ lan: host === '0.0.0.0' || host === '::' ? addressesFor(host).filter((a) => a !== '127.0.0.1') : [], passwordRequired: !!opts.teacherPassword, servers: liveProcesses() });
      });
      app.post('/api/sessions', async (req: Req, res: Res) => {
        const from = addressOf(req);
        const { password, ...request } = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
        if (opts.teacherPassword) {
          if (wrongPasswords.full(from)) return res.status(429).json({ error: 'Too many wrong passwords from this computer: wait ten minutes and try again.' });
          if (!samePassword(password, opts.teacherPassword)) {
            wrongPasswords.add(from);
            return res.status(401).json({ error: password ? 'That is not this server’s teacher password.' : 'This server needs its teacher password to create a session.' });
          }
        }
        if (created.full(from)) return res.status(429).json({ error: `This computer has created ${opts.sessionsPerHour ?? SESSIONS_PER_HOUR} sessions in the last hour, the most it may: end one, or wait.` });
        const parsed = sessionRequestSchema.safeParse(request);
        if (!parsed.success) return res.status(400).json({ error: parsed.error.issues.map((i) => i.message).join('; ') });
        const r = parsed.data;
        const cap = opts.maxLiveTables ?? MAX_LIVE_TABLES;
        const live = await liveTables();
        if (live + r.tables > cap) return res.status(429).json({ error: `The server already runs ${live} tables of the ${cap} it takes at once: end a session first.` });
        let code = '';
        // Never the code of a session that exists (live or archived): that would overwrite it.
        while (!code || (await store.loadSession(code)) || (await store.loadArchived(code))) {
          code = '';
          for (let i = 0; i < 6; i++) code += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
        }
        const session: SessionRecord = {
          code,
          token: randomBytes(18).toString('base64url'),
          scenarioId: r.scenario ?? 'upload',
          scenarioText: r.scenarioText ?? null,
          tables: r.tables,
          timerSeconds: r.timerSeconds,
          fillWithComputer: r.fillWithComputer,
          decision: r.decision,
          ...(r.varyBriefs ? { varyBriefs: true } : {}),
          ...(r.length === 'class' ? { length: 'class' as const } : {}),
          seeds: Array.from({ length: r.tables }, () => randomInt(1, 2 ** 31)),
          createdAt: new Date().toISOString(),
          rulesVersion: RULES_VERSION,
          ended: false,
        };
        try {
          scenarioOf(session);
        } catch (e) {
          return res.status(400).json({ error: (e as Error).message });
        }
        created.add(from);
        await store.saveSession(session);
        await ensureRoom(code);
        res.json({ code, token: session.token, teacherUrl: `/classroom/teacher.html#${code}:${session.token}`, studentUrl: `/classroom/student.html#${code}` });
      });
      app.post('/api/sessions/:code/open', async (req: Req, res: Res) => {
        const code = String(req.params.code).toUpperCase();
        if (/^[A-Z0-9]{6}$/.test(code) && !(await store.loadSession(code)) && (await store.loadArchived(code)))
          return res.status(410).json({ error: `The class session ${code} ended more than a day ago and is archived; its log can still be downloaded from the teacher page's link.` });
        const session = /^[A-Z0-9]{6}$/.test(code) ? await store.loadSession(code) : null;
        if (!session) return res.status(404).json({ error: 'no session with that code' });
        if (!sameRules(session)) return res.status(410).json({ error: otherRules(session) });
        await ensureRoom(code);
        res.json({ code });
      });
      app.get('/api/sessions/:code/log.:fmt', async (req: Req, res: Res) => {
        const code = String(req.params.code).toUpperCase();
        const s = /^[A-Z0-9]{6}$/.test(code) ? ((await store.loadSession(code)) ?? (await store.loadArchived(code))) : null;
        if (!s || !samePassword(req.query.token, s.token)) return res.status(403).json({ error: 'teacher link needed' });
        const out = await exportLog(store, s, req.params.fmt === 'json' ? 'json' : 'csv');
        res.type(out.type).send(out.body);
      });
      const pages = opts.staticDir === undefined ? DEFAULT_STATIC_DIR : opts.staticDir;
      if (pages && existsSync(join(pages, 'classroom', 'teacher.html'))) {
        app.get('/classroom', (_req: Req, res: Res) => res.redirect('/classroom/teacher.html'));
        // Only the classroom pages and the files they load (pages.ts): never the game, whose chunks carry both briefs.
        app.use(classroomPages(pages));
      } else if (pages && opts.staticDir !== undefined) console.warn(`No built classroom pages in ${pages}: run \`npm run build\` first (npm run serve does).`);
      answerPlainly(app);
    },
  });
  server.define(ROOM_NAME, ClassroomRoom);
  // A port already taken fails the start with Node's error (Colyseus listens for errors only once listening).
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1').then(() => {
      httpServer.off('error', reject);
      resolve();
    }, reject);
  });
  /** The port it listens on: the one asked for, or the one the system chose for port 0. */
  const port = (httpServer.address() as { port: number }).port;
  // After listen(): Colyseus has put its router and express on the HTTP server, and the door goes in front of both.
  installFrontDoor(httpServer, door);

  // Sessions ended a day ago leave the live list (checked at start and every hour), so a start rebuilds live ones only.
  const sweep = async () => {
    for (const code of await store.listSessions()) {
      const s = await store.loadSession(code).catch(() => null);
      if (s && dueForArchive(s) && (await matchMaker.query({ roomId: code })).length === 0) await store.archive(code);
    }
  };
  await sweep().catch((e) => console.error('archiving ended sessions:', e));
  const sweeping = setInterval(() => void sweep().catch((e) => console.error('archiving ended sessions:', e)), 3600_000);
  sweeping.unref();
  // Restart: every stored session that has not ended gets its room back, replayed from its logs (an ended one is
  // rebuilt when its teacher page opens it).
  if (!presence)
    for (const code of await store.listSessions()) {
      const s = await store.loadSession(code).catch(() => null);
      if (s && !s.ended && !sameRules(s)) console.warn(`session ${code}: ${otherRules(s)}`);
      else if (s && !s.ended) await ensureRoom(code).catch((e) => console.error(`session ${code}:`, e));
    }

  /** Stop taking joins and moves, store every table's log, close. Resolves true when everything was stored in time. */
  const stop = async (withinMs = STOP_WITHIN_MS): Promise<boolean> => {
    stopping = true;
    clearInterval(alive);
    clearInterval(sweeping);
    const local = (await matchMaker.query({}).catch(() => [])).filter((r) => r.processId === matchMaker.processId);
    const rooms = local.map((r) => matchMaker.getLocalRoomById(r.roomId) as ClassroomRoom | undefined).filter((r) => r !== undefined);
    const done = (async () => {
      await Promise.all(rooms.map((r) => r.flushed()));
      // No longer offered to pages, but still a sibling: the pages it served go on through the others.
      if (presence && publicAddress) await presence.hset('reset:processes', `http://${publicAddress}`.toLowerCase(), '0').catch(() => undefined);
      // Disposing each room waits for its writes again: a move that came in meanwhile is stored too.
      await server.gracefullyShutdown(false);
      httpServer.closeAllConnections();
      return true;
    })();
    const late = new Promise<false>((r) => setTimeout(() => r(false), withinMs).unref());
    return Promise.race([done, late]);
  };
  return Object.assign(server, { stop, port });
}

/** Express's last word: a 404 that names no path, and errors as one JSON sentence (never a stack trace or a path). */
function answerPlainly(app: App) {
  app.use((_req: Req, res: Res) => res.status(404).json({ error: 'There is nothing at this address.' }));
  app.use((err: { status?: number; statusCode?: number; type?: string }, _req: Req, res: Res, _next: unknown) => {
    const status = err.status ?? err.statusCode ?? 500;
    const sentence =
      err.type === 'entity.parse.failed' ? 'The request body is not valid JSON.'
      : status === 413 ? 'The request is too large.'
      : status >= 400 && status < 500 ? 'The server did not understand the request.'
      : 'Something went wrong on the server; the details are in its log.';
    if (status >= 500) console.error('request failed:', err);
    if (res.headersSent) return res.end();
    res.status(status >= 400 && status < 600 ? status : 500).json({ error: sentence });
  });
}

/** A session's logs replay into the same games only under the rules they were played under. */
const sameRules = (s: SessionRecord) => (s.rulesVersion ?? 1) === RULES_VERSION;
const otherRules = (s: SessionRecord) =>
  `The class session ${s.code} was played under other rules (rules version ${s.rulesVersion ?? 1}; this server plays rules ${RULES_VERSION}): its tables cannot be replayed here, but its log can still be downloaded from the teacher page's link.`;

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
  const teacherPassword = process.env.TEACHER_PASSWORD || undefined;
  const number = (v: string | undefined) => (v && Number(v) > 0 ? Number(v) : undefined);
  const server = await startClassroomServer({
    port,
    host,
    dataDir: process.env.DATA_DIR ?? 'classroom-data',
    redisUrl: process.env.REDIS_URL,
    publicAddress: process.env.PUBLIC_ADDRESS,
    staticDir: process.env.STATIC_DIR ?? DEFAULT_STATIC_DIR,
    teacherPassword,
    sessionsPerHour: number(process.env.SESSIONS_PER_HOUR),
    maxLiveTables: number(process.env.MAX_LIVE_TABLES),
  });
  let stoppingOn: string | null = null;
  const stopOn = (signal: string) => {
    // A second signal while stopping ends it at once.
    if (stoppingOn) process.exit(1);
    stoppingOn = signal;
    console.log(`${signal}: storing every table's log and stopping…`);
    void server.stop().then((stored) => {
      console.log(stored ? 'Stopped; every log is stored.' : `Stopped after ${STOP_WITHIN_MS / 1000} s; some writes may not have finished.`);
      process.exit(stored ? 0 : 1);
    });
  };
  process.on('SIGTERM', () => stopOn('SIGTERM'));
  process.on('SIGINT', () => stopOn('SIGINT'));
  if (host !== '127.0.0.1' && !teacherPassword)
    console.warn('WARNING: no TEACHER_PASSWORD is set, so anyone on this network can create class sessions. Start with TEACHER_PASSWORD=… to require it on the teacher page.');
  const [first, ...more] = addressesFor(host);
  console.log(`Reset classroom server on http://${first}:${port}`);
  console.log(`Teacher page: http://127.0.0.1:${port}/classroom/teacher.html`);
  for (const a of [first, ...more]) console.log(`Students join at: http://${a}:${port}/classroom/student.html`);
  if (host === '127.0.0.1') console.log('Only this computer can reach it; start with HOST=0.0.0.0 to let students join from their own laptops.');
}
