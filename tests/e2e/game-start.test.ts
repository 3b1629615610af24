// The title screen loads cleanly, and each built-in scenario can be started and reaches the table by keyboard.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors, screenshot, ROOT } from './harness';
import { animationFrames } from '../waiting';
import { clickCanvas, scene, setUp, toTable, openFresh } from './game-kit';
import { loadScenarioText } from '../../src/scenario/load';
import { readFileSync } from 'node:fs';

const env = browserAndVite();

const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = loadScenarioText(readFileSync(join(ROOT, 'scenarios', f), 'utf8'), f);
    if (!r.ok) throw new Error(`${f} does not load`);
    return { file: f, title: typeof r.scenario.title === 'string' ? r.scenario.title : r.scenario.title.en, year: r.scenario.year };
  });

describe('title and setup', () => {
  it('shows the title screen with no console errors, and a loading bar before it', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(`window.__scenes = []; new MutationObserver(() => window.__scenes.push(document.body.dataset.scene)).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scene'] })`);
    await page.goto(env.url);
    await scene(page, 'title');
    const scenes = await page.evaluate(() => (window as unknown as { __scenes: string[] }).__scenes);
    expect(scenes.filter(Boolean)[0]).toBe('loading');
    await expect(page.getByRole('heading', { name: 'Reset', level: 1 }).count()).resolves.toBe(1);
    await expect(page.getByRole('combobox', { name: 'Scenario' }).locator('option').count()).resolves.toBe(scenarios.length);
    // Each scenario once, its year said once ("Reset 2009", not "Reset 2009 (2009)").
    const options = await page.getByRole('combobox', { name: 'Scenario' }).locator('option').allTextContents();
    for (const s of scenarios) expect(options.filter((o) => o.split(String(s.year)).length === 2 && o.startsWith(s.title))).toHaveLength(1);
    await animationFrames(page);
    await screenshot(page, 'game-title');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const s of scenarios) {
    it(`starts ${s.file} and reaches the negotiation table`, async () => {
      const page = await env.browser.context.newPage();
      const errors = watchErrors(page);
      await openFresh(page, env.url);
      await setUp(page, { scenario: new RegExp(`^${s.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), side: 'Russia' });
      await press(page);
      await scene(page, 'briefing');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(s.title);
      await expect(page.getByRole('heading', { name: /Confidential brief: Russia/ }).count()).resolves.toBe(1);
      if (s.file === 'reset-2009.yaml') await screenshot(page, 'game-briefing');
      await toTableFromBriefing(page);
      await expect(page.getByRole('heading', { name: /Turn 1 of/ }).count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: 'Conciliatory statement' }).count()).resolves.toBe(1);
      if (s.file === 'reset-2009.yaml') {
        await animationFrames(page);
        await screenshot(page, 'game-table');
        // A mouse click on the canvas's statement chip is the same move; the meters' notes float beside them.
        await clickCanvas(page, 'statement:neutral');
        await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('Russia made a neutral statement'));
        await animationFrames(page, 20); // the meters' notes under way
        await screenshot(page, 'game-table-meters-moving');
        await page.setViewportSize({ width: 1920, height: 1080 });
        await page.waitForFunction(() => innerWidth === 1920);
        await animationFrames(page);
        await screenshot(page, 'game-table-1920');
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

async function press(page: import('playwright-core').Page) {
  await page.getByRole('button', { name: 'New game' }).focus();
  await page.keyboard.press('Enter');
}
async function toTableFromBriefing(page: import('playwright-core').Page) {
  await page.getByRole('button', { name: 'Go to the table' }).focus();
  await page.keyboard.press('Enter');
  await scene(page, 'table');
}
void toTable;
