// The implementation phase against the computer: a player whose agreement is signed always gets to
// decide on it, and to verify what the computer carried out in the same turn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, watchErrors, screenshot, ROOT } from './harness';
import { openWithStorage, press, scene } from './game-kit';
import { applyMove, logOf, type Move } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario/load';
import { advance, giveable } from '../unit/engine-test-kit';
import { RULES_VERSION, createGame } from '../../src/engine';

const env = browserAndVite({ reducedMotion: 'reduce' });

const file = 'reset-2009.yaml';
const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
const loaded = loadScenarioText(text, file);
if (!loaded.ok) throw new Error(`${file} does not load`);
const scenario = loaded.scenario;
const SEED = 5;

/** A saved game (United States against the computer) where Russia's package waits for the player's answer. */
function savedWithRussianOffer(ask: 'nothing' | 'a card'): string {
  let state = advance(scenario, createGame(scenario, SEED), (g) => g.phase === 'proposals' && g.initiative === 'ru');
  // A card off the tracks Moscow's stance drags its feet on (its delayOnce), so that the computer carries it out at once.
  const slow = new Set(scenario.sides.ru.counterpart?.delayOnce?.tracks ?? []);
  const give = giveable(scenario, state, 'ru').find((id) => !slow.has(scenario.cards.find((c) => c.id === id)!.track))!;
  const move: Move = { type: 'propose', side: 'ru', give: [give], ask: ask === 'nothing' ? [] : [giveable(scenario, state, 'us')[0]] };
  const r = applyMove(scenario, state, move);
  if (!r.ok) throw new Error(r.reason);
  state = r.state;
  return JSON.stringify({
    version: 1,
    rulesVersion: RULES_VERSION,
    source: { file, text, builtIn: true },
    settings: { side: 'us', opponent: 'computer', difficulty: 'easy', seed: SEED },
    log: logOf(state),
  });
}

async function resumeWith(page: Page, save: string): Promise<void> {
  await openWithStorage(page, env.url, { 'reset.save': save });
  await scene(page, 'table');
  await page.getByRole('button', { name: 'Accept the package' }).waitFor();
}

const verifyButton = (page: Page) => page.getByRole('button', { name: /^Verify A1$/ });

describe('implementation against the computer', () => {
  it('a player who owes nothing under the agreement still gets to verify the computer’s implementation that turn', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await resumeWith(page, savedWithRussianOffer('nothing'));
    await press(page, 'button', 'Accept the package');
    // The computer decides on its part first; then the player may verify it.
    await verifyButton(page).waitFor();
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toMatch(/Implementation$/);
    await expect(page.getByText(/^Your part: nothing\. Russia's part: .+ \(carried out, not verified\)\.$/).count()).resolves.toBe(1);
    await screenshot(page, 'game-implementation-verify');
    await verifyButton(page).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('United States chose to verify agreement A1'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a player who owes a concession implements it, waits for the computer, then may verify', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await resumeWith(page, savedWithRussianOffer('a card'));
    await press(page, 'button', 'Accept the package');
    const implement = page.getByRole('button', { name: /^Implement A1$/ });
    await implement.waitFor();
    await expect(page.getByRole('button', { name: /^Delay A1$/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /^Defect A1$/ }).count()).resolves.toBe(1);
    await expect(page.getByText(/^Your part: .+ \(not yet carried out\)\. Russia's part: .+ \(not yet carried out\)\.$/).count()).resolves.toBe(1);
    await implement.focus();
    await page.keyboard.press('Enter');
    await verifyButton(page).waitFor();
    await expect(page.getByText(/^Your part: .+ \(carried out, not verified\)\. Russia's part: .+ \(carried out, not verified\)\.$/).count()).resolves.toBe(1);
    await screenshot(page, 'game-implementation-verify-after-both');
    await verifyButton(page).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('United States chose to verify agreement A1'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
