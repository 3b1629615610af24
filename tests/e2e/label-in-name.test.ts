// WCAG 2.5.3 Label in Name: every control's accessible name, as Chromium computes it for screen readers and
// voice control, begins with the words it shows ("Implement A1" is announced as "Implement A1…", so saying
// "click Implement A1" finds it). Walked on every screen: the title (and its confirmation), the briefing, the
// hand-off, the table in each phase, and the debrief.
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { browserAndVite, watchErrors } from './harness';
import { openFresh, press, scene } from './game-kit';
import { finishedGame, openWithSave, russianOffer, saveOf, signedAgreement } from './saves';

const env = browserAndVite({ reducedMotion: 'reduce' });

/** Roles a person operates (Chromium's names for them: a <summary> is a DisclosureTriangle). */
const CONTROLS = new Set(['button', 'checkbox', 'radio', 'combobox', 'ComboBoxSelect', 'slider', 'link', 'textbox', 'DisclosureTriangle', 'switch', 'spinbutton', 'menuitem', 'tab']);

interface Control {
  role: string;
  name: string;
  visible: string;
}

/** The words a control shows: its own text, or its label's for a form field; null when it is not on screen. */
const VISIBLE_LABEL = `function () {
  const el = this;
  if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') return null;
  const words = (n) => (n.innerText ?? n.textContent ?? '').replace(/\\s+/g, ' ').trim();
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return el.value;
    const label = el.labels && el.labels[0];
    return label ? words(label) : '';
  }
  return words(el);
}`;

/** Every control on the page with its computed accessible name and the words it shows. */
async function controls(cdp: CDPSession): Promise<Control[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
  const out: Control[] = [];
  for (const n of nodes) {
    const role = n.role?.value ?? '';
    if (n.ignored || !CONTROLS.has(role) || n.backendDOMNodeId === undefined) continue;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId })) as { object: { objectId?: string } };
    if (!object.objectId) continue;
    const { result } = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: VISIBLE_LABEL, returnByValue: true })) as { result: { value: string | null } };
    if (result.value === null) continue;
    out.push({ role, name: n.name?.value ?? '', visible: result.value });
  }
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/[\s:.…]+$/, '').trim();

/** Controls whose name does not begin with what they show, as lines for the failure message. */
async function violations(page: Page, cdp: CDPSession, where: string, seen: Set<string>): Promise<string[]> {
  const found = await controls(cdp);
  expect(found.length, `controls on ${where}`).toBeGreaterThan(0);
  const bad: string[] = [];
  for (const c of found) {
    seen.add(c.role);
    if (!c.visible) continue; // nothing shown (a colour swatch, a slider's track): nothing to match
    if (!norm(c.name).startsWith(norm(c.visible))) bad.push(`${where}: ${c.role} shows "${c.visible}" but is named "${c.name}"`);
  }
  return bad;
}

describe('label in name', () => {
  it('every control on every screen is named starting with the words it shows', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    const cdp = await page.context().newCDPSession(page);
    const bad: string[] = [];
    const roles = new Set<string>();
    const check = async (where: string) => bad.push(...(await violations(page, cdp, where, roles)));

    // Title, briefing, and the table before and after a statement (with the ledger and the brief open).
    await openFresh(page, env.url);
    await scene(page, 'title');
    await check('title');
    await press(page, 'button', 'New game');
    await scene(page, 'briefing');
    await check('briefing');
    await press(page, 'button', 'Go to the table');
    await scene(page, 'table');
    await press(page, 'button', 'Open ledger');
    await page.getByText('Your confidential brief').click();
    await check('table, statements');
    await press(page, 'button', 'Conciliatory statement');
    await page.getByRole('heading', { name: 'Build a package' }).waitFor(); // the United States propose first in 2009
    await page.getByRole('group', { name: /cards you give/i }).getByRole('checkbox', { disabled: false }).first().check();
    await page.getByRole('group', { name: /cards you ask/i }).getByRole('checkbox').first().check();
    await check('table, proposals');

    // Leaving keeps the game; a new game asks first.
    await press(page, 'button', 'Leave the table (the game is saved)');
    await scene(page, 'title');
    await press(page, 'button', 'New game');
    await page.getByRole('dialog').waitFor();
    await check('title, replacing a saved game');
    await page.keyboard.press('Escape');

    // Responses and implementation, from saved games at those moments.
    await openWithSave(page, env.url, saveOf(russianOffer()));
    await page.getByRole('button', { name: 'Accept the package' }).waitFor();
    await check('table, responses');
    await openWithSave(page, env.url, saveOf(signedAgreement()));
    await page.locator('button', { hasText: /^Implement A1$/ }).waitFor(); // found by its text: its name is what is checked
    await check('table, implementation');

    // A hot-seat game reopened: the hand-off.
    await openWithSave(page, env.url, saveOf(signedAgreement(), { opponent: 'hotseat' }));
    await scene(page, 'handoff');
    await check('hand-off');

    // The debrief of a finished game (a save from before summaries opens straight on it), its ledger open.
    await openWithSave(page, env.url, saveOf(finishedGame()));
    await scene(page, 'debrief');
    await page.getByRole('heading', { name: /^Debrief/, level: 1 }).waitFor();
    await page.getByText(/^Show the ledger/).click();
    await check('debrief');

    expect(bad).toEqual([]);
    // The walk met every kind of control the game has.
    for (const role of ['button', 'checkbox', 'radio', 'combobox', 'slider', 'DisclosureTriangle']) expect(roles, `a ${role} was checked`).toContain(role);
    expect(errors).toEqual([]);
    await page.close();
  });
});

