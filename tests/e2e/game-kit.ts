// Keyboard-only steps through the game's accessible layer, shared by the game-*.test.ts files.
import type { Page } from 'playwright-core';
import { EVENT_TIMEOUT } from '../waiting';

export async function press(page: Page, role: 'button' | 'checkbox' | 'radio', name: string | RegExp): Promise<void> {
  const target = page.getByRole(role, { name }).first();
  await target.focus();
  await page.keyboard.press(role === 'button' ? 'Enter' : 'Space');
}

export async function scene(page: Page, name: string, timeout = EVENT_TIMEOUT): Promise<void> {
  await page.waitForFunction((n) => document.body.dataset.scene === n, name, { timeout });
}

/** On the title screen: pick a scenario by its visible title with the keyboard, a side by its name in the scenario, and an opponent. */
export async function setUp(page: Page, opts: { scenario?: RegExp; side?: string; opponent?: 'computer' | 'hotseat' } = {}): Promise<void> {
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
  // Storage is cleared from an empty page on the game's origin: the game itself, opened to clear it,
  // could resume a leftover save and write it back after the clear (then the title never showed).
  const blank = new URL('/__fresh-start', url).href;
  await page.route(blank, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>fresh start</title><link rel="icon" href="data:,">' }));
  await page.goto(blank);
  await page.evaluate(() => localStorage.clear());
  await page.unroute(blank);
  await page.goto(url);
}

/**
 * Open the game with exactly `items` in its storage (a saved game, a language). They are written from an empty page on
 * the game's origin before the game loads: written into a game already loading, they were read half-way (a save
 * resumed, then saved back with a summary) while the test reloaded it.
 */
export async function openWithStorage(page: Page, url: string, items: Record<string, string>): Promise<void> {
  const blank = new URL('/__with-storage', url).href;
  await page.route(blank, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>with storage</title><link rel="icon" href="data:,">' }));
  await page.goto(blank);
  await page.evaluate((all) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }, items);
  await page.unroute(blank);
  await page.goto(url);
}

/** Wait until the side on screen must move (its status says so) or the game is over; returns which. */
export async function nextTurnFor(page: Page, timeout = EVENT_TIMEOUT): Promise<'move' | 'debrief' | 'handoff'> {
  await page.waitForFunction(
    () => ['debrief', 'handoff'].includes(document.body.dataset.scene ?? '') || (document.body.dataset.scene === 'table' && document.querySelector('#panel')!.textContent!.includes('Your move.')),
    undefined,
    { timeout },
  );
  const s = await page.evaluate(() => document.body.dataset.scene);
  return s === 'debrief' ? 'debrief' : s === 'handoff' ? 'handoff' : 'move';
}

/** Make one reasonable move for the side on screen, by keyboard only; returns what it did. */
export async function playOneMove(page: Page, options: { propose?: boolean } = {}): Promise<string> {
  const heading = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
  const has = async (name: string | RegExp) => (await page.getByRole('button', { name }).count()) > 0;
  if (heading.includes('Public statements')) {
    await press(page, 'button', 'Conciliatory statement');
    return 'statement';
  }
  if (heading.includes('Proposals')) {
    if (options.propose) {
      const give = page.getByRole('group', { name: /cards you give/i }).getByRole('checkbox');
      const ask = page.getByRole('group', { name: /cards you ask/i }).getByRole('checkbox');
      if ((await give.count()) && (await ask.count())) {
        await give.first().focus();
        await page.keyboard.press('Space');
        await ask.first().focus();
        await page.keyboard.press('Space');
        const send = page.getByRole('button', { name: 'Send proposal' });
        if (await send.isEnabled()) {
          await send.focus();
          await page.keyboard.press('Enter');
          return 'propose';
        }
      }
    }
    await press(page, 'button', 'Pass (no proposal)');
    return 'pass';
  }
  if (heading.includes('Responses') && (await has('Accept the package'))) {
    await press(page, 'button', 'Accept the package');
    return 'accept';
  }
  if (heading.includes('Responses') && (await has('Reject the package'))) {
    await press(page, 'button', 'Reject the package');
    return 'reject';
  }
  if (heading.includes('Implementation')) {
    const implement = page.getByRole('button', { name: /^Implement A\d+$/ });
    if (await implement.count()) {
      await implement.first().focus();
      await page.keyboard.press('Enter');
      return 'implement';
    }
    await press(page, 'button', 'Done with implementation');
    return 'done';
  }
  throw new Error(`no move known for "${heading}"`);
}

/** A place on the table's canvas that takes the pointer (a card, a button), by its name in the table scene's hitAreas(). */
export interface CanvasHit {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The table's canvas targets now, in page pixels (their centre: x, y). */
export async function canvasHits(page: Page): Promise<CanvasHit[]> {
  const box = (await page.locator('#game canvas').boundingBox())!;
  const k = box.width / 900;
  const hits = await page.evaluate(() =>
    (window as unknown as { resetGame: { game: { scene: { getScene(k: string): { hitAreas(): CanvasHit[] } } } } }).resetGame.game.scene.getScene('table').hitAreas(),
  );
  return hits.map((h) => ({ id: h.id, x: box.x + (h.x + h.w / 2) * k, y: box.y + (h.y + h.h / 2) * k, w: h.w * k, h: h.h * k }));
}

/** Click a target on the canvas with the mouse. */
export async function clickCanvas(page: Page, id: string | RegExp): Promise<void> {
  const hit = (await canvasHits(page)).find((h) => (typeof id === 'string' ? h.id === id : id.test(h.id)));
  if (!hit) throw new Error(`nothing named ${id} on the table's canvas`);
  await page.mouse.click(hit.x, hit.y);
}

/** Drag a card on the canvas with the mouse, in steps, to a point (page pixels). */
export async function dragCanvas(page: Page, id: string, to: { x: number; y: number }): Promise<void> {
  const hit = (await canvasHits(page)).find((h) => h.id === id);
  if (!hit) throw new Error(`no card ${id} on the table's canvas`);
  await page.mouse.move(hit.x, hit.y);
  await page.mouse.down();
  await page.mouse.move(hit.x + (to.x - hit.x) / 3, hit.y + (to.y - hit.y) / 3, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}
