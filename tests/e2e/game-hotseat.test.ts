// Two people at one screen: between their moves a hand-off screen hides the other side's brief and hand.
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors, screenshot } from './harness';
import { nextTurnFor, openFresh, playOneMove, press, scene, setUp, toTable } from './game-kit';

const env = browserAndVite({ reducedMotion: 'reduce' });

describe('hot-seat', () => {
  it('plays two turns with a hand-off that hides the other side between players; the second player reads their own briefing when first taking the seat', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States', opponent: 'hotseat' });
    await expect(page.getByRole('button', { name: 'New game' }).count()).resolves.toBe(1);
    await toTable(page);
    let handoffs = 0;
    let briefedRussia = false;
    for (let i = 0; i < 60; i++) {
      const next = await nextTurnFor(page);
      if (next === 'handoff') {
        handoffs++;
        const takes = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Hand over to ', '');
        // Neither side's confidential brief, nor a hand of cards, is on the hand-off screen.
        await expect(page.getByRole('heading', { name: /Confidential brief/ }).count()).resolves.toBe(0);
        await expect(page.getByRole('group', { name: /cards you give/i }).count()).resolves.toBe(0);
        if (handoffs === 1) await screenshot(page, 'game-handoff');
        await press(page, 'button', `Continue as ${takes}`);
        if (takes === 'Russia' && !briefedRussia) {
          // The second player's first time at the screen: their own briefing, never the first player's.
          await scene(page, 'briefing');
          await expect(page.getByRole('heading', { name: 'Confidential brief: Russia' }).count()).resolves.toBe(1);
          await expect(page.getByRole('heading', { name: /^The moment/ }).count()).resolves.toBe(1);
          await expect(page.getByRole('heading', { name: 'Confidential brief: United States' }).count()).resolves.toBe(0);
          await expect(page.getByText('Briefing for the Russia player only').count()).resolves.toBe(1);
          await screenshot(page, 'game-hotseat-second-briefing');
          await press(page, 'button', 'Go to the table');
          briefedRussia = true;
        }
        await scene(page, 'table');
        await expect(page.getByText(`You are ${takes}.`).count()).resolves.toBe(1);
        // The brief at the table is the new player's own.
        const own = takes === 'Russia' ? 'ru' : 'us';
        const other = own === 'ru' ? 'us' : 'ru';
        await page.getByText('Your confidential brief').focus();
        await page.keyboard.press('Enter'); // open the brief
        await expect(page.getByRole('heading', { name: `Confidential brief: ${takes}` }).count()).resolves.toBe(1);
        await expect(page.locator(`#brief-${other}-h`).count()).resolves.toBe(0);
        void own;
        continue;
      }
      const status = (await page.getByRole('heading', { level: 2 }).first().textContent())!;
      if (/^Turn 3 /.test(status)) break;
      await playOneMove(page, { propose: true });
    }
    expect(handoffs).toBeGreaterThanOrEqual(4);
    expect(briefedRussia).toBe(true); // and only once: later hand-offs go straight to the table
    expect(errors).toEqual([]);
    await page.close();
  });
});
