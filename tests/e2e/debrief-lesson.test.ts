// The debrief as a lesson in real Chromium: the other side's priorities once the game is over, the deals both sides
// would have preferred (or a sentence saying there were none), a history comparison that reads differently for a
// cooperative game and a crisis, and a branch from turn 3 played to its own debrief beside the first game's ending,
// also opened from the link a teacher hands a class.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, screenshot, watchErrors } from './harness';
import { openFresh, press, scene, setUp } from './game-kit';
import { finishedGame, openWithSave, saveOf, SCENARIO } from './saves';
import { makeRandom, outcomeOf, replay, type GameState, type Move } from '../../src/engine';
import { STRATEGIES, contextFor } from '../../src/ai/strategies';
import { playGame } from '../../src/ai/runner';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { join } from 'node:path';

const LIMITS = requireScenario(join(SCENARIO_DIR, 'limits-of-the-possible-2016.yaml'));

const env = browserAndVite({ reducedMotion: 'reduce' });

interface PageStore {
  session: { state: GameState } | null;
  humanToAct(): string | null;
  send(move: Move): string | null;
}
const movesOnPage = (page: Page) =>
  page.evaluate(() => {
    const store = (window as unknown as { resetGame: { store: PageStore } }).resetGame.store;
    const state = store.session!.state;
    return { moves: state.history.flatMap((t) => t.moves), toAct: store.humanToAct(), ended: state.phase === 'ended', turn: state.turn, seed: state.seed };
  });

/** Play the United States with a scripted strategy (decided here, sent through the page's store) until the game ends. */
async function playToTheEnd(page: Page, strategy: keyof typeof STRATEGIES): Promise<GameState> {
  const random = makeRandom(11);
  for (let i = 0; i < 2000; i++) {
    const now = await movesOnPage(page);
    const state = replay(SCENARIO, { scenario: SCENARIO.id, seed: now.seed, moves: now.moves });
    if (now.ended) return state;
    if (now.toAct === 'us') {
      const move = STRATEGIES[strategy](contextFor(SCENARIO, state, 'us', random));
      const refused = await page.evaluate((m) => (window as unknown as { resetGame: { store: PageStore } }).resetGame.store.send(m), move);
      expect(refused).toBeNull();
    } else {
      // The computer moves by itself: wait for its move (or the end).
      await page.waitForFunction((n) => {
        const store = (window as unknown as { resetGame: { store: PageStore } }).resetGame.store;
        const st = store.session!.state;
        return st.phase === 'ended' || store.humanToAct() !== null || st.history.reduce((k, t) => k + t.moves.length, 0) !== n;
      }, now.moves.length);
    }
  }
  throw new Error('the game did not end');
}

async function openDebriefOf(page: Page, save: string): Promise<void> {
  // A finished game's save without a summary resumes straight into its debrief.
  await openWithSave(page, env.url, save);
  await scene(page, 'debrief');
  await page.getByRole('heading', { level: 1, name: /^Debrief: / }).waitFor();
}

