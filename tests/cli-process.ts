// A command-line entry point run as its own process, as an author or a teacher runs it: asynchronously (a synchronous
// spawn blocks the test worker, its timers and every other test in it) with a generous limit for a loaded machine,
// after which the process is killed and the test fails saying so. Nothing here imports vitest.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
/** tsx as a loader of this very Node (node_modules/.bin/tsx would start another node, found on PATH). */
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** How long one command may take: generous, for a loaded 2-core machine. */
export const CLI_TIMEOUT = 150_000;

export interface CliResult {
  /** Exit code; null when it was killed. */
  code: number | null;
  out: string;
  err: string;
}

/** Run `src/cli/<script>` (or a path from the project root) with `args`; resolves when it exits, whatever its code. */
export function runCli(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<CliResult> {
  const file = script.includes('/') ? join(ROOT, script) : join(ROOT, 'src/cli', script);
  const timeout = options.timeout ?? CLI_TIMEOUT;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, file, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${script} ${args.join(' ')} took more than ${timeout / 1000} s; its output so far:\n${out}${err}`));
    }, timeout);
    child.once('error', (e) => (clearTimeout(timer), fail(e)));
    child.once('close', (code) => (clearTimeout(timer), done({ code, out, err })));
  });
}
