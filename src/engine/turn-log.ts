// The record of each turn (its moves, ledger and news) only grows. A recipe appends to it by giving the draft a new,
// frozen history that shares every older record, instead of pushing through the draft: immer copies a drafted array
// and walks every entry of it when the recipe ends, which was most of a move's cost when measured (issue 14).
// A recipe run through withTurnLog collects what it appends and writes it to the history once, when it ends or
// before anything else changes the history: a move changes several meters, and each entry written on its own cost a
// copy of the history.
import type { GameState, TurnLog } from './types';

type TurnList = 'moves' | 'ledger' | 'news';
type Entries = { [L in TurnList]: TurnLog[L][number][] };

/** The recipe running through withTurnLog (its draft), and what it has appended and not yet written. */
let recording: { g: GameState; entries: Entries } | undefined;
const noEntries = (): Entries => ({ moves: [], ledger: [], news: [] });
const unwrittenOf = (g: GameState): Entries | undefined => (recording?.g === g ? recording.entries : undefined);

/** Run `recipe` on draft `g`, writing what it appends to the turn's record once, when it ends. */
export function withTurnLog(g: GameState, recipe: (g: GameState) => void): void {
  const outer = recording;
  recording = { g, entries: noEntries() };
  try {
    recipe(g);
    writeAppended(g);
  } finally {
    recording = outer;
  }
}

/** Write what the recipe appended so far to the record of the turn being played. */
function writeAppended(g: GameState): void {
  const entries = unwrittenOf(g);
  if (!entries || entries.moves.length + entries.ledger.length + entries.news.length === 0) return;
  const { moves, ledger, news } = entries;
  recording!.entries = noEntries();
  // The record appended to is the last one (the turn being played when they were appended).
  const history = [...plainHistory(g)];
  const record = history[history.length - 1];
  history[history.length - 1] = Object.freeze({
    ...record,
    moves: longer(record.moves, moves),
    ledger: longer(record.ledger, ledger),
    news: longer(record.news, news),
  });
  g.history = Object.freeze(history) as TurnLog[];
}

/**
 * A property of a draft as it stands now, without making a draft of it: immer makes a draft of every object read
 * through a draft (then walks it when the recipe ends) but not of a property descriptor's value. For parts that
 * recipes replace and never change in place (the history), or only read; never change what this returns.
 */
export function peek<T extends object, K extends keyof T>(draft: T, key: K): T[K] {
  return Reflect.getOwnPropertyDescriptor(draft, key)?.value as T[K];
}

/** The history as it stands, read without making a draft of it (a draft would be thrown away and cost its clean-up). */
const plainHistory = (g: GameState): readonly TurnLog[] => peek(g, 'history');

/** Replace the history with `change(history)`, frozen (records are frozen as they are made). */
export function updateHistory(g: GameState, change: (history: readonly TurnLog[]) => TurnLog[]): void {
  writeAppended(g);
  g.history = Object.freeze(change(plainHistory(g))) as TurnLog[];
}

/** Open the record of a new turn (history[turn]). */
export function startTurnRecord(g: GameState, turn: number): void {
  updateHistory(g, (history) => [...history, deepFreeze({ turn, moves: [], ledger: [], news: [] })]);
}

/** Change the record of the turn being played (history[turn]). */
export function updateTurnRecord(g: GameState, change: (record: TurnLog) => TurnLog): void {
  const turn = g.turn;
  updateHistory(g, (history) => {
    const next = [...history];
    next[turn] = Object.freeze(change(history[turn]));
    return next;
  });
}

/** Add an entry to one list of the record of the turn being played. */
export function appendToTurn<L extends TurnList>(g: GameState, list: L, item: TurnLog[L][number]): void {
  const entry = deepFreeze(item);
  const entries = unwrittenOf(g);
  if (entries) (entries[list] as TurnLog[L][number][]).push(entry);
  else updateTurnRecord(g, (record) => ({ ...record, [list]: Object.freeze([...record[list], entry]) }));
}

/** `list` with `added` at its end, frozen (the same list when nothing is added). */
function longer<T>(list: T[], added: T[]): T[] {
  return added.length ? (Object.freeze([...list, ...added]) as T[]) : list;
}

/** One list of the record of the turn being played, in two parts: what is written, and what the recipe has appended to it since (read only). */
export function turnList<L extends TurnList>(g: GameState, list: L): [readonly TurnLog[L][number][], readonly TurnLog[L][number][]] {
  const history = plainHistory(g);
  const written = history[history.length - 1][list] as TurnLog[L][number][];
  return [written, (unwrittenOf(g)?.[list] ?? []) as TurnLog[L][number][]];
}

/** Freeze a value made by this recipe, stopping at what is frozen already (everything older). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const v of value) deepFreeze(v);
  else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  return Object.freeze(value);
}
