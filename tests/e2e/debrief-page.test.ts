// The debrief in real Chromium: a whole game played in the browser by the built-in strategies, then
// the page read the way a screen reader or keyboard user meets it, its downloads, and its print view.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, startViteServer, watchErrors, type Browser } from './harness';
import type { GameState, Move } from '../../src/engine';

let browser: Browser;
let vite: Awaited<ReturnType<typeof startViteServer>>;
let page: Page;
let errors: string[];
let moves: (Move & { turn: number })[];

beforeAll(async () => {
  vite = await startViteServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  errors = watchErrors(page);
  await page.goto(`${vite.url}/tests/e2e/pages/debrief.html?scenario=reset-2009&seed=3`);
  await page.waitForSelector('body[data-ready="debrief"]', { timeout: 60_000 });
  moves = await page.evaluate(() => {
    const { state } = (window as unknown as { debriefGame: { state: GameState } }).debriefGame;
    return state.history.flatMap((t) => t.moves.map((m) => ({ ...m, turn: t.turn })));
  });
});
afterAll(async () => {
  await browser?.close();
  await vite?.server.close();
});

describe('debrief', () => {
  it('shows the outcome, charts, agreements, ledger, beliefs and history under headings a screen reader can list', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Debrief: ');
    for (const name of ['Outcome', 'Meters over the turns', 'Agreements and their fate', 'The deal against the best packages', 'The ledger: every meter change and its cause', 'What actually happened', 'What each side really wanted', 'Deals both sides would have preferred'])
      expect(await page.getByRole('heading', { level: 2, name, exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 3, name: /What the computer believed United States wanted/ }).count()).toBe(1);
    // The other side's real priorities, now that the game is over, beside what each side offered.
    const priorities = page.getByRole('table', { name: /real priorities/ });
    expect(await priorities.getByRole('columnheader').allTextContents()).toEqual(["Track", "United States' priority", "Russia's priority", 'Cards United States offered', 'Cards Russia offered']);
    expect(await priorities.getByRole('row', { name: /NATO/ }).getByRole('cell').first().textContent()).toBe('3');
    expect(await page.getByText(/^Russia would never give .+: Russia's arms and energy trade with Iran/).count()).toBe(1);
    // The deal space drawn: the frontier, the Nash point and this game, with a description in words.
    const space = page.getByRole('img', { name: /Every package by its worth to each side/ });
    expect(await space.evaluate((e) => e.querySelector('desc')!.textContent)).toMatch(/This game’s deal is at \(-?\d+\.\d, -?\d+\.\d\); the Nash point at \(/);
    expect(await space.locator('.frontier-point').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'What each side really wanted' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'debrief-wanted');
    await space.scrollIntoViewIfNeeded();
    await screenshot(page, 'debrief-deal-space');
    // What was agreed and what happened in history come before the charts; the long ledger comes last.
    const order = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(order.slice(0, 4)).toEqual(['Outcome', 'Agreements and their fate', 'What actually happened', 'Meters over the turns']);
    expect(order.at(-1)).toBe('The ledger: every meter change and its cause');

    const scores = page.getByRole('table', { name: /Scores by side/ });
    expect(await scores.getByRole('row').count()).toBe(3); // header + two sides
    expect(await scores.getByRole('rowheader').allTextContents()).toEqual(['United States (you)', 'Russia (computer)']);
    expect(await page.getByText(/Joint score: -?\d/).count()).toBe(1);
    // The deal carried out beside the bargaining solutions of the whole model.
    const deals = page.getByRole('table', { name: /The deal carried out beside the bargaining solutions/ });
    expect(await deals.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(['Carried out', 'Nash bargaining', 'Kalai–Smorodinsky']));

    // Every chart is an image with a name and a description, and its figures as a table.
    const charts = page.locator('.charts').getByRole('img');
    expect(await charts.count()).toBe(5);
    const trust = page.getByRole('img', { name: /Trust in the other side/ });
    expect(await trust.count()).toBe(1);
    const desc = await trust.evaluate((svgEl) => svgEl.querySelector('desc')!.textContent);
    expect(desc).toMatch(/United States' trust in Russia went from \d+ at the start to \d+ after turn \d+/);
    expect(await page.getByRole('table', { name: /Escalation risk, turn by turn/, includeHidden: true }).count()).toBe(1);

    // Turning points are marked on the charts and listed in words.
    const turning = await page.locator('.turning-points li').count();
    expect(turning).toBeGreaterThan(0);
    expect(await page.locator('.chart .turning').count()).toBe(turning * 5);

    expect(await page.getByRole('table', { name: 'Every signed agreement' }).getByRole('row').count()).toBeGreaterThan(1);
    const tracks = await page.evaluate(() => (window as unknown as { debriefGame: { scenario: { tracks: unknown[] } } }).debriefGame.scenario.tracks.length);
    expect(await page.getByRole('table', { name: /estimate of United States' priorities/ }).getByRole('row').count()).toBe(tracks + 1);
    // History track by track, from the scenario file, beside where this game left each track.
    const history = page.getByRole('table', { name: 'Where each track ended: this game and history' });
    expect(await history.getByRole('row').count()).toBe(tracks + 1);
    expect(await history.getByRole('row', { name: /Afghanistan transit/ }).textContent()).toContain('One ceremonial flight: Transit was promised in July');
    expect(await page.getByText(/^This game (went further than|stopped where history did|fell short of history)/).count()).toBe(1);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'debrief-history-by-track');
    // The ledger is folded: its tables show once it is opened from the keyboard.
    expect(await page.getByRole('table', { name: /Meter changes in turn 1$/ }).count()).toBe(0);
    const ledgerSummary = page.getByText(/^Show the ledger: \d+ changes over \d+ turns$/);
    await ledgerSummary.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('table', { name: /Meter changes in turn 1$/ }).count()).toBe(1);
    await page.keyboard.press('Enter'); // folded again
    expect(await page.getByRole('table', { name: /Meter changes in turn 1$/ }).count()).toBe(0);
    expect(await page.locator('blockquote').count()).toBeGreaterThan(0);
    expect(await page.locator('cite').first().textContent()).toMatch(/\.txt\)$/);
    await screenshot(page, 'debrief-top');
    await page.getByRole('heading', { name: 'Agreements and their fate' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'debrief-agreements');
    await page.getByRole('heading', { name: 'The ledger: every meter change and its cause' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'debrief-ledger-folded');
    expect(errors).toEqual([]);
  });

  it('downloads the game log as JSON and CSV from the keyboard, each holding every move', async () => {
    expect(moves.length).toBeGreaterThan(50);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('heading', { level: 1 }).focus();
    // Tab order: Print, JSON, CSV.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Print the debrief');
    await page.keyboard.press('Tab');
    const [json] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(json.suggestedFilename()).toBe('reset-reset-2009-seed3.json');
    const log = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { log: { moves: Move[] }; moves: { turn: number; side: string; move: string }[] };
    expect(log.log.moves.length).toBe(moves.length);
    expect(log.moves.map((m) => [m.turn, m.move])).toEqual(moves.map((m) => [m.turn, m.type]));

    await page.keyboard.press('Tab');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(csv.suggestedFilename()).toBe('reset-reset-2009-seed3.csv');
    const lines = readFileSync((await csv.path())!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('record,n,turn,phase,side,move,details,meter,change,value,cause,source');
    const moveLines = lines.filter((l) => l.startsWith('move,'));
    expect(moveLines.length).toBe(moves.length);
    const proposal = moves.findIndex((m) => m.type === 'propose');
    expect(moveLines[proposal]).toMatch(new RegExp(`^move,${proposal + 1},${moves[proposal].turn},proposals,(United States|Russia),propose,"?gives: .+; asks: `));
    // Every turn's ledger and both sides' scores are there too.
    expect(lines.filter((l) => l.startsWith('ledger,')).length).toBeGreaterThan(moves.length / 2);
    const lastTurn = moves.at(-1)!.turn;
    expect(lines.filter((l) => new RegExp(`^score,,${lastTurn},`).test(l)).length).toBe(2);
    expect(errors).toEqual([]);
  });

  it('prints without buttons or figure tables', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print the debrief' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /Download game log/ }).first().isVisible()).toBe(false);
    expect(await page.getByRole('img', { name: /Escalation risk/ }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'What actually happened' }).isVisible()).toBe(true);
    // The folded ledger stays off paper; opened, it prints.
    const ledger = page.getByRole('heading', { name: 'The ledger: every meter change and its cause' });
    expect(await ledger.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'debrief-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.evaluate(() => document.querySelector('.debrief .ledger details')!.setAttribute('open', ''));
    expect(await ledger.isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: /Meter changes in turn 1$/ }).isVisible()).toBe(true);
    expect(await page.getByText(/^Show the ledger/).isVisible()).toBe(false);
    const withLedger = await page.pdf({ format: 'A4' });
    expect(withLedger.length).toBeGreaterThan(pdf.length);
    await page.evaluate(() => document.querySelector('.debrief .ledger details')!.removeAttribute('open'));
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: 'Print the debrief' }).isVisible()).toBe(true);
  });

  it('renders for every shipped scenario, including games with no agreement at all', async () => {
    const other = await browser.context.newPage();
    const otherErrors = watchErrors(other);
    for (const [scenario, us, ru] of [
      ['missile-defense-2011', 'hardliner', 'hardliner'],
      ['restart-or-repair-2013', 'conceder', 'reciprocator'],
      ['limits-of-the-possible-2016', 'random', 'hardliner'],
      ['new-reset-2017', 'reciprocator', 'random'],
    ]) {
      await other.goto(`${vite.url}/tests/e2e/pages/debrief.html?scenario=${scenario}&seed=2&us=${us}&ru=${ru}`);
      await other.waitForSelector('body[data-ready="debrief"]', { timeout: 60_000 });
      expect(await other.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Debrief: /);
      expect(await other.locator('.charts').getByRole('img').count()).toBe(5);
      await screenshot(other, `debrief-${scenario}`);
      const agreements = other.getByRole('region', { name: 'Agreements and their fate' });
      expect((await agreements.getByRole('table').count()) + (await agreements.getByText('No agreement was signed.').count())).toBe(1);
      // A side that gave nothing under an agreement owed nothing: its part is not called implemented.
      for (const row of await agreements.getByRole('row').all()) {
        const cells = await row.getByRole('cell').allTextContents();
        if (cells.length < 7) continue;
        for (const [gave, kept] of [[cells[2], cells[5]], [cells[3], cells[6]]]) expect(kept === 'Owed nothing', `${gave} / ${kept}`).toBe(gave === '—');
      }
      if (scenario === 'limits-of-the-possible-2016') expect(await agreements.getByRole('cell', { name: 'Owed nothing' }).count()).toBeGreaterThan(0);
    }
    expect(otherErrors).toEqual([]);
    await other.close();
  });
});
