// The class debrief in real Chromium at projector size (1280×720): tables played by the built-in strategies,
// built as the server builds it, drawn as the teacher page draws it, and read the way a screen reader,
// a keyboard user and a class looking at the wall meet it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, startViteServer, watchErrors, type Browser } from './harness';
import type { Debrief } from '../../src/net/protocol';

let browser: Browser;
let vite: Awaited<ReturnType<typeof startViteServer>>;
let page: Page;
let errors: string[];

async function open(scenario: string, tables: number): Promise<Debrief> {
  await page.goto(`${vite.url}/tests/e2e/pages/class-debrief.html?scenario=${scenario}&tables=${tables}`);
  await page.waitForSelector('body[data-ready="class-debrief"]', { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { classDebriefData: Debrief }).classDebriefData);
}

/** Boxes of the chart's text labels, in page pixels. */
const labelBoxes = () =>
  page.locator('.scatter .mark-label, .scatter .frontier-label').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );

beforeAll(async () => {
  vite = await startViteServer();
  browser = await launchBrowser([], { viewport: { width: 1280, height: 720 } });
  page = await browser.context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await browser?.close();
  await vite?.server.close();
});

describe('class debrief', () => {
  it('shows every table against the frontier as a named figure and a table of the same figures, on one 1280×720 screen', async () => {
    const d = await open('reset-2009', 5);
    expect(d.tables).toHaveLength(5);

    // The figure, named by its caption; the chart inside it is an image with a title and a description in words.
    const figure = page.getByRole('figure', { name: /Deals against the Pareto frontier — Reset 2009/ });
    expect(await figure.count()).toBe(1);
    const chart = figure.getByRole('img', { name: /Each table's deal against the Pareto frontier: worth to United States across, worth to Russia up/ });
    expect(await chart.count()).toBe(1);
    const desc = await chart.evaluate((svg) => svg.querySelector('desc')!.textContent!);
    for (const t of d.tables) expect(desc).toContain(`${t.label} at United States ${t.us.toFixed(1)}, Russia ${t.ru.toFixed(1)}`);
    expect(desc).toContain('what happened in history at');
    expect(desc).toContain('the Nash point at');

    // One row per table, with the figures the server computed, then the Nash point and history for comparison.
    const table = page.getByRole('table', { name: /Each table’s deal, by worth to each side/ });
    const heads = await table.getByRole('rowheader').allTextContents();
    expect(heads).toEqual([...d.tables.map((t) => t.label), 'Nash point', 'What happened']);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Table', 'United States', 'Russia', 'Joint', 'Signed (kept)', 'To frontier', 'Both could gain']);
    for (const t of d.tables) {
      const cells = await table.getByRole('row', { name: new RegExp(`^${t.label} `) }).getByRole('cell').allTextContents();
      expect(cells.slice(0, 3)).toEqual([t.us, t.ru, t.joint].map((x) => x.toFixed(1)));
      expect(cells[3]).toBe(`${t.agreements} (${t.implemented})`);
      expect(cells[4]).toBe(t.onFrontier ? 'on it' : t.distance.toFixed(1));
      expect(cells[5]).toBe(t.bothCouldGain > 0 ? `+${t.bothCouldGain.toFixed(1)} each` : 'no');
    }

    // Every table has a labelled mark placed by its worth: more for the United States is further right, more for Russia higher.
    const marks = await page.locator('.scatter .table-mark').evaluateAll((els) => els.map((e) => ({ label: e.getAttribute('data-label')!, cx: Number(e.getAttribute('cx')), cy: Number(e.getAttribute('cy')) })));
    // A mark's label names its tables: "Table 2", "Tables 1 and 3 (no deal)".
    const markOf = (t: Debrief['tables'][number]) => marks.find((m) => (m.label.match(/\d+/g) ?? ([] as string[])).includes(String(t.table + 1)))!;
    for (const t of d.tables) expect(markOf(t), t.label).toBeDefined();
    for (const a of d.tables)
      for (const b of d.tables) {
        if (a.us > b.us + 0.05) expect(markOf(a).cx).toBeGreaterThan(markOf(b).cx);
        if (a.ru > b.ru + 0.05) expect(markOf(a).cy).toBeLessThan(markOf(b).cy);
      }
    expect(await page.locator('.scatter .nash-mark').count()).toBe(1);
    expect(await page.locator('.scatter .history-mark').count()).toBe(1);
    expect(await page.locator('.scatter .frontier').count()).toBe(1);
    // Text labels, not colour alone: each table, the Nash point, history and the frontier are named on the chart.
    const texts = (await labelBoxes()).map((b) => b.text!);
    for (const t of d.tables) expect(texts.some((x) => new RegExp(`Tables? (\\d+, )*(\\d+ and )?${t.table + 1}\\b`).test(x))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(['Nash point', 'History', 'Pareto frontier']));

    // One sentence for the class, from the same figures.
    const reading = await page.locator('.class-debrief .reading').textContent();
    expect(reading).toMatch(/^Tables? [\d, and]+ (came closest to|reached) the frontier/);
    expect(reading).toContain('left deals both sides preferred on the table');
    expect(reading).toMatch(/\d of 5 tables beat what really happened for both sides\.$|table beat what really happened/);
    // What happened is told and cited by article.
    expect(await page.locator('.history-note').textContent()).toMatch(/What happened: In 2009 .*Sources: 004_f5e98c935a2387e5\.txt/);

    // One screen: the reading, the chart with its legend and the table all fit 1280×720 without scrolling sideways,
    // and the chart's smallest text is still projector-sized.
    const fit = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const tick = [...document.querySelectorAll('.scatter .tick')].map((e) => e.getBoundingClientRect().height);
      return { scrollWidth: document.documentElement.scrollWidth, legend: box('.class-debrief .legend').bottom, table: box('.class-debrief table').bottom, right: box('.class-debrief table').right, tick: Math.min(...tick) };
    });
    expect(fit.scrollWidth).toBeLessThanOrEqual(1280);
    expect(fit.right).toBeLessThanOrEqual(1280);
    expect(fit.legend).toBeLessThanOrEqual(720);
    expect(fit.table).toBeLessThanOrEqual(720);
    expect(fit.tick).toBeGreaterThanOrEqual(12);

    // Keyboard: the missed deals open from the keyboard and name the better package for each table that missed one.
    const summary = page.getByText('Deals both sides would have preferred');
    await summary.focus();
    await page.keyboard.press('Enter');
    const missed = await page.locator('.class-debrief details li').allTextContents();
    expect(missed).toHaveLength(d.tables.filter((t) => t.missed).length);
    expect(missed[0]).toMatch(/^Table \d+: United States gives .* — Russia gives .*\(United States -?\d+\.\d, Russia -?\d+\.\d\)$/);
    await page.keyboard.press('Enter');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });

    await screenshot(page, 'class-debrief');
    expect(errors).toEqual([]);
  });

  it('keeps every label on the chart clear of the others, for every built-in scenario and up to twelve tables', async () => {
    const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
    for (const [scenario, tables] of [
      ['missile-defense-2011', 12],
      ['restart-or-repair-2013', 6],
      ['limits-of-the-possible-2016', 3],
      ['new-reset-2017', 6],
    ] as const) {
      const d = await open(scenario, tables);
      expect(d.historical, scenario).not.toBeNull();
      const boxes = await labelBoxes();
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `${scenario}: "${boxes[i].text}" over "${boxes[j].text}"`).toBe(false);
      // Tables at the same point share one mark and one label.
      const distinct = new Set(d.tables.map((t) => `${t.us.toFixed(1)},${t.ru.toFixed(1)}`)).size;
      expect(await page.locator('.scatter .table-mark').count()).toBe(distinct);
      expect(await page.getByRole('table').getByRole('rowheader', { name: /^Table \d+$/ }).count()).toBe(tables);
    }
    expect(errors).toEqual([]);
  });
});
