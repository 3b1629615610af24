// The interface in Russian: switched on the title screen, remembered by the browser, and a whole turn played
// with no English left on screen — in the panel or drawn on the table — but for what is English at its source:
// scenario texts (those without a Russian translation, names in Latin letters in the translations, the articles'
// quotes, which are checked word for word). The engine's ledger causes are said in Russian (ui/labels causeWords), and
// so are the computer's reasons for its moves (reasonWords): in the panel, in the announcements and in its speech
// bubble on the table, none is left in English.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndVite, screenshot, watchErrors } from './harness';
import { animationFrames } from '../waiting';
import { openFresh, scene } from './game-kit';
import { SCENARIO, finishedGame, openWithSave, saveOf } from './saves';

const env = browserAndVite({ reducedMotion: 'reduce' });

/**
 * The scenario's texts the Russian screen may show with Latin letters in them: its English texts that have no Russian
 * one, and its Russian texts (which keep names such as Patriot or The Moscow Times in Latin letters).
 */
function scenarioTexts(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) scenarioTexts(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.en === 'string' && Object.keys(o).every((k) => k === 'en' || k === 'ru')) out.add(typeof o.ru === 'string' ? o.ru : o.en);
    else for (const v of Object.values(o)) scenarioTexts(v, out);
  }
  return out;
}
const SCENARIO_ENGLISH = [...scenarioTexts(SCENARIO)].filter((t) => /[A-Za-z]{2}/.test(t));

/**
 * What is on screen: the page's title, the panel's visible text and every text drawn on the canvas. Text marked
 * lang="en" is English on purpose (the language switch's "English", the articles' quotes) and is left out.
 */
