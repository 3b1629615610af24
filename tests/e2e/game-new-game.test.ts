// A new game never silently replaces one in progress: it asks first, and keeping the old game is the
// default. Each game's announcements start afresh: nothing of the last game (its "The game is over.") is
// left in the screen-reader log of the next.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, screenshot, watchErrors } from './harness';
import { nextTurnFor, playOneMove, press, scene } from './game-kit';
import { lastMoveToGo, openWithSave, saveOf, statementsOfTurn } from './saves';

const env = browserAndVite({ reducedMotion: 'reduce' });

const saved = (page: Page) => page.evaluate(() => localStorage.getItem('reset.save'));
const moves = (save: string | null) => (JSON.parse(save ?? '{}') as { log?: { moves: unknown[] } }).log?.moves.length;

describe('a new game', () => {
  it('asks before replacing a game in progress; keeping it is the default and Escape keeps it', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithSave(page, env.url, saveOf(statementsOfTurn(2)));
    await scene(page, 'table');
    await press(page, 'button', 'Leave the table (the game is saved)');
    await scene(page, 'title');
    const before = await saved(page);
    expect(moves(before)).toBeGreaterThan(0);

    await press(page, 'button', 'New game');
    const dialog = page.getByRole('dialog', { name: 'Replace your saved game?' });
    await dialog.waitFor();
    await expect(dialog.getByText(/turn 2 of 12/).count()).resolves.toBe(1);
    // The focus is on the safe choice: Enter keeps the game.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Keep my saved game');
    await screenshot(page, 'game-new-game-confirm');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await saved(page)).toBe(before);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('New game');

    await press(page, 'button', 'New game');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await saved(page)).toBe(before);
    await expect(page.getByRole('button', { name: 'Resume saved game' }).count()).resolves.toBe(1);

    await press(page, 'button', 'New game');
    await dialog.waitFor();
    await press(page, 'button', 'Start a new game');
    await scene(page, 'briefing');
    expect(moves(await saved(page))).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("starts with an empty announcement log: the last game's end is not in it", async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithSave(page, env.url, saveOf(lastMoveToGo()));
    for (let i = 0; i < 5 && (await nextTurnFor(page)) !== 'debrief'; i++) await playOneMove(page);
    await scene(page, 'debrief');
    await expect(page.locator('#live').textContent()).resolves.toContain('The game is over.');
    // A finished game is not asked about: it is over, its debrief stays on offer until a new one starts.
    await press(page, 'button', 'Back to the title');
    await scene(page, 'title');
    await press(page, 'button', 'New game');
    await scene(page, 'briefing');
    await press(page, 'button', 'Go to the table');
    await scene(page, 'table');
    await press(page, 'button', 'Conciliatory statement');
    await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('United States made a conciliatory statement.'));
    expect(await page.locator('#live').textContent()).not.toContain('The game is over.');
    expect(errors).toEqual([]);
    await page.close();
  });
});
