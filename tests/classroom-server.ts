// The classroom server as a real process (`tsx src/net/server/main.ts`) on a free loopback port, a class session
// created through its API, and a throwaway redis-server for the scale-out runs. One way to do each, shared by the
// unit tests, the browser tests and `npm run bench:server`; nothing here imports vitest.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { SessionRequest } from '../src/net/protocol';

export const ROOT = resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  output: string[];
  /** Kill the process and everything it started at once (SIGKILL), as a crash would; resolves once it is gone. */
  kill(): Promise<void>;
  /** Ask it to stop (SIGTERM to its process group); SIGKILL after a few seconds if it is still there. */
  stop(): Promise<void>;
}

/** How long a process may take to say it is ready: generous, for a loaded 2-core machine. */
const STARTUP_TIMEOUT = 90_000;
/** How long a stopped process gets between SIGTERM and SIGKILL. */
const STOP_GRACE = 3_000;

/** Every process group started here and not yet gone: killed by stopAll() and, whatever happens, on exit. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal); // the whole group: tsx's children, redis-server's threads
  } catch {
    // The group is gone already.
  }
}

/**
 * A test that fails or times out may never reach its own cleanup: the processes it started are stopped by stopAll()
 * in an afterAll, and killed whatever happens when the test worker ends: on exit (synchronously, all that an 'exit'
 * handler may do) and on the SIGTERM vitest ends its workers with (or a Ctrl-C), after which the signal goes on.
 */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const child of running) signalGroup(child, 'SIGKILL');
  };
  process.once('exit', killAll);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll();
      process.off(signal, onSignal);
      // Nobody else listens: do what the signal would have done without us.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Stop every process started here that is still running (for afterAll hooks and the end of a benchmark). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (gone(child)) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  signalGroup(child, signal);
  if (signal !== 'SIGKILL') {
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE);
    await exited;
    clearTimeout(timer);
  } else await exited;
  running.delete(child);
}

/**
 * Start a process in a process group of its own (so that it and whatever it starts can be killed together) and resolve
 * once its output says `ready`; reject, and kill it, if it exits first or is not ready within STARTUP_TIMEOUT.
 */
async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ServerProcess> {
  installExitHook();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.once('exit', () => {
    // A group whose leader died may still hold its children: make sure nothing of it stays behind.
    signalGroup(child, 'SIGKILL');
    running.delete(child);
  });
  const output: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} did not say "${ready}" within ${STARTUP_TIMEOUT / 1000} s: ${output.join('')}`)), STARTUP_TIMEOUT);
      const onData = (d: Buffer) => {
        output.push(d.toString());
        if (output.join('').includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
      child.once('error', (e) => (clearTimeout(timer), reject(e)));
      child.once('exit', (c, sig) => (clearTimeout(timer), reject(new Error(`${command} exited (${c ?? sig}) before it was ready: ${output.join('')}`))));
    });
  } catch (e) {
    await stopChild(child, 'SIGKILL');
    throw e;
  }
  return {
    child,
    output,
    kill: () => stopChild(child, 'SIGKILL'),
    stop: () => stopChild(child),
  };
}

/** Start the classroom server process; resolves once it says where it listens. `staticDir` '' serves no pages; `env` adds e.g. REDIS_URL. */
export async function startServer(port: number, dataDir: string, staticDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startProcess(process.execPath, ['--import', 'tsx', 'src/net/server/main.ts'], { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir, HOST: '127.0.0.1', ...env }, 'Teacher page:');
}

/** What the teacher gets back on creating a session. */
export interface CreatedSession {
  code: string;
  token: string;
}

/** Create a class session as the teacher page does (POST /api/sessions), with the server's TEACHER_PASSWORD if it has one. */
export async function createSession(base: string, request: Partial<SessionRequest>, password?: string): Promise<CreatedSession> {
  const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(password === undefined ? request : { ...request, password }) });
  const body = (await res.json()) as CreatedSession & { error?: string };
  if (!res.ok) throw new Error(`creating a session: ${res.status} ${body.error ?? ''}`);
  return body;
}

/** Where redis-server is on PATH (a working one: --version answers), or null when it is not installed. */
export function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  return found && spawnSync(found, ['--version']).status === 0 ? found : null;
}

/** A redis-server with nothing saved to disk, on a free loopback port. */
export async function startRedis(): Promise<ServerProcess & { url: string }> {
  const path = redisServerPath();
  if (!path) throw new Error('redis-server is not installed (Debian: apt-get install redis-server)');
  const port = await freePort();
  const redis = await startProcess(path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()], process.env, 'Ready to accept connections');
  return { ...redis, url: `redis://127.0.0.1:${port}` };
}
