// A newcomer's scenario whose sides are India and Pakistan (issue 14): every screen takes its sides, names and colours
// from the scenario. Played by keyboard from the title to the debrief, no text on any screen, in the page or drawn on
// the canvas, names the United States or Russia, nor their capitals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndVite, watchErrors, screenshot, ROOT } from './harness';
import { animationFrames } from '../waiting';
import { nextTurnFor, openFresh, playOneMove, press, scene, setUp } from './game-kit';

const env = browserAndVite({ reducedMotion: 'reduce' });

const FILE = 'india-pakistan.yaml';
const TEXT = readFileSync(join(ROOT, 'tests/fixtures/scenarios/valid', FILE), 'utf8');
const FORBIDDEN = ['United States', 'Russia', 'Washington', 'Moscow', 'U.S.'];

/** Every text a player can see now: the page's title, the page's own text (the live region too) and the canvas's texts. */
async function textsOnScreen(page: Page): Promise<{ screen: string; phase: string | null; texts: string[] }> {
  return page.evaluate(() => {
    type Shown = { type: string; text?: string; list?: Shown[] };
    const { store, game } = (window as unknown as { resetGame: { store: { screen: string; view(): { phase: string } | null }; game: { scene: { getScenes(active: boolean): { children: { list: Shown[] }; paintedTexts?(): string[] }[] } } } }).resetGame;
    const walk = (o: Shown): string[] => (o.type === 'Text' ? [o.text ?? ''] : o.list ? o.list.flatMap(walk) : []);
    // Phaser's texts, and those the table paints onto its board.
    const canvas = game.scene.getScenes(true).flatMap((s) => [...s.children.list.flatMap(walk), ...(s.paintedTexts?.() ?? [])]);
    return { screen: store.screen, phase: store.view()?.phase ?? null, texts: [document.title, document.body.innerText, ...canvas] };
  });
}

/** The words of FORBIDDEN found on screen now, each with the line it was found in. */
async function forbiddenOnScreen(page: Page): Promise<string[]> {
  const { texts } = await textsOnScreen(page);
  return texts.flatMap((t) => t.split('\n')).filter((line) => FORBIDDEN.some((w) => line.includes(w)));
}

/**
 * Look at the screen after every change the game makes (a move, a new screen), once the canvas has drawn it, and keep
 * what was seen in the page: the screen, the phase and any line with a forbidden word.
 */
async function watchEveryScreen(page: Page): Promise<void> {
  await page.evaluate((forbidden) => {
    type Shown = { type: string; text?: string; list?: Shown[] };
    const w = window as unknown as {
      resetGame: { store: { screen: string; view(): { phase: string } | null; onChange(f: () => void): void; onScreen(f: () => void): void }; game: { scene: { getScenes(active: boolean): { children: { list: Shown[] }; paintedTexts?(): string[] }[] } } };
      seen: { screen: string; phase: string | null; lines: string[] }[];
    };
    const { store, game } = w.resetGame;
    w.seen = [];
    const walk = (o: Shown): string[] => (o.type === 'Text' ? [o.text ?? ''] : o.list ? o.list.flatMap(walk) : []);
    const look = () => {
      const canvas = game.scene.getScenes(true).flatMap((s) => [...s.children.list.flatMap(walk), ...(s.paintedTexts?.() ?? [])]);
      const lines = [document.title, document.body.innerText, ...canvas].flatMap((t) => t.split('\n')).filter((line) => forbidden.some((x) => line.includes(x)));
      w.seen.push({ screen: store.screen, phase: store.view()?.phase ?? null, lines });
    };
    // After the other listeners, and after the next frames (a new screen's scene is created in Phaser's next step).
    const later = () => requestAnimationFrame(() => requestAnimationFrame(look));
    store.onChange(later);
    store.onScreen(later);
  }, FORBIDDEN);
}

