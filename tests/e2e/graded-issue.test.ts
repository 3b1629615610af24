// A graded issue in the accessible layer at the table: one choice among its options (or none), by keyboard; choosing
// another option replaces the first in the package, as moving the card's setting on the canvas does.
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors } from './harness';
import { scene } from './game-kit';
import { advance } from '../unit/engine-test-kit';
import { SCENARIO, SEED, openWithSave, saveOf } from './saves';
import { createGame } from '../../src/engine';

const env = browserAndVite({ reducedMotion: 'reduce' });

describe('a graded issue at the table', () => {
  it('holds one option in the package, chosen and changed by keyboard', async () => {
    const state = advance(SCENARIO, createGame(SCENARIO, SEED), (g) => g.phase === 'proposals' && g.initiative === 'us');
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithSave(page, env.url, saveOf(state));
    await scene(page, 'table');
    const given = () => page.evaluate(() => [...(window as unknown as { resetGame: { store: { draft: { give: Set<string> } } } }).resetGame.store.draft.give]);
    const radio = (name: RegExp) => page.getByRole('radio', { name });
    // The warhead ceiling: "Not in the package" and three options, in one group named by its track.
    const ceiling = page.getByRole('group', { name: 'Arms control (START replacement)' });
    await expect(ceiling.getByRole('radio').count()).resolves.toBe(4);
    await radio(/^Deeper cuts in deployed warheads/).focus();
    await page.keyboard.press('Space');
    await expect.poll(given).toEqual(['start-deep-cuts']);
    // Another option replaces it (arrow keys move within the group, as in any radio group).
    await page.keyboard.press('ArrowDown');
    await expect.poll(given).toEqual(['start-cuts-deepest']);
    expect(await radio(/^Deeper cuts in deployed warheads/).isChecked()).toBe(false);
    // "Not in the package" takes it out.
    await ceiling.getByRole('radio', { name: /^Not in the package/ }).check();
    await expect.poll(given).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
