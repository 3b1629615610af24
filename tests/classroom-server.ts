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
  kill(): Promise<void>;
}

/** Start a process and resolve once its stdout says `ready`; SIGKILL it with kill(). */
async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ServerProcess> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output.push(d.toString());
      if (output.join('').includes(ready)) resolve();
    });
    child.once('error', reject);
    child.once('exit', (c) => reject(new Error(`${command} exited (${c}): ${output.join('')}`)));
  });
  return {
    child,
    output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
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

/** Create a class session as the teacher page does (POST /api/sessions). */
export async function createSession(base: string, request: Partial<SessionRequest>): Promise<CreatedSession> {
  const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = (await res.json()) as CreatedSession & { error?: string };
  if (!res.ok) throw new Error(`creating a session: ${res.status} ${body.error ?? ''}`);
  return body;
}

export const REDIS_SERVER = '/usr/bin/redis-server';

/** Where redis-server is (PATH first, then Debian's place), or null when it is not installed. */
export function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  return spawnSync(REDIS_SERVER, ['--version']).status === 0 ? REDIS_SERVER : null;
}

/** A redis-server with nothing saved to disk, on a free loopback port. */
export async function startRedis(): Promise<ServerProcess & { url: string }> {
  const path = redisServerPath();
  if (!path) throw new Error('redis-server is not installed (Debian: apt-get install redis-server)');
  const port = await freePort();
  const redis = await startProcess(path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()], process.env, 'Ready to accept connections');
  return { ...redis, url: `redis://127.0.0.1:${port}` };
}
