// The table is drawn at the screen's own pixels at any window size and device pixel ratio: Phaser's canvas and
// the board under it have as many pixels as they cover on the screen (CSS size × devicePixelRatio), and their
// texts are rendered at that scale, not drawn at 900×720 and stretched. Screenshots at 1366×768 and 1920×1080,
// at ratios 1 and 2, are saved for looking at.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startViteServer, screenshot, watchErrors } from './harness';
import { animationFrames } from '../waiting';
import { scene } from './game-kit';
import { openWithSave, russianOffer, saveOf } from './saves';

interface Pixels {
  css: { width: number; height: number };
  canvas: { width: number; height: number };
  board: { width: number; height: number };
  /** The meters' notes' layer over the board. */
  notes: { width: number; height: number };
  dpr: number;
  /** The resolution every text on the table is rendered at, per world unit. */
  textResolutions: number[];
}

async function pixels(page: Page): Promise<Pixels> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#game canvas')!;
    const board = document.querySelector<HTMLCanvasElement>('canvas[data-board="table"]')!;
    const notes = document.querySelector<HTMLCanvasElement>('canvas[data-board="notes"]')!;
    const box = canvas.getBoundingClientRect();
    type Obj = { type: string; style?: { resolution: number }; list?: Obj[] };
    const game = (window as unknown as { resetGame: { game: { scene: { getScene(k: string): { children: { list: Obj[] } } } } } }).resetGame.game;
    const res: number[] = [];
    const walk = (o: Obj) => {
      if (o.type === 'Text') res.push(o.style!.resolution);
      for (const c of o.list ?? []) walk(c);
    };
    for (const o of game.scene.getScene('table').children.list) walk(o);
    return {
      css: { width: box.width, height: box.height },
      canvas: { width: canvas.width, height: canvas.height },
      board: { width: board.width, height: board.height },
      notes: { width: notes.width, height: notes.height },
      dpr: devicePixelRatio,
      textResolutions: [...new Set(res)],
    };
  });
}

describe('crisp at any size and pixel ratio', () => {
  for (const dpr of [1, 2]) {
    it(`device pixel ratio ${dpr}: the table has one pixel per device pixel at 1366×768 and 1920×1080`, async () => {
      const vite = await startViteServer();
      const browser = await launchBrowser([], { reducedMotion: 'reduce', deviceScaleFactor: dpr, viewport: { width: 1366, height: 768 } });
      try {
        const page = await browser.context.newPage();
        const errors = watchErrors(page);
        await openWithSave(page, vite.url, saveOf(russianOffer()));
        await scene(page, 'table');
        for (const [width, height] of [
          [1366, 768],
          [1920, 1080],
        ]) {
          await page.setViewportSize({ width, height });
          await page.waitForFunction(([w, h]) => innerWidth === w && innerHeight === h, [width, height]);
          // Fitted once the canvas has the pixels of its box (ResizeObserver → setGameSize).
          await page.waitForFunction(() => {
            const c = document.querySelector<HTMLCanvasElement>('#game canvas')!;
            return Math.abs(c.width - c.getBoundingClientRect().width * devicePixelRatio) <= 1;
          });
          await animationFrames(page, 5);
          const p = await pixels(page);
          expect(p.dpr).toBe(dpr);
          // The table fills its box (900×720 fitted): bigger than 900 wide on both screens.
          expect(p.css.width).toBeGreaterThan(width === 1920 ? 1300 : 900);
          for (const c of [p.canvas, p.board, p.notes]) {
            expect(Math.abs(c.width - p.css.width * dpr)).toBeLessThanOrEqual(1);
            expect(Math.abs(c.height - p.css.height * dpr)).toBeLessThanOrEqual(1);
          }
          const zoom = p.canvas.width / 900;
          // The board's texts (and the notes') are drawn onto its pixels; Phaser's own (a dragged card's) at the same zoom.
          for (const r of p.textResolutions) expect(r).toBe(zoom);
          await screenshot(page, `crisp-table-${width}x${height}-dpr${dpr}`);
        }
        // The hand-off's emblem and title, at the last size.
        await page.getByRole('button', { name: 'Leave the table (the game is saved)' }).click();
        await scene(page, 'title');
        await animationFrames(page, 5);
        await screenshot(page, `crisp-title-1920x1080-dpr${dpr}`);
        expect(errors).toEqual([]);
        await page.close();
      } finally {
        await browser.close();
        await vite.server.close();
      }
    });
  }
});
