// The record of each turn (its moves, ledger and news) only grows. A recipe appends to it by giving the draft a new,
// frozen history that shares every older record, instead of pushing through the draft: immer copies a drafted array
// and walks every entry of it when the recipe ends, which was most of a move's cost when measured (issue 14).
import type { GameState, TurnLog } from './types';

type TurnList = 'moves' | 'ledger' | 'news';

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
  updateTurnRecord(g, (record) => ({ ...record, [list]: Object.freeze([...record[list], entry]) }));
}

/** Freeze a value made by this recipe, stopping at what is frozen already (everything older). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const v of value) deepFreeze(v);
  else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  return Object.freeze(value);
}
