// A refusal that says why is read on the table as well as in the panel: the last answer on the drawn table names the
// reason the player picked, in the player's words.
import { describe, expect, it } from 'vitest';
import { browserAndVite, screenshot, watchErrors } from './harness';
import { scene } from './game-kit';
import { openWithSave, russianOffer, saveOf } from './saves';

const env = browserAndVite();

describe('a refusal with its reason', () => {
  it('shows on the table as the last answer, with the reason the player gave', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithSave(page, env.url, saveOf(russianOffer()));
    await scene(page, 'table');
    await page.getByRole('button', { name: 'Reject: it gives too little for what it asks' }).click();
    await page.waitForFunction(() => {
      const table = (window as unknown as { resetGame: { game: { scene: { getScene(k: string): { paintedTexts?(): string[] } } } } }).resetGame.game.scene.getScene('table');
      return (table.paintedTexts?.() ?? []).some((t) => /Last answer \(turn \d+\): United States rejected: it gives too little for what it asks\./.test(t));
    });
    await screenshot(page, 'table-refusal-reason');
    expect(errors).toEqual([]);
    await page.close();
  });
});
