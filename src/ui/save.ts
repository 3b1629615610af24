// The saved game: scenario text, settings and the move log; resuming replays the log through the engine.
import { RULES_VERSION, replay, scenarioOfLength, type GameLog, type GameState, type Language, type Scenario, type Text } from '../engine';
import { wordsFor } from './i18n';
import type { ScenarioSource } from './scenarios';
import { loadSource } from './scenarios';
import type { Settings } from './session';

export const SAVE_KEY = 'reset.save';
export const SAVE_VERSION = 1;
/** The rules of saves written before they said which: the only rules there were until then. */
const RULES_BEFORE_RECORDED = 1;

export interface SaveFile {
  version: number;
  /** The engine's RULES_VERSION when the game was played: the log replays the same game only under those rules. */
  rulesVersion: number;
  source: ScenarioSource;
  settings: Settings;
  log: GameLog;
  /** What the title screen says about the game without replaying it (saves from before it have none). */
  summary?: SaveSummary;
  /** A branch: the game it was branched from (its whole log) and the turn it went its own way at. */
  origin?: Origin;
}

export interface Origin {
  log: GameLog;
  turn: number;
}

export interface SaveSummary {
  title: string;
  /** The player's side by name (hot-seat: the first player's). */
  side: string;
  /** The same two in every language the scenario has (saves from before languages have only the English above). */
  titleText?: Text;
  sideText?: Text;
  opponent: Settings['opponent'];
  turn: number;
  turns: number;
  /** The game is over: the title offers its debrief, not to resume it. */
  ended: boolean;
}

export type Resumed =
  | { ok: true; source: ScenarioSource; scenario: Scenario; settings: Settings; state: GameState; origin?: Origin }
  | { ok: false; message: string };

export function writeSave(save: SaveFile): void {
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify(save));
  } catch {
    // storage full or blocked: the game goes on unsaved
  }
}

export function clearSave(): void {
  try {
    localStorage.removeItem(SAVE_KEY);
  } catch {
    // nothing to clear
  }
}

export function hasSave(): boolean {
  try {
    return localStorage.getItem(SAVE_KEY) !== null;
  } catch {
    return false;
  }
}

/** The saved game's summary, read without replaying it: null when there is no save or it does not say. */
export function savedSummary(): SaveSummary | null {
  try {
    const raw = localStorage.getItem(SAVE_KEY);
    const summary = raw === null ? undefined : (JSON.parse(raw) as Partial<SaveFile>)?.summary;
    return summary && typeof summary === 'object' && typeof summary.ended === 'boolean' ? summary : null;
  } catch {
    return null;
  }
}

/** Read and replay the save; any problem becomes a message for the player, never an exception. */
export async function readSave(lang: Language = 'en'): Promise<Resumed | null> {
  const w = wordsFor(lang).save;
  let raw: string | null;
  try {
    raw = localStorage.getItem(SAVE_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  let save: SaveFile;
  try {
    save = JSON.parse(raw) as SaveFile;
  } catch {
    return { ok: false, message: w.damaged };
  }
  if (!save || typeof save !== 'object' || typeof save.version !== 'number')
    return { ok: false, message: w.damaged };
  if (save.version !== SAVE_VERSION)
    return { ok: false, message: w.otherFormat(save.version, SAVE_VERSION) };
  const rules = save.rulesVersion ?? RULES_BEFORE_RECORDED;
  if (rules !== RULES_VERSION)
    return { ok: false, message: w.otherRules(rules, RULES_VERSION) };
  try {
    const loaded = await loadSource(save.source);
    if (!loaded.ok) return { ok: false, message: w.noScenario(save.source.file) };
    const played = scenarioOfLength(loaded.scenario, save.settings?.length);
    const state = replay(played, save.log);
    // A branch's first game replays too, or the branch is kept without it.
    let origin: Origin | undefined;
    try {
      if (save.origin) replay(played, save.origin.log);
      origin = save.origin;
    } catch {
      origin = undefined;
    }
    return { ok: true, source: save.source, scenario: loaded.scenario, settings: save.settings, state, ...(origin ? { origin } : {}) };
  } catch (e) {
    return { ok: false, message: w.noReplay((e as Error).message) };
  }
}
