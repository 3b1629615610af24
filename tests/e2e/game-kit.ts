// Keyboard-only steps through the game's accessible layer, shared by the game-*.test.ts files.
import type { Page } from 'playwright-core';

export async function press(page: Page, role: 'button' | 'checkbox' | 'radio', name: string | RegExp): Promise<void> {
  const target = page.getByRole(role, { name }).first();
  await target.focus();
  await page.keyboard.press(role === 'button' ? 'Enter' : 'Space');
}

export async function scene(page: Page, name: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((n) => document.body.dataset.scene === n, name, { timeout });
}

/** On the title screen: pick a scenario by its visible title with the keyboard, a side and an opponent. */
export async function setUp(page: Page, opts: { scenario?: RegExp; side?: 'United States' | 'Russia'; opponent?: 'computer' | 'hotseat' } = {}): Promise<void> {
  await scene(page, 'title');
  if (opts.scenario) {
    const select = page.getByRole('combobox', { name: 'Scenario' });
    const labels = await select.locator('option').allTextContents();
    const index = labels.findIndex((l) => opts.scenario!.test(l));
    if (index < 0) throw new Error(`no scenario ${opts.scenario} among ${labels.join(' | ')}`);
    await select.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  }
  if (opts.side) await press(page, 'radio', opts.side);
  if (opts.opponent === 'hotseat') await press(page, 'radio', /second player/i);
}

export async function toTable(page: Page): Promise<void> {
  await press(page, 'button', 'New game');
  await scene(page, 'briefing');
  await press(page, 'button', 'Go to the table');
  await scene(page, 'table');
}

/** Open the game with no saved game in this browser profile. */
export async function openFresh(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
}
