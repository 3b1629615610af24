// Phaser draws only while something changes or moves: at a table where nothing moves its loop sleeps (no frame
// drawn while the browser draws dozens), a move wakes it while the meters animate, and it sleeps again after;
// a new window size wakes it too, and a click on the canvas still reaches the statement chips while it sleeps.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, watchErrors } from './harness';
import { animationFrames } from '../waiting';
import { clickCanvas, scene } from './game-kit';
import { openWithSave, saveOf, statementsOfTurn } from './saves';

const env = browserAndVite();

type Loop = { frame: number; running: boolean };
const loop = (page: Page) => page.evaluate(() => {
  const l = (window as unknown as { resetGame: { game: { loop: Loop } } }).resetGame.game.loop;
  return { frame: l.frame, running: l.running };
});
const asleep = (page: Page) => page.waitForFunction(() => !(window as unknown as { resetGame: { game: { loop: Loop } } }).resetGame.game.loop.running);

describe('no redraw at an idle table', () => {
  it('sleeps while nothing moves, draws while the meters move, and wakes for a click and a new size', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithSave(page, env.url, saveOf(statementsOfTurn(2)));
    await scene(page, 'table');
    // The art comes a moment after the table (a lazy import) and is drawn when it arrives: wait for it first.
    await page.waitForFunction(() => document.body.dataset.art === 'ready');
    await asleep(page);
    const rest = await loop(page);
    await animationFrames(page, 40); // the browser draws 40 frames…
    expect((await loop(page)).frame).toBe(rest.frame); // …and Phaser none

    // A click on the canvas reaches a statement chip while the loop sleeps; the move's meters animate (Phaser
    // draws), then the table is still again.
    await clickCanvas(page, 'statement:conciliatory');
    await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('United States made a conciliatory statement.'));
    await page.waitForFunction((f) => (window as unknown as { resetGame: { game: { loop: Loop } } }).resetGame.game.loop.frame > f + 10, rest.frame);
    // The computer answers (its own statement, the next phase): each change is drawn; then it is the player's move.
    await page.waitForFunction(() => (window as unknown as { resetGame: { store: { humanToAct(): string | null } } }).resetGame.store.humanToAct() !== null);
    await asleep(page);
    const after = await loop(page);
    await animationFrames(page, 20);
    expect((await loop(page)).frame).toBe(after.frame);

    // A key for the canvas (L opens the ledger) is taken while the loop sleeps.
    await asleep(page);
    await page.locator('#game').click({ position: { x: 5, y: 5 } }); // focus away from the panel's controls
    await page.keyboard.press('l');
    await page.getByRole('button', { name: 'Close ledger' }).waitFor();

    // A new size: drawn again at the new size, then asleep.
    await asleep(page);
    const before = await loop(page);
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.waitForFunction((f) => (window as unknown as { resetGame: { game: { loop: Loop } } }).resetGame.game.loop.frame > f, before.frame);
    await asleep(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
