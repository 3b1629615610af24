// The table as a game at a laptop's 1366×768: a whole game played with the mouse alone (packages built by dragging
// cards onto the table, every other move clicked on the canvas) to the debrief, and, by keyboard, the package's
// preview and its Send stay on screen (nothing to scroll to) while cards are added one after another.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, screenshot, watchErrors } from './harness';
import { canvasHits, clickCanvas, dragCanvas, nextTurnFor, openFresh, press, scene, setUp, toTable, type CanvasHit } from './game-kit';

const env = browserAndVite({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });
const VIEW = { width: 1366, height: 768 };

const onScreen = (h: { x: number; y: number }) => h.x > 0 && h.x < VIEW.width && h.y > 0 && h.y < VIEW.height;

/** Is this control on screen and the topmost thing where it is drawn (not under the sticky foot or off the panel)? */
async function inSight(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return Boolean(top && (top === el || el.contains(top)));
  }, selector);
}

const find = (hits: CanvasHit[], id: string | RegExp) => hits.find((h) => (typeof id === 'string' ? h.id === id : id.test(h.id)));

describe('the table at 1366×768', () => {
  it('plays a whole game by mouse alone, building packages by dragging cards onto the table, to the debrief', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States' });
    // The title and briefing by mouse too.
    await page.getByRole('button', { name: 'New game' }).click();
    await scene(page, 'briefing');
    await page.getByRole('button', { name: 'Go to the table' }).click();
    await scene(page, 'table');
    const did: string[] = [];
    for (let i = 0; i < 300; i++) {
      if ((await nextTurnFor(page)) === 'debrief') break;
      const hits = await canvasHits(page);
      const zone = find(hits, 'package-zone')!;
      if (find(hits, 'statement:conciliatory')) {
        await clickCanvas(page, 'statement:conciliatory');
        did.push('statement');
      } else if (find(hits, 'accept')) {
        await clickCanvas(page, 'accept');
        did.push('accept');
      } else if (find(hits, 'pass') && find(hits, /^card:give:/)) {
        // Propose on every other proposal turn: one card of each side's, dragged onto the table.
        if (did.filter((d) => d === 'propose' || d === 'pass').length % 2 === 0) {
          await dragCanvas(page, find(hits, /^card:give:(?!issue:)/)!.id, zone);
          // The preview shows, with its Send, on screen, once the first card is on the table.
          const after = await canvasHits(page);
          expect(find(after, /^package:give:/), 'the dragged card is on the table').toBeTruthy();
          await dragCanvas(page, find(after, /^card:ask:/)!.id, zone);
          const built = await canvasHits(page);
          expect(find(built, /^package:ask:/), 'the asked card is on the table').toBeTruthy();
          const send = find(built, 'send');
          if (send) {
            expect(onScreen(send)).toBe(true);
            if (!did.includes('propose')) await screenshot(page, 'table-cards-package');
            await clickCanvas(page, 'send');
            await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('proposed'));
            did.push('propose');
            continue;
          }
          await clickCanvas(page, 'clear');
        }
        await clickCanvas(page, 'pass');
        did.push('pass');
      } else if (find(hits, 'pass')) {
        // Every card of one's own is given or settled: nothing left to offer, so pass the proposal.
        await clickCanvas(page, 'pass');
        did.push('pass');
      } else if (find(hits, /^implement:/)) {
        await clickCanvas(page, find(hits, /^implement:/)!.id);
        did.push('implement');
      } else if (find(hits, 'done')) {
        await clickCanvas(page, 'done');
        did.push('done');
      } else if (find(hits, 'reject')) {
        await clickCanvas(page, 'reject');
        did.push('reject');
      } else throw new Error(`no move on the canvas among ${hits.map((h) => h.id).join(' ')}`);
    }
    await scene(page, 'debrief');
    expect(did).toContain('statement');
    expect(did).toContain('propose');
    await expect(page.getByRole('heading', { name: /Debrief/, level: 1 }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('by keyboard: while every card is ticked one by one, the preview and Send stay on screen, on the panel and on the table', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States' });
    await toTable(page);
    await press(page, 'button', 'Conciliatory statement');
    await page.getByRole('heading', { name: 'Build a package' }).waitFor(); // the United States propose first in 2009
    const boxes = page.locator('#panel .builder input[type=checkbox]:not([disabled])');
    const n = await boxes.count();
    expect(n).toBeGreaterThan(6);
    let ticked = 0;
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i);
      await box.focus();
      await page.keyboard.press('Space');
      ticked++;
      // The ticked box itself is in sight (not under the sticky foot), and so are the preview and Send.
      expect(await inSight(page, `#${await box.getAttribute('id')}`), `card ${i + 1} in sight once ticked`).toBe(true);
      expect(await inSight(page, '[data-focus="send-propose"]'), `Send in sight after ${ticked} cards`).toBe(true);
      expect(await inSight(page, '.builder-foot h4'), `the preview in sight after ${ticked} cards`).toBe(true);
      const canvas = await canvasHits(page);
      const sendOnTable = find(canvas, 'send');
      if (sendOnTable) expect(onScreen(sendOnTable)).toBe(true);
      expect(find(canvas, /^package:/), 'the ticked cards are on the table').toBeTruthy();
    }
    // A graded issue is one choice: its options are radios, and moving between them keeps one in the package.
    const issue = page.locator('#panel fieldset.issue').first();
    await issue.getByRole('radio').nth(1).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await issue.getByRole('radio', { checked: true }).count()).toBe(1);
    expect(await inSight(page, '[data-focus="send-propose"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hot-seat: a package left unsent is not on the table when the other player sits down', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States', opponent: 'hotseat' });
    await toTable(page);
    for (let i = 0; i < 40; i++) {
      const next = await nextTurnFor(page);
      if (next === 'handoff') {
        const takes = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Hand over to ', '');
        await press(page, 'button', `Continue as ${takes}`);
        if ((await page.evaluate('document.body.dataset.scene')) === 'briefing') await press(page, 'button', 'Go to the table');
        await scene(page, 'table');
        continue;
      }
      const heading = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
      const me = (await page.locator('#panel').textContent())!.includes('You are Russia.') ? 'Russia' : 'United States';
      if (heading.includes('Public statements')) await press(page, 'button', 'Conciliatory statement');
      else if (heading.includes('Proposals') && me === 'United States') {
        // The United States tick two cards, then think better of it and pass.
        await page.locator('#panel .builder input[type=checkbox]:not([disabled])').first().check();
        await page.getByRole('group', { name: /cards you ask/i }).getByRole('checkbox').first().check();
        expect(find(await canvasHits(page), /^package:/)).toBeTruthy();
        await press(page, 'button', 'Pass (no proposal)');
      } else if (heading.includes('Proposals') && me === 'Russia') {
        // Russia's own table: nothing the United States left, on the panel or the canvas.
        await expect(page.locator('#panel .builder input[type=checkbox]:checked').count()).resolves.toBe(0);
        const hits = await canvasHits(page);
        expect(find(hits, /^package:/)).toBeUndefined();
        expect(find(hits, 'clear'), 'an empty table has nothing to clear').toBeUndefined();
        await expect(page.locator('.builder-foot').textContent()).resolves.toContain('Choose cards to give and to ask for');
        await expect(page.getByRole('button', { name: 'Send proposal' }).isDisabled()).resolves.toBe(true);
        break;
      } else if (heading.includes('Responses')) await press(page, 'button', /Reject the package/);
      else if (heading.includes('Implementation')) await press(page, 'button', 'Done with implementation');
      else throw new Error(`no move known for "${heading}"`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
