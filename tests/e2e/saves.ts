// Saved games made by the engine in Node and put into a page's storage before it loads: a browser test starts
// at the moment it is about (a package waiting for an answer, a signed agreement, a finished game) without
// playing up to it through the screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RULES_VERSION, applyMove, createGame, logOf, type GameState, type Move, type Scenario, type Side } from '../../src/engine';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { loadScenarioText } from '../../src/scenario/load';
import { advance, giveable } from '../unit/engine-test-kit';
import { ROOT } from './harness';
import { openWithStorage, scene } from './game-kit';

export const FILE = 'reset-2009.yaml';
export const TEXT = readFileSync(join(ROOT, 'scenarios', FILE), 'utf8');
const loaded = loadScenarioText(TEXT, FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
export const SCENARIO: Scenario = loaded.scenario;
export const SEED = 5;

/** The page's save (src/ui/save.ts) of `state` for a game of `side` against the computer or hot-seat. */
export function saveOf(state: GameState, settings: { side?: Side; opponent?: 'computer' | 'hotseat' } = {}): string {
  return JSON.stringify({
    version: 1,
    rulesVersion: RULES_VERSION,
    source: { file: FILE, text: TEXT, builtIn: true },
    settings: { side: settings.side ?? 'us', opponent: settings.opponent ?? 'computer', difficulty: 'easy', seed: SEED },
    log: logOf(state),
  });
}

export function must(state: GameState, move: Move): GameState {
  const r = applyMove(SCENARIO, state, move);
  if (!r.ok) throw new Error(`${move.type} by ${move.side} refused: ${r.reason}`);
  return r.state;
}

/** The statements of a later turn about to be made (the computer speaks as soon as the game is open). */
export function statementsOfTurn(turn: number): GameState {
  return advance(SCENARIO, createGame(SCENARIO, SEED), (g) => g.phase === 'statements' && g.turn === turn);
}

/** Russia's package (one card given, one asked) waits for the United States' answer. */
export function russianOffer(): GameState {
  const state = advance(SCENARIO, createGame(SCENARIO, SEED), (g) => g.phase === 'proposals' && g.initiative === 'ru');
  return must(state, { type: 'propose', side: 'ru', give: [giveable(SCENARIO, state, 'ru')[0]], ask: [giveable(SCENARIO, state, 'us')[0]] });
}

/** That package accepted: agreement A1 signed, each side owing a card, the implementation phase begun. */
export function signedAgreement(): GameState {
  return must(russianOffer(), { type: 'accept', side: 'us' });
}

/** A whole game played to its end by two scripted players. */
export function finishedGame(): GameState {
  return playGame(SCENARIO, SEED, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator }).state;
}

/** A whole game but for its last move (which ends it). */
export function lastMoveToGo(): GameState {
  const moves = logOf(finishedGame()).moves;
  return moves.slice(0, -1).reduce((state, move) => must(state, move), createGame(SCENARIO, SEED));
}

/** Open the game with `save` in its storage (and nothing else): it resumes, or offers the debrief of a finished game. */
export async function openWithSave(page: Page, url: string, save: string, extra: Record<string, string> = {}): Promise<void> {
  await openWithStorage(page, url, { 'reset.save': save, ...extra });
  await page.waitForFunction(() => ['title', 'table', 'handoff', 'debrief'].includes(document.body.dataset.scene ?? ''));
}

export { scene };