describe('a scenario with its own sides', () => {
  it('India and Pakistan: the title offers them, and no screen from the title to the debrief names the United States or Russia', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    // The game's seed comes from the clock: a fixed clock plays the same game every run.
    await page.clock.setFixedTime(new Date('2026-01-01T00:00:07Z'));
    await openFresh(page, env.url);
    await scene(page, 'title');
    await page.getByLabel(/load a scenario file/i).setInputFiles({ name: FILE, mimeType: 'text/yaml', buffer: Buffer.from(TEXT) });
    await page.getByRole('option', { name: /A shared river/ }).waitFor({ state: 'attached' });
    await expect(page.getByRole('alert').count()).resolves.toBe(0);

    // The side choice is the scenario's two sides, by name, in its order; the logo's caption names them and its year.
    const sides = page.getByRole('group', { name: 'Your side' }).getByRole('radio');
    await expect.poll(() => sides.evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.trim()))).toEqual(['India', 'Pakistan']);
    await expect(sides.evaluateAll((rs) => rs.map((r) => (r as HTMLInputElement).value))).resolves.toEqual(['india', 'pakistan']);
    await expect.poll(async () => (await textsOnScreen(page)).texts).toContain('India · Pakistan · 1960');
    await animationFrames(page);
    expect(await forbiddenOnScreen(page)).toEqual([]);
    await expect(page.title()).resolves.toBe('Reset — a negotiation game');
    await screenshot(page, 'game-seats-title');

    await watchEveryScreen(page);
    await setUp(page, { side: 'Pakistan' });
    await press(page, 'button', 'New game');
    await scene(page, 'briefing');
    await expect(page.getByRole('heading', { name: 'Confidential brief: Pakistan' }).count()).resolves.toBe(1);
    // Pakistan has no capital in the file: its leader's line names Pakistan, never a capital of another scenario.
    await expect(page.getByText('Leader: the President, Pakistan.').count()).resolves.toBe(1);
    expect(await forbiddenOnScreen(page)).toEqual([]);
    await press(page, 'button', 'Go to the table');
    await scene(page, 'table');
    await expect(page.getByText('You are Pakistan.').count()).resolves.toBe(1);

    let proposed = false;
    for (let i = 0; i < 80; i++) {
      const next = await nextTurnFor(page);
      if (next === 'debrief') break;
      expect(await forbiddenOnScreen(page)).toEqual([]);
      const heading = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
      const give = page.getByRole('group', { name: /cards you give/i }).getByRole('checkbox');
      const ask = page.getByRole('group', { name: /cards you ask/i }).getByRole('checkbox');
      if (!heading.includes('Proposals') || proposed || !(await give.count()) || !(await ask.count())) {
        await playOneMove(page);
        continue;
      }
      // Pakistan's package: a card of its own hand for an option of India's three-option issue (if still open).
      const option = ask.filter({ hasText: /years of transition/ });
      const tick = async (box: typeof give) => {
        await box.first().focus();
        await page.keyboard.press('Space');
      };
      await tick(give);
      await tick((await option.count()) ? option : ask);
      const send = page.getByRole('button', { name: 'Send proposal' });
      await page.getByText(/^Preview: /).waitFor();
      if (!(await send.isEnabled())) throw new Error(`the package cannot be sent: ${(await page.locator('.refused').allTextContents()).join(' ')}`);
      await send.focus();
      await page.keyboard.press('Enter');
      proposed = true;
      await page.waitForFunction(() => document.querySelector('#live')!.textContent!.includes('the package'));
      await animationFrames(page);
      // The canvas names both sides' columns and meters by the scenario's names.
      const { texts } = await textsOnScreen(page);
      expect(texts).toEqual(expect.arrayContaining(['India', 'Pakistan', 'Trust in Pakistan', 'Trust in India']));
      await screenshot(page, 'game-seats-turn');
    }
    expect(proposed).toBe(true);
    await scene(page, 'debrief');
    await animationFrames(page);
    expect(await forbiddenOnScreen(page)).toEqual([]);
    const scores = page.getByRole('table', { name: /Scores by side/ });
    expect(await scores.getByRole('rowheader').allTextContents()).toEqual(['India (computer)', 'Pakistan (you)']);
    const agreements = page.getByRole('table', { name: 'Every signed agreement' });
    if (await agreements.count()) expect(await agreements.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining(['India gave', 'Pakistan gave', 'India kept it?', 'Pakistan kept it?']));
    await screenshot(page, 'game-seats-debrief');

    // Back at the title, the last game is summed up by its own title and side, and the custom file is still chosen.
    await press(page, 'button', 'Back to the title');
    await scene(page, 'title');
    await page.getByText('A shared river, Pakistan against the computer: the game is over.').waitFor();
    await expect.poll(() => sides.evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.trim()))).toEqual(['India', 'Pakistan']);
    await animationFrames(page);
    expect(await forbiddenOnScreen(page)).toEqual([]);

    // Every screen and phase the game went through was looked at, and none named the United States or Russia.
    const seen = await page.evaluate(() => (window as unknown as { seen: { screen: string; phase: string | null; lines: string[] }[] }).seen);
    expect(seen.flatMap((s) => s.lines.map((line) => `${s.screen}/${s.phase}: ${line}`))).toEqual([]);
    expect(new Set(seen.map((s) => s.screen))).toEqual(new Set(['briefing', 'table', 'debrief', 'title']));
    const phases = new Set(seen.filter((s) => s.screen === 'table').map((s) => s.phase));
    expect([...phases]).toEqual(expect.arrayContaining(['statements', 'proposals', 'responses', 'implementation']));
    expect(errors).toEqual([]);
    await page.close();
  });
});
