// A whole game against the computer, by keyboard only, to the debrief; the game's moves and meter
// changes are announced in words; reloading mid-game resumes where it was.
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors, screenshot } from './harness';
import { nextTurnFor, openFresh, playOneMove, press, scene, setUp, toTable } from './game-kit';

// Reduced motion: the computer's moves come after a short pause instead of a long one.
const env = browserAndVite({ reducedMotion: 'reduce' });

describe('against the computer', () => {
  it('plays a whole game by keyboard to the debrief', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States' });
    await toTable(page);
    const did: string[] = [];
    let proposedOnce = false;
    for (let i = 0; i < 200; i++) {
      const next = await nextTurnFor(page);
      if (next === 'debrief') break;
      const move = await playOneMove(page, { propose: !proposedOnce });
      if (move === 'propose') {
        proposedOnce = true;
        await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('the package'), undefined, { timeout: 10_000 });
        await screenshot(page, 'game-table-answer');
      }
      did.push(move);
    }
    await scene(page, 'debrief');
    expect(did).toContain('statement');
    expect(did).toContain('propose');
    // Every move was said in words, with the meters it moved.
    const live = await page.locator('#live').textContent();
    expect(live).toMatch(/trust|support|escalation/i);
    await expect(page.getByRole('heading', { name: /Debrief/, level: 1 }).count()).resolves.toBe(1);
    await page.waitForTimeout(300);
    await screenshot(page, 'game-debrief');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000); // a whole game of many turns: generous for a loaded machine

  it('resumes a game after a reload, and a broken save gives a message and a fresh start', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'Russia' });
    await toTable(page);
    await nextTurnFor(page);
    await press(page, 'button', 'Hostile statement');
    await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('hostile statement'));
    await nextTurnFor(page); // Russia's next move: nothing changes until it is made
    const before = { meters: await page.locator('.meters').textContent(), status: await page.getByRole('heading', { level: 2 }).first().textContent() };
    expect(before.meters).toMatch(/Russia's trust in United States: \d+/);
    await page.reload();
    await scene(page, 'table');
    await nextTurnFor(page);
    expect(await page.locator('.meters').textContent()).toBe(before.meters);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(before.status);

    // Leaving the table keeps the game: the title offers to resume it.
    await press(page, 'button', 'Leave the table (the game is saved)');
    await scene(page, 'title');
    await press(page, 'button', 'Resume saved game');
    await scene(page, 'table');
    await nextTurnFor(page);
    expect(await page.locator('.meters').textContent()).toBe(before.meters);

    await page.evaluate(() => localStorage.setItem('reset.save', '{"version": 1, "log": tru'));
    await page.reload();
    await scene(page, 'title');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/saved game could not be read.*fresh start/i);
    await screenshot(page, 'game-save-recovery');
    await page.evaluate(() => localStorage.setItem('reset.save', JSON.stringify({ version: 99 })));
    await page.reload();
    await scene(page, 'title');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/another version/i);
    // The fresh start works.
    await toTable(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
