// What the screen-reader log (the live region) and the table say is only what the player on screen may know:
// never the other side's statement before this side has spoken (statements are simultaneous), never a secret
// defection, and in a hot-seat game never the last player's announcements after the hand-off. A reload in
// hot-seat shows the hand-off first, never a side's table or brief.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, screenshot, watchErrors } from './harness';
import { press, scene } from './game-kit';
import { openWithSave, saveOf, signedAgreement, statementsOfTurn } from './saves';

const env = browserAndVite({ reducedMotion: 'reduce' });

const live = (page: Page) => page.locator('#live').textContent().then((t) => t ?? '');
const panel = (page: Page) => page.locator('#panel').innerText();

/** Record every screen the page shows and every line ever put in the live region, from the page's first script on. */
const RECORD = `window.__scenes = []; window.__live = [];
new MutationObserver(() => { const s = document.body && document.body.dataset.scene; if (s && window.__scenes[window.__scenes.length - 1] !== s) window.__scenes.push(s); })
  .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scene'] });
new MutationObserver((records) => { for (const r of records) if (r.target.id === 'live') for (const n of r.addedNodes) window.__live.push(n.textContent); })
  .observe(document, { childList: true, subtree: true });`;
const recorded = (page: Page) => page.evaluate(() => ({ scenes: (window as unknown as { __scenes: string[] }).__scenes, live: (window as unknown as { __live: string[] }).__live }));

describe('privacy of the player on screen', () => {
  it("hot-seat: the first player's statement is neither announced nor shown on the meters to the second until they have spoken too", async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(RECORD);
    await openWithSave(page, env.url, saveOf(statementsOfTurn(2), { opponent: 'hotseat' }));
    await press(page, 'button', 'Continue as United States');
    await scene(page, 'table');
    const meters = await page.locator('.meters').textContent();
    await press(page, 'button', 'Hostile statement');
    await scene(page, 'handoff');
    expect((await recorded(page)).live.join(' ')).toContain('United States made a hostile statement.'); // to its own player
    expect(await live(page)).toBe('Hand over to Russia.');
    await press(page, 'button', 'Continue as Russia');
    await scene(page, 'table');
    // Statements are simultaneous: Russia's player sees the meters as they were, and nothing of what was said.
    expect(await page.locator('.meters').textContent()).toBe(meters);
    expect(await live(page)).toBe('Hand over to Russia.');
    await press(page, 'button', 'Open ledger');
    expect(await panel(page)).not.toMatch(/United States made|United States' hostile statement/);
    // Once Russia has spoken, both statements are announced with their effects.
    await press(page, 'button', 'Conciliatory statement');
    await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('United States made a hostile statement.'));
    expect(await live(page)).toContain('Russia made a conciliatory statement.');
    expect(await page.locator('.meters').textContent()).not.toBe(meters);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hot-seat: a secret defection is not in the next player’s log or table, and a reload shows the hand-off, never a table or brief', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(RECORD);
    // Agreement A1 signed, both sides owing a card; Russia's player started the game, so Russia is asked first.
    await openWithSave(page, env.url, saveOf(signedAgreement(), { side: 'ru', opponent: 'hotseat' }));
    await scene(page, 'handoff');
    expect((await recorded(page)).scenes.filter((s) => s !== 'loading')).toEqual(['handoff']);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Hand over to Russia');
    await press(page, 'button', 'Continue as Russia');
    await scene(page, 'table');

    // Russia bluffs: its own log says so.
    await page.locator('button', { hasText: /^Defect A1$/ }).focus();
    await page.keyboard.press('Enter');
    await scene(page, 'handoff');
    const russiasLines = (await recorded(page)).live;
    expect(russiasLines.join(' ')).toContain('Russia chose to defect agreement A1.');

    // The United States' player takes the screen: the log holds nothing of Russia's turn, and the table shows the bluff.
    expect(await live(page)).toBe('Hand over to United States.');
    await press(page, 'button', 'Continue as United States');
    await scene(page, 'table');
    await expect(page.getByText(/^Your part: .+ \(not yet carried out\)\. Russia's part: .+ \(carried out, not verified\)\.$/).count()).resolves.toBe(1);
    await screenshot(page, 'game-hotseat-bluff');
    expect(await live(page)).not.toMatch(/defect/i);
    expect(await panel(page)).not.toMatch(/defect agreement|secretly not carried out/i);

    // A reload here: the hand-off to the side that must move, then its table; the log starts empty.
    await page.reload();
    await scene(page, 'handoff');
    const after = await recorded(page);
    expect(after.scenes.filter((s) => s !== 'loading')).toEqual(['handoff']);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Hand over to United States');
    await expect(page.getByText(/reopened/).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: /Confidential brief/ }).count()).resolves.toBe(0);
    expect(await panel(page)).not.toMatch(/Your part|You would give|cards you give/i);
    expect(after.live).toEqual(['Hand over to United States.']);
    await screenshot(page, 'game-hotseat-reopened');
    await press(page, 'button', 'Continue as United States');
    await scene(page, 'table');
    await expect(page.getByText('You are United States.').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
