// The classroom as a teacher runs it: a production build of the pages, and the server as a real process
// (`tsx src/net/server/main.ts`) on a free loopback port with its own data folder, killable and restartable.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './harness';

/** `vite build` with the project's config (game, teacher and student pages) into a temporary folder. */
export async function buildPages(): Promise<{ outDir: string; remove(): void }> {
  const base = ((await import(join(ROOT, 'vite.config.ts'))) as { default: InlineConfig }).default;
  const outDir = mkdtempSync(join(tmpdir(), 'reset-classroom-build-'));
  await build({ ...base, root: ROOT, configFile: false, logLevel: 'error', build: { ...base.build, outDir, emptyOutDir: true } });
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

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

/** Start the classroom server process; resolves once it says where it listens. */
export async function startServer(port: number, dataDir: string, staticDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/net/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output.push(d.toString());
      if (output.join('').includes('Teacher page:')) resolve();
    });
    child.once('exit', (c) => reject(new Error(`the classroom server exited (${c}): ${output.join('')}`)));
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

/** Activate a button from the keyboard, as a student without a mouse would. */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().press('Enter');
}

/** The page's top heading, e.g. "Russia · Table 1 · Turn 3 of 12: Public statements". */
export async function expectHeading(page: Page, text: RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout, interval: 100 }).toMatch(text);
}
