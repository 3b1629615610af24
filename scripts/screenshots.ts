// docs/screenshots/: the briefing, a turn with a package on the table, and the debrief, at 1366×768 and 1920×1080,
// taken in the same headless Chromium as the browser tests. Run `npm run screenshots` after changing what they show,
// and look at them before committing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, startViteServer, watchErrors } from '../tests/e2e/harness';
import { canvasHits, press, scene } from '../tests/e2e/game-kit';
import { finishedGame, openWithSave, saveOf, statementsOfTurn } from '../tests/e2e/saves';
import { animationFrames } from '../tests/waiting';

const OUT = join(ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });
const vite = await startViteServer();
try {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    const browser = await launchBrowser([], { viewport: { width, height }, reducedMotion: 'reduce' });
    try {
      const page = await browser.context.newPage();
      // tsx names the functions it compiles with a helper the page lacks (the kit's evaluate() callbacks)
      await page.addInitScript('window.__name = (f) => f');
      const errors = watchErrors(page);
      const shot = async (name: string) => {
        await animationFrames(page, 5);
        await page.screenshot({ path: join(OUT, `${name}-${width}x${height}.png`) });
      };
      // The briefing of a new game (the United States in 2009).
      await openWithSave(page, vite.url, saveOf(statementsOfTurn(3)));
      await scene(page, 'table');
      await page.waitForFunction(() => document.body.dataset.art === 'ready');
      await press(page, 'button', 'Leave the table (the game is saved)');
      await scene(page, 'title');
      await press(page, 'button', 'New game');
      await page.getByRole('dialog').waitFor();
      await press(page, 'button', 'Start a new game');
      await scene(page, 'briefing');
      await shot('briefing');
      // Turn 3 of a game under way: a statement, then a package built on the table by dragging cards.
      await openWithSave(page, vite.url, saveOf(statementsOfTurn(3)));
      await scene(page, 'table');
      await page.waitForFunction(() => document.body.dataset.art === 'ready');
      const click = async (id: string) => {
        const h = (await canvasHits(page)).find((x) => x.id === id)!;
        await page.mouse.click(h.x, h.y);
      };
      await click('statement:conciliatory');
      await page.getByRole('heading', { name: 'Build a package' }).waitFor();
      for (const id of [/^card:give:issue:/, /^card:ask:(?!issue:)/, /^card:give:(?!issue:)/]) {
        const hits = await canvasHits(page);
        const card = hits.find((h) => id.test(h.id))!;
        const zone = hits.find((h) => h.id === 'package-zone')!;
        await page.mouse.move(card.x, card.y);
        await page.mouse.down();
        await page.mouse.move(zone.x, zone.y, { steps: 8 });
        await page.mouse.up();
      }
      // The meters' notes of the statements still show, each in the line kept for it under its bar.
      await shot('table-package');
      // The debrief of a finished game.
      await openWithSave(page, vite.url, saveOf(finishedGame()));
      // A save without a summary replays into its debrief; one with a summary offers it on the title.
      if ((await page.evaluate('document.body.dataset.scene')) === 'title') await page.getByRole('button', { name: 'View the last debrief' }).click();
      await scene(page, 'debrief');
      await page.getByRole('heading', { name: /Debrief/, level: 1 }).waitFor();
      await shot('debrief');
      if (errors.length) throw new Error(`the page logged errors: ${errors.join('\n')}`);
      console.log(`${width}×${height}: briefing, table-package, debrief`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await vite.server.close();
}
