// The production build uses a custom Phaser entry (src/ui/phaser-custom): build it, serve it with
// vite preview, and check in Chromium that every Phaser feature the UI uses still works, and that
// the game's own page (once it exists) reaches its title scene, with no console errors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchBrowser, screenshot, watchErrors, type Browser } from './harness';
import { animationFrames } from '../waiting';
import { buildAndServe, type ServedBuild } from './pages/production-build';

const GAME_HTML = join(ROOT, 'index.html');
let served: ServedBuild;
let browser: Browser;

beforeAll(async () => {
  served = await buildAndServe({
    check: join(ROOT, 'tests/e2e/pages/phaser-build.html'),
    ...(existsSync(GAME_HTML) ? { game: GAME_HTML } : {}),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('production build with the custom Phaser core', () => {
  it('bundles a Phaser well under the full package size', () => {
    const js = readdirSync(join(served.outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const checkChunk = js.find((f) => f.startsWith('check-'))!;
    const gz = gzipSync(readFileSync(join(served.outDir, 'assets', checkChunk))).length;
    // The full Phaser ESM bundle alone is ~357 KB gzipped.
    expect(gz).toBeLessThan(260_000);
  });

  it('draws text, shapes, containers, images and tweens on WebGL and answers pointer and keyboard', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${served.url}/tests/e2e/pages/phaser-build.html`);
    await page.waitForSelector('body[data-scene="title"]');
    expect(await page.getAttribute('body', 'data-renderer')).toBe('webgl');
    await page.waitForFunction(() => Number(document.body.dataset.ticks) > 3); // time events run
    await page.mouse.click(190, 70); // inside the zone over the blue panel (1280×720 canvas at 1:1)
    await page.waitForSelector('body[data-clicked="yes"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-key="Enter"]');
    await screenshot(page, 'build-phaser-check');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.runIf(existsSync(GAME_HTML))('the built game reaches its title scene with no console errors', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${served.url}/`);
    await page.waitForSelector('body[data-scene="title"]');
    await animationFrames(page);
    await screenshot(page, 'build-title');
    expect(errors).toEqual([]);
    await page.close();
  });
});
