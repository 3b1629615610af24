// A whole game against the computer, by keyboard only, to the debrief; the game's moves and meter
// changes are announced in words; reloading mid-game resumes where it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors, screenshot, ROOT } from './harness';
import { animationFrames } from '../waiting';
import { RULES_VERSION, applyMove, createGame, logOf, pendingSides, type Move } from '../../src/engine';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { loadScenarioText } from '../../src/scenario/load';
import { nextTurnFor, openFresh, openWithStorage, playOneMove, press, scene, setUp, toTable } from './game-kit';

// Reduced motion: the computer's moves come after a short pause instead of a long one.
const env = browserAndVite({ reducedMotion: 'reduce' });

describe('against the computer', () => {
  it('plays a whole game by keyboard to the debrief', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States' });
    await toTable(page);
    const did: string[] = [];
    let proposedOnce = false;
    for (let i = 0; i < 200; i++) {
      const next = await nextTurnFor(page);
      if (next === 'debrief') break;
      const move = await playOneMove(page, { propose: !proposedOnce });
      if (move === 'propose') {
        proposedOnce = true;
        await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('the package'));
        await screenshot(page, 'game-table-answer');
      }
      did.push(move);
    }
    await scene(page, 'debrief');
    expect(did).toContain('statement');
    expect(did).toContain('propose');
    // Every move was said in words, with the meters it moved.
    const live = await page.locator('#live').textContent();
    expect(live).toMatch(/trust|support|escalation/i);
    await expect(page.getByRole('heading', { name: /Debrief/, level: 1 }).count()).resolves.toBe(1);
    await animationFrames(page);
    await screenshot(page, 'game-debrief');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the difficulty chosen on the title says what it changes, as the choice\'s accessible description', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await scene(page, 'title');
    const choice = page.getByRole('combobox', { name: 'Computer difficulty' });
    const description = () => choice.evaluate((s) => document.getElementById(s.getAttribute('aria-describedby')!)!.textContent);
    await expect(description()).resolves.toMatch(/^Normal: bargains for its share/);
    await choice.focus();
    await page.keyboard.press('End');
    await expect(choice.inputValue()).resolves.toBe('hard');
    await expect(description()).resolves.toMatch(/^Hard: reads what you value.*leave its part undone/);
    await page.keyboard.press('Home');
    await expect(description()).resolves.toMatch(/^Easy: trades one card for one/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the choices made on the title are kept when the language changes', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await scene(page, 'title');
    const scenarioChoice = page.getByRole('combobox', { name: 'Scenario' });
    await scenarioChoice.selectOption({ index: 2 });
    const scenarioPicked = await scenarioChoice.inputValue();
    await page.getByRole('radio', { name: 'Russia' }).check();
    await page.getByRole('radio', { name: /^Class length/ }).check();
    await page.getByRole('combobox', { name: 'Computer difficulty' }).selectOption('easy');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Новая игра' }).waitFor();
    const kept = () =>
      page.evaluate(() => ({
        scenario: document.querySelector<HTMLSelectElement>('#scenario-select')!.value,
        side: document.querySelector<HTMLInputElement>('input[name=side]:checked')?.value,
        length: document.querySelector<HTMLInputElement>('input[name=length]:checked')?.value,
        difficulty: document.querySelector<HTMLSelectElement>('#difficulty')!.value,
        help: document.querySelector('#difficulty-help')!.textContent,
      }));
    await expect(kept()).resolves.toEqual({ scenario: scenarioPicked, side: 'ru', length: 'class', difficulty: 'easy', help: expect.stringMatching(/^Лёгкая: /) });
    // And back: still the same choices, described in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'New game' }).waitFor();
    await expect(kept()).resolves.toEqual({ scenario: scenarioPicked, side: 'ru', length: 'class', difficulty: 'easy', help: expect.stringMatching(/^Easy: /) });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a red-line card in your hand cannot be ticked, and says why', async () => {
    const page = await env.browser.context.newPage();
    await openFresh(page, env.url);
    await setUp(page, { side: 'United States' });
    await toTable(page);
    await press(page, 'button', 'Conciliatory statement');
    await page.getByRole('heading', { name: 'Build a package' }).waitFor(); // the United States propose first in 2009
    const give = page.getByRole('group', { name: /cards you give/i });
    const red = give.getByRole('checkbox', { name: 'Freeze NATO enlargement' });
    expect(await red.isDisabled()).toBe(true);
    await expect(give.getByText(/your red line: cannot be given/).count()).resolves.toBe(1);
    expect(await give.getByRole('checkbox', { disabled: false }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('resumes a game after a reload, and a broken save gives a message and a fresh start', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'Russia' });
    await toTable(page);
    await nextTurnFor(page);
    await press(page, 'button', 'Hostile statement');
    await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('hostile statement'));
    await nextTurnFor(page); // Russia's next move: nothing changes until it is made
    const before = { meters: await page.locator('.meters').textContent(), status: await page.getByRole('heading', { level: 2 }).first().textContent() };
    expect(before.meters).toMatch(/Russia's trust in United States: \d+/);
    await page.reload();
    await scene(page, 'table');
    await nextTurnFor(page);
    expect(await page.locator('.meters').textContent()).toBe(before.meters);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(before.status);

    // Leaving the table keeps the game: the title offers to resume it.
    await press(page, 'button', 'Leave the table (the game is saved)');
    await scene(page, 'title');
    await press(page, 'button', 'Resume saved game');
    await scene(page, 'table');
    await nextTurnFor(page);
    expect(await page.locator('.meters').textContent()).toBe(before.meters);

    await page.evaluate(() => localStorage.setItem('reset.save', '{"version": 1, "log": tru'));
    await page.reload();
    await scene(page, 'title');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/saved game could not be read.*fresh start/i);
    await screenshot(page, 'game-save-recovery');
    await page.evaluate(() => localStorage.setItem('reset.save', JSON.stringify({ version: 99 })));
    await page.reload();
    await scene(page, 'title');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/another version/i);
    await page.evaluate(() => localStorage.setItem('reset.save', JSON.stringify({ version: 1, rulesVersion: 999 })));
    await page.reload();
    await scene(page, 'title');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/played under other rules \(rules version 999;.*fresh start/i);
    // The fresh start works.
    await toTable(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('warnings at the table', () => {
  it('says when escalation nears the crisis that ends the game for both sides', async () => {
    const file = 'reset-2009.yaml';
    const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
    const loaded = loadScenarioText(text, file);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const scenario = loaded.scenario;
    // Both sides hostile every turn, no deals: escalation climbs.
    let state = createGame(scenario, 3);
    while (!(state.phase === 'statements' && state.thisTurn.statements.us === undefined && state.meters.escalation >= 80)) {
      const side = pendingSides(state)[0];
      const move = (state.phase === 'statements' ? { type: 'statement', side, tone: 'hostile' } : state.phase === 'proposals' ? { type: 'pass', side } : { type: 'done', side }) as Move;
      const r = applyMove(scenario, state, move);
      if (!r.ok || r.state.phase === 'ended') throw new Error('the game should still be on');
      state = r.state;
    }
    const page = await env.browser.context.newPage();
    const save = { version: 1, rulesVersion: RULES_VERSION, source: { file, text, builtIn: true }, settings: { side: 'us', opponent: 'computer', difficulty: 'normal', seed: 3 }, log: logOf(state) };
    await openWithStorage(page, env.url, { 'reset.save': JSON.stringify(save) });
    await scene(page, 'table');
    await expect(page.getByText(`Danger: escalation risk is ${state.meters.escalation}. At 100 a crisis ends the game for both sides.`).count()).resolves.toBe(1);
    await screenshot(page, 'game-table-danger');
    await page.close();
  });
});

describe('a finished game on the title screen', () => {
  const file = 'reset-2009.yaml';
  const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const { state } = playGame(loaded.scenario, 3, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator });
  const save = (summary: boolean) =>
    JSON.stringify({
      version: 1,
      rulesVersion: RULES_VERSION,
      source: { file, text, builtIn: true },
      settings: { side: 'us', opponent: 'computer', difficulty: 'normal', seed: 3 },
      log: logOf(state),
      ...(summary ? { summary: { title: 'Reset 2009', side: 'United States', opponent: 'computer', turn: state.turn, turns: 12, ended: true } } : {}),
    });

  it('is offered as its debrief, not as a game to resume; opening the page again shows the title', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithStorage(page, env.url, { 'reset.save': save(true) });
    await scene(page, 'title');
    await expect(page.getByRole('button', { name: 'Resume saved game' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Your last game' }).count()).resolves.toBe(1);
    await expect(page.getByText('Reset 2009, United States against the computer: the game is over.').count()).resolves.toBe(1);
    await screenshot(page, 'game-title-finished');
    await press(page, 'button', 'View the last debrief');
    await scene(page, 'debrief');
    await expect(page.getByRole('heading', { name: /^Debrief: Reset 2009/, level: 1 }).count()).resolves.toBe(1);
    await press(page, 'button', 'Back to the title');
    await scene(page, 'title');
    await expect(page.getByRole('button', { name: 'View the last debrief' }).count()).resolves.toBe(1);
    // A new game from here starts a new game.
    await toTable(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a finished game saved before summaries still opens, and the title then calls it the last debrief', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openWithStorage(page, env.url, { 'reset.save': save(false) });
    await scene(page, 'debrief');
    await press(page, 'button', 'Back to the title');
    await scene(page, 'title');
    await expect(page.getByRole('button', { name: 'View the last debrief' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Resume saved game' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a game in progress is offered to resume, with its turn, and a new game says it replaces it', async () => {
    const page = await env.browser.context.newPage();
    await openFresh(page, env.url);
    await setUp(page, { side: 'Russia' });
    await toTable(page);
    await press(page, 'button', 'Leave the table (the game is saved)');
    await scene(page, 'title');
    await expect(page.getByText(/^Reset 2009, Russia against the computer: turn 1 of 12\.$/).count()).resolves.toBe(1);
    await expect(page.getByText('A new game replaces your saved game.').count()).resolves.toBe(1);
    await screenshot(page, 'game-title-saved');
    await press(page, 'button', 'Resume saved game');
    await scene(page, 'table');
    await page.close();
  });
});
