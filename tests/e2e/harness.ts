// Shared browser-test harness: Chromium (tests/chromium.ts) driven by playwright-core, and a Vite server
// on 127.0.0.1. One way to do it for every e2e test file.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumInstall } from '../chromium';
import { EVENT_TIMEOUT } from '../waiting';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with its own temporary profile. */
export async function launchBrowser(
  extraArgs: string[] = [],
  options: { viewport?: { width: number; height: number }; reducedMotion?: 'reduce' | 'no-preference'; deviceScaleFactor?: number } = {},
): Promise<Browser> {
  const install = await chromiumInstall();
  const profile = mkdtempSync(join(tmpdir(), 'reset-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: install.executablePath,
    env: install.env,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: options.viewport ?? { width: 1280, height: 720 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  // Every wait and navigation of every page gets the same generous limit (Playwright's own default is 30 s).
  context.setDefaultTimeout(EVENT_TIMEOUT);
  context.setDefaultNavigationTimeout(EVENT_TIMEOUT);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The game's Vite dev server on a free loopback port. */
export async function startViteServer(): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('vite did not report a port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/**
 * The usual set-up of a browser test file: one Vite server and one fresh Chromium for the whole file,
 * started before its tests and closed after them. Read `browser` and `url` inside tests.
 */
export function browserAndVite(options: Parameters<typeof launchBrowser>[1] = {}): { readonly browser: Browser; readonly url: string } {
  let vite: Awaited<ReturnType<typeof startViteServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    vite = await startViteServer();
    browser = await launchBrowser([], options);
  });
  afterAll(async () => {
    await browser?.close();
    await vite?.server.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll: use it inside a test');
      return browser;
    },
    get url() {
      if (!vite) throw new Error('the Vite server starts in beforeAll: use it inside a test');
      return vite.url;
    },
  };
}

/** Collect console errors and page errors: a page that logs errors fails its test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
