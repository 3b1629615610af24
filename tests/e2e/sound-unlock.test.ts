// Sound in real Chromium: silent until the player's first real gesture; mute and volume survive a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, watchErrors } from './harness';
import type { SoundStatus } from '../../src/audio/sound';

const env = browserAndVite();

// Read through the page's own status line. (page.evaluate grants user activation in Chromium,
// which is why sound.ts unlocks on trusted input events only; the first test relies on that.)
async function status(page: Page): Promise<SoundStatus> {
  await page.waitForFunction(() => document.querySelector('#status')!.textContent !== '');
  return JSON.parse((await page.textContent('#status'))!) as SoundStatus;
}

/**
 * A status line written after whatever the test just did. The page writes one every 150 ms, each after asking for a
 * meter sound, which is dropped while sound is locked or muted: a line that counts more drops than the one on screen now
 * came later.
 */
async function nextStatus(page: Page): Promise<SoundStatus> {
  const now = await status(page);
  await page.waitForFunction((dropped) => (JSON.parse(document.querySelector('#status')!.textContent!) as SoundStatus).dropped > dropped, now.dropped);
  return status(page);
}

describe('sound', () => {
  it('plays nothing before the first gesture, and plays after a real click', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}/tests/e2e/pages/sound.html`);
    // The page has asked for music, an event and meter sounds meanwhile.
    await page.waitForFunction(() => (JSON.parse(document.querySelector('#status')!.textContent || '{"dropped":0}') as SoundStatus).dropped >= 3);
    const before = await status(page);
    expect(before.unlocked).toBe(false);
    expect(before.loaded).toBe(false); // howler is not even loaded yet
    expect(before.dropped).toBeGreaterThanOrEqual(3);
    expect(Object.values(before.played).every((n) => n === 0)).toBe(true);
    expect(before.ambient).toBe(false);
    // Even with the activation page.evaluate grants, a script-made click does not unlock sound.
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('#propose')!.click());
    expect((await nextStatus(page)).unlocked).toBe(false);

    const box = (await page.locator('#propose').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => {
      const s = JSON.parse(document.querySelector('#status')!.textContent!) as SoundStatus;
      return s.played.proposal >= 1 && s.ambient;
    });
    const after = await status(page);
    expect(after.unlocked).toBe(true);
    expect(after.context).toBe('running');
    expect(after.played.proposal).toBeGreaterThanOrEqual(1);
    expect(after.played.meterUp).toBeGreaterThanOrEqual(1); // later sounds play too
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps mute and volume across a reload, and a muted game stays silent', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}/tests/e2e/pages/sound.html`);
    await page.getByRole('checkbox', { name: 'Mute' }).click();
    const slider = page.getByRole('slider', { name: 'Volume' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Mute' }).isChecked()).toBe(true);
    expect(Number(await slider.inputValue())).toBeCloseTo(0.4);

    await page.getByRole('button', { name: 'Propose' }).click();
    const muted = await nextStatus(page);
    expect(muted.unlocked).toBe(true);
    expect(muted.played.proposal).toBe(0);

    await page.getByRole('checkbox', { name: 'Mute' }).click();
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.waitForFunction(() => (JSON.parse(document.querySelector('#status')!.textContent!) as SoundStatus).played.proposal >= 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
