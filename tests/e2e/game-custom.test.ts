// A custom scenario file: a broken one shows the checker's messages on the title screen and nothing
// is lost; a good one can be chosen and played.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors, screenshot, ROOT } from './harness';
import { nextTurnFor, openFresh, press, scene, setUp, toTable } from './game-kit';

const env = browserAndVite({ reducedMotion: 'reduce' });

const base = readFileSync(join(ROOT, 'scenarios/reset-2009.yaml'), 'utf8');

describe('custom scenario files', () => {
  it('shows a broken file’s problems, then plays the first turn of a good one', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await scene(page, 'title');
    const input = page.getByLabel(/load a scenario file/i);
    await input.setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(base.replace(/^turns: 12$/m, 'turns: twelve')) });
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/broken\.yaml has problems/);
    await expect(alert.textContent()).resolves.toMatch(/broken\.yaml:\d+:\d+.*turns/);
    await screenshot(page, 'game-custom-problems');
    // Nothing lost: the built-in scenarios are all still offered.
    await expect(page.getByRole('combobox', { name: 'Scenario' }).locator('option').count()).resolves.toBe(5);

    const good = base.replace(/^id: reset-2009$/m, 'id: my-reset').replace(/^  en: Reset 2009$/m, '  en: My classroom reset');
    await input.setInputFiles({ name: 'my-reset.yaml', mimeType: 'text/yaml', buffer: Buffer.from(good) });
    await page.getByRole('option', { name: /My classroom reset/ }).waitFor({ state: 'attached' });
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await setUp(page, { scenario: /^My classroom reset/, side: 'United States' });
    await press(page, 'button', 'New game');
    await scene(page, 'briefing');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My classroom reset');
    await press(page, 'button', 'Go to the table');
    await scene(page, 'table');
    // The first turn, through to the second.
    for (let i = 0; i < 20; i++) {
      await nextTurnFor(page);
      const status = (await page.getByRole('heading', { level: 2 }).first().textContent())!;
      if (/^Turn 2 /.test(status)) break;
      if (status.includes('Public statements')) await press(page, 'button', 'Neutral statement');
      else if (status.includes('Proposals')) await press(page, 'button', 'Pass (no proposal)');
      else if (status.includes('Responses')) await press(page, 'button', 'Reject the package');
      else await press(page, 'button', 'Done with implementation');
    }
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toMatch(/^Turn 2 of 12/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays a teacher’s variant that extends a built-in scenario, and says why one that extends a file path cannot load', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await scene(page, 'title');
    const input = page.getByLabel(/load a scenario file/i);
    const variant = ['extends: reset-2009', 'id: reset-2009-short', 'title: Reset 2009 (short version)', 'turns: 10', ''].join('\n');
    await input.setInputFiles({ name: 'by-path.yaml', mimeType: 'text/yaml', buffer: Buffer.from(variant.replace('extends: reset-2009', 'extends: ./reset-2009.yaml')) });
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/by-path\.yaml:1:\d+: .*can extend only a built-in scenario, by its id/);
    await input.setInputFiles({ name: 'reset-2009-short.yaml', mimeType: 'text/yaml', buffer: Buffer.from(variant) });
    await page.getByRole('option', { name: /Reset 2009 \(short version\)/ }).waitFor({ state: 'attached' });
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await setUp(page, { scenario: /^Reset 2009 \(short version\)/, side: 'Russia' });
    await press(page, 'button', 'New game');
    await scene(page, 'briefing');
    // Everything but the overridden fields comes from the base: its moment in history and Russia's brief.
    await expect(page.getByText(/Hillary Clinton hands Sergey Lavrov a button/).count()).resolves.toBe(1);
    await press(page, 'button', 'Go to the table');
    await scene(page, 'table');
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toMatch(/^Turn 1 of 10/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a scenario from ?scenario=<url>: a broken one shows its problems, a good one is offered', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, `${env.url}/?scenario=/tests/fixtures/scenarios/broken/bad-indentation.yaml`);
    const alert = page.getByRole('alert').filter({ hasText: 'bad-indentation.yaml has problems' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/bad-indentation\.yaml:\d+:\d+/);
    await page.goto(`${env.url}/?scenario=/tests/fixtures/scenarios/valid/small.yaml`);
    await page.getByRole('option', { name: /custom file/ }).waitFor({ state: 'attached' });
    await toTable(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
