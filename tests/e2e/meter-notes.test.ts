// The meters' notes on the table: each in the one line kept for it under its bar, so that a long cause never runs
// over the next meter's label, and whole but for a long card title it quotes. A concession with a long title (2009's
// "Cancel the missile shield in Poland and the Czech Republic") is named shortened, its start kept; the ledger and the
// panel keep it whole.
import { describe, expect, it } from 'vitest';
import { browserAndVite, screenshot, watchErrors } from './harness';
import { scene } from './game-kit';
import { animationFrames } from '../waiting';
import { advance, giveable } from '../unit/engine-test-kit';
import { SCENARIO, SEED, must, openWithSave, saveOf } from './saves';
import { createGame } from '../../src/engine';

const env = browserAndVite({ reducedMotion: 'reduce' });
type TableScene = { paintedNotes?(): { text: string; cut: boolean }[] };
const notesOf = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const w = window as unknown as { resetGame: { game: { scene: { getScene(k: string): TableScene } } } };
    return w.resetGame.game.scene.getScene('table').paintedNotes?.() ?? [];
  });

describe("the meters' notes", () => {
  it('keep one line each when a signed package names a long card', async () => {
    // Russia offers a package that asks for the missile shield; the United States (the player) accepts it.
    const state = advance(SCENARIO, createGame(SCENARIO, SEED), (g) => g.phase === 'proposals' && g.initiative === 'ru');
    const offer = must(state, { type: 'propose', side: 'ru', give: [giveable(SCENARIO, state, 'ru')[0]], ask: ['cancel-shield'] });
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithSave(page, env.url, saveOf(offer));
    await scene(page, 'table');
    await page.getByRole('button', { name: 'Accept the package' }).click();
    await page.waitForFunction(() => {
      const w = window as unknown as { resetGame: { game: { scene: { getScene(k: string): TableScene } } } };
      return (w.resetGame.game.scene.getScene('table').paintedNotes?.() ?? []).some((n) => n.text.includes('conceded'));
    });
    await animationFrames(page, 3);
    await screenshot(page, 'table-meter-notes');
    const notes = await notesOf(page);
    const conceded = notes.find((n) => n.text.includes('conceded'))!;
    // The card is named by the start of its title, shortened where the line ends.
    expect(conceded.text).toMatch(/United States conceded "Cancel the missile[^"]*…"/);
    // Each in its one line whole: none had to be cut off at its end.
    for (const n of notes) expect(n, n.text).toMatchObject({ cut: false });
    // The panel's ledger keeps the cause whole.
    await expect(page.locator('#panel').textContent()).resolves.toContain('Cancel the missile shield in Poland and the Czech Republic');
    expect(errors).toEqual([]);
    await page.close();
  });
});
