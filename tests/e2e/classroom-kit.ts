// The classroom as a teacher runs it: a production build of the pages, and the server as a real process
// (`tsx src/net/server/main.ts`) on a free loopback port with its own data folder, killable and restartable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './harness';
import { EVENT_TIMEOUT } from '../waiting';

/** `vite build` with the project's config (game, teacher and student pages) into a temporary folder. */
export async function buildPages(): Promise<{ outDir: string; remove(): void }> {
  const base = ((await import(join(ROOT, 'vite.config.ts'))) as { default: InlineConfig }).default;
  const outDir = mkdtempSync(join(tmpdir(), 'reset-classroom-build-'));
  await build({ ...base, root: ROOT, configFile: false, logLevel: 'error', build: { ...base.build, outDir, emptyOutDir: true } });
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

export { freePort, startServer, type ServerProcess } from '../classroom-server';

/** Activate a button from the keyboard, as a student without a mouse would. */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().press('Enter');
}

/** The page's top heading, e.g. "Russia · Table 1 · Turn 3 of 12: Public statements". */
export async function expectHeading(page: Page, text: RegExp, timeout = EVENT_TIMEOUT): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout, interval: 100 }).toMatch(text);
}