describe('the debrief as a lesson', () => {
  it('shows the other side’s priorities and red lines once the game is over, and a better deal when one existed', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    const first = finishedGame();
    await openDebriefOf(page, saveOf(first));
    const wanted = page.getByRole('region', { name: 'What each side really wanted' });
    const table = wanted.getByRole('table', { name: /real priorities/ });
    // Russia's real priority for NATO (9) is on the player's screen now, beside what each side offered.
    expect(await table.getByRole('row', { name: /NATO/ }).getByRole('cell').nth(1).textContent()).toBe(String(SCENARIO.sides.ru.priorities.nato));
    expect(await wanted.getByText(/^Russia would never give /).count()).toBe(SCENARIO.sides.ru.redLines.length);
    const missed = page.getByRole('region', { name: 'Deals both sides would have preferred' });
    const sentences = await missed.getByRole('listitem').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences[0]).toMatch(/would have given United States \(you\) \+\d+\.\d and Russia \(computer\) \+\d+\.\d, beyond the deal carried out\.$/);
    expect(await page.getByText(/^This game was a cooperative one:/).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when no deal would have been better for both, and tells a crisis apart from a cooperative game', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}/tests/e2e/pages/debrief.html?scenario=reset-2009&seed=1&us=conceder&ru=reciprocator`);
    await page.waitForSelector('body[data-ready="debrief"]');
    const missed = page.getByRole('region', { name: 'Deals both sides would have preferred' });
    expect(await missed.getByText(/^No package would have been better for both sides than the deal carried out/).count()).toBe(1);
    const cooperative = await page.locator('.game-against-history').textContent();

    // The first seed at which two hardliners end the 2016 game in a crisis (the page plays the same game).
    const seed = [1, 2, 3, 4, 5, 6, 7, 8].find((n) => playGame(LIMITS, n, { us: STRATEGIES.hardliner, ru: STRATEGIES.hardliner }).state.end?.reason === 'escalation')!;
    const end = playGame(LIMITS, seed, { us: STRATEGIES.hardliner, ru: STRATEGIES.hardliner }).state.end!;
    await page.goto(`${env.url}/tests/e2e/pages/debrief.html?scenario=limits-of-the-possible-2016&seed=${seed}&us=hardliner&ru=hardliner`);
    await page.waitForSelector('body[data-ready="debrief"]');
    const crisis = await page.locator('.game-against-history').textContent();
    expect(crisis).toMatch(new RegExp(`^Unlike history, this game ended in a crisis: escalation reached 100 in turn ${end.turn}\\.`));
    expect(cooperative).toMatch(/^This game was a cooperative one/);
    // The escalation chart reaches the crisis: its last figure is 100, in the turn the game ended.
    const rows = await page.getByRole('table', { name: 'Escalation risk, turn by turn', includeHidden: true }).getByRole('row', { includeHidden: true }).allTextContents();
    expect(rows.at(-1)).toBe(`${end.turn}100`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a game not yet over reveals nothing of the other side: no priorities, red lines, briefs or missed deals', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}/tests/e2e/pages/debrief.html?scenario=reset-2009&seed=3&stopAt=40`);
    await page.waitForSelector('body[data-ready="debrief"]');
    expect(await page.getByText('The game has not ended.').count()).toBe(1);
    for (const name of ['What each side really wanted', 'Deals both sides would have preferred', 'Play it again from any turn'])
      expect(await page.getByRole('heading', { name }).count()).toBe(0);
    const text = await page.locator('.debrief').textContent();
    for (const r of SCENARIO.sides.ru.redLines) expect(text).not.toContain((r.why as Record<string, string>).en);
    expect(text).not.toContain((SCENARIO.sides.ru.brief as Record<string, string>).en.slice(0, 50));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays a branch from turn 3 to its own debrief, which sets both endings side by side; the link opens the same turn', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    const first = finishedGame();
    await openDebriefOf(page, saveOf(first));
    // Pick turn 3 on the timeline with the keyboard and play on.
    const select = page.getByRole('combobox', { name: 'Turn to play on from' });
    await select.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const play = page.getByRole('button', { name: 'Play on from turn 3' });
    await play.focus();
    await page.keyboard.press('Enter');
    await scene(page, 'table');
    const start = await movesOnPage(page);
    expect(start.turn).toBe(3);
    // Replayed exactly: the first game's moves up to the start of turn 3.
    const before = first.history.filter((t) => t.turn < 3).flatMap((t) => t.moves);
    expect(start.moves).toEqual(before);

    const branch = await playToTheEnd(page, 'hardliner');
    await scene(page, 'debrief');
    const endings = page.getByRole('table', { name: 'The first game and this branch from turn 3' });
    await endings.waitFor();
    expect(await endings.getByRole('columnheader').allTextContents()).toEqual(['The first game', 'This branch (from turn 3)']);
    const scoreRow = await endings.getByRole('row', { name: /United States' score/ }).getByRole('cell').allTextContents();
    expect(scoreRow[0]).toMatch(new RegExp(`^${outcomeOf(SCENARIO, first).sides.us.score} \\(`));
    expect(scoreRow[1]).toMatch(new RegExp(`^${outcomeOf(SCENARIO, branch).sides.us.score} \\(`));
    const ended = await endings.getByRole('row', { name: /How it ended/ }).getByRole('cell').allTextContents();
    expect(ended[0]).toBe('The talks ran their full course: the game ended after turn 12.');
    expect(ended[1].length).toBeGreaterThan(0);
    await endings.scrollIntoViewIfNeeded();
    await screenshot(page, 'debrief-two-endings');

    // The teacher's link to turn 3 of this game: another browser page opens it at the same turn.
    const turn = Number(await page.getByRole('combobox', { name: 'Turn to play on from' }).inputValue());
    const link = await page.getByRole('textbox', { name: 'Link for a class' }).inputValue();
    expect(link).toContain('?branch=');
    const student = await env.browser.context.newPage();
    const studentErrors = watchErrors(student);
    await student.goto(link);
    await scene(student, 'title');
    await student.getByRole('heading', { name: 'A turn shared with you' }).waitFor();
    await student.getByRole('button', { name: /^Play on from turn \d+$/ }).click();
    await scene(student, 'table');
    const opened = await movesOnPage(student);
    expect(opened.turn).toBe(turn);
    expect(opened.moves).toEqual(branch.history.filter((t) => t.turn < turn).flatMap((t) => t.moves));
    // The same turn as a file, opened from the title screen's file picker on a fresh page.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download turn ${turn} as a file` }).click()]);
    expect(file.suggestedFilename()).toBe(`reset-reset-2009-turn${turn}.json`);
    const another = await env.browser.context.newPage();
    const anotherErrors = watchErrors(another);
    await openFresh(another, env.url);
    await scene(another, 'title');
    await another.getByLabel('Load a scenario file').setInputFiles((await file.path())!);
    await another.getByRole('button', { name: `Play on from turn ${turn}` }).click();
    await scene(another, 'table');
    expect((await movesOnPage(another)).moves).toEqual(opened.moves);
    expect(errors).toEqual([]);
    expect(studentErrors).toEqual([]);
    expect(anotherErrors).toEqual([]);
    await another.close();
    await student.close();
    await page.close();
  });

  it('the title offers the class length: six turns and the short summary in the briefing', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await setUp(page, { side: 'Russia' });
    expect(await page.getByRole('radio', { name: 'Full game: 12 turns' }).isChecked()).toBe(true);
    await press(page, 'radio', /^Class length: 6 turns/);
    await screenshot(page, 'title-class-length');
    await press(page, 'button', 'New game');
    await scene(page, 'briefing');
    const summary = (SCENARIO.classLength!.summary as Record<string, string>).en;
    expect(await page.getByText(summary.slice(0, 60)).count()).toBe(1);
    expect(await page.getByText((SCENARIO.summary as Record<string, string>).en.slice(0, 60)).count()).toBe(0);
    const turns = await page.evaluate(() => (window as unknown as { resetGame: { store: { session: { scenario: { turns: number }; settings: { length?: string } } } } }).resetGame.store.session);
    expect(turns.scenario.turns).toBe(6);
    expect(turns.settings.length).toBe('class');
    await screenshot(page, 'briefing-class-length');
    expect(errors).toEqual([]);
    await page.close();
  });
});
