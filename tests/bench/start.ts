// How long a newcomer waits: from typing `npm start` in a checkout to the title screen's "New game" button being
// clickable in a browser with a fresh profile (nothing cached). The browser is already open (a person's is), so its
// launch is not counted; `npm start` (build when dist/ is out of date, then vite preview) and the first page load are.
//   npm run bench:start -- [checkout]     (default: this one; it needs its node_modules installed)
// npm start listens on 127.0.0.1:5173 (--strictPort): on a shared machine run it in a network namespace of its own,
//   unshare -n sh -c 'ip link set lo up && npx tsx tests/bench/start.ts /tmp/fresh-clone'
// Delete the checkout's dist/ first to measure a first start with its build.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumInstall } from '../chromium';
import { until } from '../waiting';

const checkout = resolve(process.argv[2] ?? join(import.meta.dirname, '../..'));
const URL = 'http://127.0.0.1:5173/';
/** Generous, for a loaded 2-core machine: a build there takes tens of seconds. */
const LIMIT = 300_000;

const install = await chromiumInstall();
const profile = mkdtempSync(join(tmpdir(), 'reset-start-bench-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: install.executablePath, env: install.env, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 720 } });
const output: string[] = [];
const started = performance.now();
const npm = spawn('npm', ['start'], { cwd: checkout, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
npm.stdout.on('data', (d: Buffer) => output.push(d.toString()));
npm.stderr.on('data', (d: Buffer) => output.push(d.toString()));
const exited = new Promise<void>((r) => npm.once('exit', () => r()));
const since = () => ((performance.now() - started) / 1000).toFixed(1);
try {
  const answers = () =>
    fetch(URL).then(
      (r) => r.ok,
      () => false,
    );
  await until(async () => (npm.exitCode !== null ? Promise.reject(new Error(`npm start exited (${npm.exitCode}): ${output.join('')}`)) : answers()), 'npm start to answer on 5173', LIMIT);
  const serving = since();
  const page = await context.newPage();
  const navigated = performance.now();
  await page.goto(URL);
  // Clickable: visible, stable, enabled and the topmost element at its place (a trial click checks all that, clicks nothing).
  await page.getByRole('button', { name: 'New game' }).click({ trial: true, timeout: LIMIT });
  const title = since();
  const load = ((performance.now() - navigated) / 1000).toFixed(1);
  const built = /Built in ([\d.]+) s/.exec(output.join(''))?.[1];
  console.log(`npm start -> playable title: ${title} s (server answering at ${serving} s${built ? `, of which the build ${built} s` : ', no build: dist/ up to date'}; page load to "New game" clickable ${load} s); load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  try {
    process.kill(-npm.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await exited;
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
