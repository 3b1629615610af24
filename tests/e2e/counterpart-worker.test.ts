// The computer counterpart thinks in a Web Worker: its decisions come back from the worker (which reports the time
// each took) while the page's own thread only sends the game and reads the answer.
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors } from './harness';
import { nextTurnFor, openFresh, playOneMove, setUp, toTable } from './game-kit';

const env = browserAndVite({ reducedMotion: 'reduce' });

describe('the counterpart in the browser', () => {
  it('decides in its worker, and the page plays on to the next turn', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(() => ((window as unknown as { __counterpartTimes: unknown }).__counterpartTimes = { worker: [], main: [] }));
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States' });
    await page.selectOption('#difficulty', 'hard');
    await toTable(page);
    for (let i = 0; i < 8; i++) {
      if ((await nextTurnFor(page)) !== 'move') break;
      await playOneMove(page);
    }
    const times = await page.evaluate(() => (window as unknown as { __counterpartTimes: { worker: number[]; main: number[] } }).__counterpartTimes);
    // Every answer the computer gave came from the worker, and the page's thread spent little on each.
    expect(times.worker.length).toBeGreaterThan(2);
    expect(times.main.length).toBe(times.worker.length);
    expect(Math.max(...times.main)).toBeLessThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });
});