async function onScreen(page: Page): Promise<{ lines: string[] }> {
  return page.evaluate(() => {
    type Obj = { type: string; text?: string; list?: Obj[] };
    const w = window as unknown as {
      resetGame: {
        game: { scene: { getScenes(active: boolean): { children: { list: Obj[] }; paintedTexts?(): string[] }[] } };
      };
    };
    const texts: string[] = [];
    const walk = (o: Obj) => {
      if (o.type === 'Text' && o.text) texts.push(o.text);
      for (const c of o.list ?? []) walk(c);
    };
    for (const s of w.resetGame.game.scene.getScenes(true)) for (const o of s.children.list) walk(o);
    // The texts the table paints onto its board.
    for (const s of w.resetGame.game.scene.getScenes(true)) texts.push(...(s.paintedTexts?.() ?? []));
    const marked = [...document.querySelectorAll<HTMLElement>('#panel [lang="en"]')];
    for (const m of marked) m.dataset.hold = m.style.display, (m.style.display = 'none');
    const panel = document.querySelector<HTMLElement>('#panel')!.innerText;
    for (const m of marked) m.style.display = m.dataset.hold ?? '';
    return { lines: [document.title, ...panel.split('\n'), ...texts.flatMap((t) => t.split('\n'))] };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines with English words left on screen once the texts that may be English are taken out. */
async function englishLeft(page: Page): Promise<string[]> {
  const { lines } = await onScreen(page);
  return withEnglish(lines);
}

/** Of these lines, those with English words in them once the texts that may be English are taken out. */
function withEnglish(lines: string[]): string[] {
  const texts = [...SCENARIO_ENGLISH].sort((a, b) => b.length - a.length);
  const allowed = texts.map((t) => new RegExp(`(?<![A-Za-z])${escape(t)}(?![A-Za-z])`, 'g'));
  return lines.filter((line) => {
    let rest = line.trim();
    // The canvas shortens a long text to fit, ending it with "…": the start of an allowed text is allowed. A meter's
    // floating note is a ledger cause cut that way and then, in Russian, how many more changes it stands for.
    const cutAt = /…(?: \(\+ ещё \d+\))?$/.exec(rest);
    if (cutAt) {
      const body = rest.slice(0, cutAt.index);
      const cut = texts.map((t) => [...Array(Math.min(t.length, body.length) + 1).keys()].reverse().find((k) => k >= 8 && body.endsWith(t.slice(0, k))) ?? 0).reduce((a, b) => Math.max(a, b), 0);
      if (cut) rest = body.slice(0, body.length - cut);
    }
    for (const a of allowed) rest = rest.replace(a, ' ');
    rest = rest
      .replace(/“[^”]*”/g, ' ') // the articles' quotes, verbatim
      .replace(/\b\d{3}_[0-9a-f]{16}\.txt\b/g, ' ') // their file names
      .replace(/\b[A-Z][A-Z0-9+]*\b/g, ' '); // abbreviations and ids: JSON, NATO, P5+1, A1
    return /[A-Za-z]{2,}/.test(rest);
  });
}

/**
 * The computer's last reason as the side on screen may see it: as it wrote it (English), and where the table shows it
 * — the panel's line, the speech bubble painted on the board, the announcement of the move it explains.
 */
async function reasonShown(page: Page): Promise<{ english: string; panel: string; bubble: string[]; live: string[] } | null> {
  return page.evaluate(() => {
    const w = window as unknown as {
      resetGame: {
        store: { visibleReason(): { reason: string } | null };
        game: { scene: { getScene(k: string): unknown } };
      };
    };
    const r = w.resetGame.store.visibleReason();
    if (!r) return null;
    const table = w.resetGame.game.scene.getScene('table') as { paintedTexts(): string[] };
    return {
      english: r.reason,
      panel: document.querySelector<HTMLElement>('#panel .reason')?.innerText ?? '',
      bubble: table.paintedTexts().filter((t) => t.startsWith('“')),
      live: [...document.querySelectorAll<HTMLElement>('#live p')].map((p) => p.innerText).filter((t) => t.includes('Причина: ')),
    };
  });
}

async function pressIn(page: Page, name: string | RegExp) {
  const target = page.getByRole('button', { name }).first();
  await target.focus();
  await page.keyboard.press('Enter');
}

describe('the interface in Russian', () => {
  it('is chosen on the title screen, remembered, and a whole turn shows no English UI text', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await openFresh(page, env.url);
    await scene(page, 'title');
    await expect(page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await pressIn(page, 'Русский');
    await page.getByRole('heading', { name: 'Перезагрузка', level: 1 }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ru');
    // Remembered: a reload opens in Russian.
    await page.reload();
    await scene(page, 'title');
    await page.getByRole('heading', { name: 'Перезагрузка', level: 1 }).waitFor();
    await expect(page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await animationFrames(page);
    await screenshot(page, 'ru-title');
    const left: Record<string, string[]> = {};
    const look = async (where: string) => {
      await animationFrames(page, 3);
      const words = await englishLeft(page);
      if (words.length) left[where] = words;
    };
    await look('title');

    await pressIn(page, 'Новая игра');
    await scene(page, 'briefing');
    await look('briefing');
    await screenshot(page, 'ru-briefing');
    await pressIn(page, 'За стол переговоров');
    await scene(page, 'table');
    await look('table, statements');
    // The table writes every track's name, meter label and the other leader's speech whole (wrapped or smaller), in Russian too.
    const whole = await page.evaluate(() => {
      type Named = { name: { en: string; ru?: string } };
      const w = window as unknown as { resetGame: { game: { scene: { getScene(k: string): unknown } }; store: { session: { scenario: { tracks: Named[] } } } } };
      const table = w.resetGame.game.scene.getScene('table') as { cutTexts(): string[]; paintedTexts(): string[]; meters: Map<string, { label: string }> };
      const lanes = w.resetGame.store.session.scenario.tracks.map((t) => t.name.ru ?? t.name.en);
      // A card's band names its track without the part in brackets.
      const bands = lanes.map((n) => n.replace(/\s*\(.*\)\s*/, ' ').trim());
      return { cut: table.cutTexts(), painted: table.paintedTexts(), labels: [...table.meters.values()].map((m) => m.label), lanes, bands };
    });
    expect(whole.painted).toEqual(expect.arrayContaining([...whole.labels, ...whole.lanes]));
    expect(whole.cut.filter((t) => [...whole.labels, ...whole.lanes, ...whole.bands].includes(t) || t.startsWith('“'))).toEqual([]);

    // The computer's reasons, wherever the table shows them: in Russian, never as the agent wrote them in English.
    const reasons: { where: string; english: string; shown: string[] }[] = [];
    const lookAtReason = async (where: string) => {
      const r = await reasonShown(page);
      if (r) reasons.push({ where, english: r.english, shown: [r.panel, ...r.bubble, ...r.live] });
    };

    // One turn: a statement, a package (or a pass), the answer, implementation, to the next turn's statements.
    const turnOne = () => page.evaluate(() => (window as unknown as { resetGame: { store: { session: { state: { turn: number } } } } }).resetGame.store.session.state.turn === 1);
    for (let i = 0; i < 20 && (await turnOne()); i++) {
      await page.waitForFunction(() => document.querySelector('#panel')!.textContent!.includes('Ваш ход.') || document.body.dataset.scene !== 'table');
      if (!(await turnOne())) break;
      const heading = (await page.locator('#status-h').textContent()) ?? '';
      await look(heading);
      await lookAtReason(heading);
      if (heading.includes('Публичные заявления')) await pressIn(page, 'Примирительное заявление');
      else if (heading.includes('Предложения')) {
        await page.getByRole('group', { name: /что вы уступаете/i }).getByRole('checkbox', { disabled: false }).first().check();
        await page.getByRole('group', { name: /что вы просите/i }).getByRole('checkbox').first().check();
        await look('a package being built');
        await screenshot(page, 'ru-table-package');
        await pressIn(page, 'Отправить предложение');
      } else if (heading.includes('Ответы')) await pressIn(page, /^(Принять|Отклонить) пакет$/);
      else if (heading.includes('Выполнение')) {
        const implement = page.locator('button', { hasText: /^Выполнить A\d+$/ });
        if (await implement.count()) await pressIn(page, /^Выполнить A\d+$/);
        else await pressIn(page, 'Завершить выполнение');
      } else throw new Error(`no move known for "${heading}"`);
    }
    await page.waitForFunction(() => document.querySelector('#panel')!.textContent!.includes('Ваш ход.'));
    await animationFrames(page, 20);
    await look('turn 2');
    await lookAtReason('turn 2');
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) {
      const [panel, bubble, ...live] = r.shown;
      // The panel's line and the bubble both show the reason; the announcement of its move (when still in the log) too.
      expect(panel, r.where).toMatch(/[А-Яа-яЁё]{3}/);
      expect(bubble, r.where).toMatch(/^“[А-Яа-яЁё«]/);
      for (const text of [panel, bubble, ...live]) {
        expect(text, r.where).not.toContain(r.english);
        expect(withEnglish([text.replace(/^“|”$/g, '')]), `${r.where}: ${text}`).toEqual([]);
      }
    }
    expect(reasons.some((r) => r.shown.length > 2)).toBe(true);
    await screenshot(page, 'ru-table-turn-2');
    await page.getByRole('button', { name: 'Открыть журнал' }).click();
    await look('the ledger open');

    // The debrief of a finished game, in Russian.
    await openWithSave(page, env.url, saveOf(finishedGame()), { 'reset.language': 'ru' });
    await scene(page, 'debrief');
    await page.getByRole('heading', { name: /^Разбор игры/, level: 1 }).waitFor();
    await look('debrief');
    await screenshot(page, 'ru-debrief');
    // The lesson sections speak Russian too: what each side wanted, the deals both would have preferred, playing again.
    for (const name of ['Чего на самом деле хотела каждая сторона', 'Сделки, которые обе стороны предпочли бы', 'Сыграть заново с любого хода'])
      expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    expect(await page.getByText(/^Пакет, в котором .+ дал бы сверх выполненной сделки: /).count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Чего на самом деле хотела каждая сторона' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'ru-debrief-wanted');

    expect(left).toEqual({});
    expect(errors).toEqual([]);
    await page.close();
  });
});
