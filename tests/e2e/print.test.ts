// Paper: the debrief and the lesson plans rendered with print media in Chromium, as a teacher prints them. The PNGs
// are written to tests/e2e/screenshots/ (and to docs/screenshots/print-*.png with UPDATE_SCREENSHOTS=1).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, ROOT, SCREENSHOTS, watchErrors } from './harness';

const env = browserAndVite({ viewport: { width: 794, height: 1123 } }); // A4 at 96 dpi

async function printShot(page: Page, name: string): Promise<void> {
  const dirs = [SCREENSHOTS, ...(process.env.UPDATE_SCREENSHOTS ? [join(ROOT, 'docs/screenshots')] : [])];
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}

/** Pages in a PDF Chromium printed (each page object once). */
const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('printed', () => {
  it('the lesson plans: one plan a page, each with its timings and three quotations, no button', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}/lessons.html`);
    await page.waitForSelector('body[data-ready="lessons"]');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print the lesson plans' }).isVisible()).toBe(false);
    const plans = page.locator('article.plan');
    expect(await plans.count()).toBe(5);
    for (const plan of await plans.all()) {
      expect(await plan.getByRole('table').getByRole('columnheader').allTextContents()).toEqual(['Minutes', 'What happens']);
      expect(await plan.locator('ol > li blockquote').count()).toBe(3);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pagesOf(pdf)).toBe(5);
    await page.locator('article.plan').first().scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.evaluate(() => document.querySelectorAll('article.plan:not(:first-of-type)').forEach((a) => ((a as HTMLElement).style.display = 'none')));
    await printShot(page, 'print-lesson-plan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the debrief: its lesson sections on paper, without controls', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}/tests/e2e/pages/debrief.html?scenario=reset-2009&seed=3`);
    await page.waitForSelector('body[data-ready="debrief"]');
    await page.emulateMedia({ media: 'print' });
    for (const name of ['What each side really wanted', 'Deals both sides would have preferred', 'What actually happened'])
      expect(await page.getByRole('heading', { level: 2, name }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /Every package by its worth to each side/ }).isVisible()).toBe(true);
    expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
    await printShot(page, 'print-debrief');
    expect(errors).toEqual([]);
    await page.close();
  });
});
