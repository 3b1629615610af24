// Browser figures from a production build (vite build into a temp folder, vite preview on 127.0.0.1)
// in headless Chromium: time to an interactive title screen, JavaScript gzipped, and frame times while
// meters animate. Targets: title < 1.0 s, JS < 300 KB gz, p99 frame < 20 ms.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ROOT, launchBrowser, watchErrors } from '../e2e/harness';
import { buildAndServe } from '../e2e/pages/production-build';

const GAME_HTML = join(ROOT, 'index.html');
const CHECK_HTML = join(ROOT, 'tests/e2e/pages/phaser-build.html');

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Record, from inside the page, when body[data-scene] first becomes 'title' (ms since navigation start). */
const TITLE_WATCH = `(() => {
  const check = () => {
    if (document.body && document.body.dataset.scene === 'title' && !window.__titleAt) window.__titleAt = performance.now();
  };
  new MutationObserver(check).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scene'] });
})();`;

/** Walk from the title into the negotiation table by keyboard, through the accessible buttons. */
async function reachTable(page: Page): Promise<boolean> {
  const forward = /^(new game|start|begin|play|continue|to the table|go to the table|start negotiating|next|ready|i am ready)/i;
  for (let step = 0; step < 12; step++) {
    if ((await page.getAttribute('body', 'data-scene')) === 'table') return true;
    const button = page.getByRole('button', { name: forward }).first();
    if ((await button.count()) === 0) return false;
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
  }
  return (await page.getAttribute('body', 'data-scene')) === 'table';
}

/** requestAnimationFrame deltas over `ms` milliseconds. (A string: tsx would wrap a function in helpers the page lacks.) */
async function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else done(deltas.slice(1));
    };
    requestAnimationFrame(tick);
  })`);
}

export async function run(): Promise<void> {
  const hasGame = existsSync(GAME_HTML);
  const started = Date.now();
  const served = await buildAndServe(hasGame ? undefined : { check: CHECK_HTML });
  const path = hasGame ? '/' : '/tests/e2e/pages/phaser-build.html';
  console.log(`production build: ${Date.now() - started} ms${hasGame ? '' : ' (no index.html yet: measuring the Phaser check page, which sets data-scene=title once its scene is created)'}`);
  const browser = await launchBrowser();
  try {
    // 1. Time to interactive title, over several loads (the first with a cold cache).
    const times: number[] = [];
    let scripts = new Map<string, number>();
    let errors: string[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await browser.context.newPage();
      errors = watchErrors(page);
      const seen = new Map<string, number>();
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script' || r.url().endsWith('.js'))
          void r.body().then((b) => seen.set(new URL(r.url()).pathname, gzipSync(b).length), () => {});
      });
      await page.addInitScript(TITLE_WATCH);
      await page.goto(`${served.url}${path}`);
      await page.waitForFunction(() => (window as unknown as { __titleAt?: number }).__titleAt, undefined, { timeout: 20_000 });
      times.push(await page.evaluate(() => (window as unknown as { __titleAt: number }).__titleAt));
      await page.waitForTimeout(200);
      if (i === 0) scripts = seen;
      if (i < 5) await page.close();
      else {
        // 2. Frame times on the last page: into the table, make a statement, sample while meters move.
        let where = 'title scene (check page: tweens running)';
        if (hasGame) {
          const idle = await frameTimes(page, 1500);
          console.log(`frame time over 1.5 s on the title (baseline): median ${median(idle).toFixed(1)} ms, p99 ${quantile(idle, 0.99).toFixed(1)} ms`);
          const atTable = await reachTable(page);
          if (atTable) {
            const statement = page.getByRole('button', { name: /conciliatory/i }).first();
            if ((await statement.count()) > 0) {
              await statement.focus();
              await page.keyboard.press('Enter');
              where = 'table, after a conciliatory statement (meters animating)';
            } else where = 'table (no statement button found by role)';
          } else where = 'could not reach the table by keyboard; sampled the current scene';
        }
        const deltas = await frameTimes(page, 3000);
        if (hasGame) await page.screenshot({ path: join(ROOT, 'tests/e2e/screenshots/bench-table.png') });
        console.log(`frame time over 3 s in ${where}: median ${median(deltas).toFixed(1)} ms, p99 ${quantile(deltas, 0.99).toFixed(1)} ms, ${deltas.length} frames (target p99 < 20 ms)`);
        await page.close();
      }
    }
    console.log(`navigation → title interactive: cold ${times[0].toFixed(0)} ms, warm median ${median(times.slice(1)).toFixed(0)} ms (target < 1000 ms)`);
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    console.log(`JavaScript loaded for the title, gzipped: ${kb(total)} in ${scripts.size} file(s) (target < 300 KB)`);
    for (const [file, size] of [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${kb(size).padStart(9)}  ${file}`);
    if (errors.length) console.log(`console errors on the last load: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    await served.close();
  }
}
