// Browser figures from a production build (vite build into a temp folder, vite preview on 127.0.0.1)
// in headless Chromium: time to an interactive title screen, JavaScript gzipped, and frame times while
// meters animate. Targets: title < 1.0 s, JS < 300 KB gz, p99 frame < 20 ms.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ROOT, launchBrowser, watchErrors } from '../e2e/harness';
import { buildAndServe } from '../e2e/pages/production-build';

const GAME_HTML = join(ROOT, 'index.html');
/** Page loads for the time to the title (the first cold); the last one goes on to the table. BENCH_LOADS=1 for the frame times alone. */
const LOADS = Math.max(1, Number(process.env.BENCH_LOADS) || 6);
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

/**
 * CPU time (ms) used so far by this process's Chromium children, by process type (gpu-process, renderer,
 * browser…), from /proc (Linux; empty elsewhere). Frame times on a busy machine jump with whatever else runs;
 * the GPU process's CPU time per frame (SwiftShader's WebGL and the compositor) says what the page itself costs.
 */
function chromiumCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  if (!existsSync('/proc/self/stat')) return cpu;
  const parent = new Map<number, number>();
  const type = new Map<number, string>();
  const ticks = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes('chrom')) type.set(Number(d), /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser');
    } catch {
      // the process ended meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  for (const [pid, t] of type) if (mine(pid)) cpu.set(t, (cpu.get(t) ?? 0) + (ticks.get(pid)! * 1000) / 100); // USER_HZ is 100 on Linux
  return cpu;
}

/** Frame times over `ms`, with the Chromium processes' CPU time per frame over the same span. */
async function sample(page: Page, ms: number): Promise<{ deltas: number[]; cpu: string }> {
  const before = chromiumCpu();
  const deltas = await frameTimes(page, ms);
  const after = chromiumCpu();
  const per = (t: string) => ((after.get(t) ?? 0) - (before.get(t) ?? 0)) / Math.max(1, deltas.length);
  const cpu = after.size ? `; CPU per frame: GPU process ${per('gpu-process').toFixed(1)} ms, renderer ${per('renderer').toFixed(1)} ms` : '';
  return { deltas, cpu };
}

/** Phaser's own frame counter (game.loop.frame): how many times it has stepped and drawn. */
async function phaserFrames(page: Page): Promise<number> {
  return page.evaluate('window.resetGame.game.loop.frame');
}

/** Wait until the table has settled: its scene created and no tween running in any scene. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const game = window.resetGame.game;
      const table = game.scene.getScene('table');
      if (!table || !game.scene.isActive('table')) return false;
      return game.scene.getScenes(true).every((s) => s.tweens.getTweens().length === 0);
    })()`,
    undefined,
    { timeout: 20_000 },
  );
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

/** The table's cards and buttons in page pixels (the table scene's hitAreas), by a string: see frameTimes. */
async function canvasTargets(page: Page): Promise<{ id: string; x: number; y: number }[]> {
  return page.evaluate(`(() => {
    const box = document.querySelector('#game canvas').getBoundingClientRect();
    const k = box.width / 900;
    return window.resetGame.game.scene.getScene('table').hitAreas().map((h) => ({ id: h.id, x: box.x + (h.x + h.w / 2) * k, y: box.y + (h.y + h.h / 2) * k }));
  })()`);
}

/** Frame times while a card is dragged across the table and dropped on it (the proposals of the turn the statement began). */
async function dragSample(page: Page): Promise<void> {
  await page.waitForFunction(`window.resetGame.game.scene.getScene('table').hitAreas().some((h) => h.id.startsWith('card:give:'))`, undefined, { timeout: 20_000 }).catch(() => {});
  const targets = await canvasTargets(page);
  const card = targets.find((t) => t.id.startsWith('card:give:'));
  const zone = targets.find((t) => t.id === 'package-zone');
  if (!card || !zone) return console.log('drag: no card to drag on the table (not the proposals phase)');
  await page.mouse.move(card.x, card.y);
  await page.mouse.down();
  const frames = frameTimes(page, 2000);
  const before = chromiumCpu();
  for (let i = 1; i <= 40; i++) await page.mouse.move(card.x + ((zone.x - card.x) * i) / 40, card.y + ((zone.y - card.y) * i) / 40);
  await page.mouse.up();
  const deltas = await frames;
  const after = chromiumCpu();
  const gpu = ((after.get('gpu-process') ?? 0) - (before.get('gpu-process') ?? 0)) / Math.max(1, deltas.length);
  const placed = (await canvasTargets(page)).some((t) => t.id.startsWith('package:give:'));
  console.log(`frame time over 2 s while a card is dragged onto the table (${placed ? 'dropped on it' : 'NOT dropped'}): median ${median(deltas).toFixed(1)} ms, p99 ${quantile(deltas, 0.99).toFixed(1)} ms, ${deltas.length} frames; GPU process ${gpu.toFixed(1)} ms per frame`);
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
    for (let i = 0; i < LOADS; i++) {
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
      if (i < LOADS - 1) await page.close();
      else {
        // 2. Frame times on the last page: into the table, make a statement, sample while meters move.
        let where = 'title scene (check page: tweens running)';
        if (hasGame) {
          const idle = await sample(page, 1500);
          console.log(`frame time over 1.5 s on the title (baseline): median ${median(idle.deltas).toFixed(1)} ms, p99 ${quantile(idle.deltas, 0.99).toFixed(1)} ms${idle.cpu}`);
          const atTable = await reachTable(page);
          if (atTable) {
            // The table at rest: nothing moves, so Phaser should draw nothing (issue 17: "near zero").
            await settled(page);
            const drawnBefore = await phaserFrames(page);
            const rest = await sample(page, 3000);
            const drawn = (await phaserFrames(page)) - drawnBefore;
            console.log(
              `idle table over 3 s: ${drawn} frames drawn by Phaser of ${rest.deltas.length} browser frames${rest.cpu} (target: GPU process near zero)`,
            );
            const statement = page.getByRole('button', { name: /conciliatory/i }).first();
            if ((await statement.count()) > 0) {
              await statement.focus();
              await page.keyboard.press('Enter');
              where = 'table, after a conciliatory statement (meters animating)';
            } else where = 'table (no statement button found by role)';
          } else where = 'could not reach the table by keyboard; sampled the current scene';
        }
        const { deltas, cpu } = await sample(page, 3000);
        if (hasGame) await page.screenshot({ path: join(ROOT, 'tests/e2e/screenshots/bench-table.png') });
        console.log(`frame time over 3 s in ${where}: median ${median(deltas).toFixed(1)} ms, p99 ${quantile(deltas, 0.99).toFixed(1)} ms, ${deltas.length} frames (target p99 < 20 ms)${cpu}`);
        if (hasGame) await dragSample(page);
        await page.close();
      }
    }
    console.log(`navigation → title interactive: cold ${times[0].toFixed(0)} ms${LOADS > 1 ? `, warm median ${median(times.slice(1)).toFixed(0)} ms` : ''} (target < 1000 ms)`);
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    console.log(`JavaScript loaded for the title, gzipped: ${kb(total)} in ${scripts.size} file(s) (target < 300 KB)`);
    for (const [file, size] of [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${kb(size).padStart(9)}  ${file}`);
    if (errors.length) console.log(`console errors on the last load: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    await served.close();
  }
}
