// Reading the per-turn records as whole-game lists: the log, the ledger, the news, the timeline.
import type { GameState, LedgerEntry, Move, NewsItem, TurnLog } from './types';

// Spread, not flatMap: V8 reads frozen arrays (immer freezes the state) several times slower.
const allOf = <K extends 'moves' | 'ledger' | 'news'>(g: GameState, list: K): TurnLog[K][number][] => {
  const out: TurnLog[K][number][] = [];
  for (const t of [...g.history]) out.push(...(t[list] as TurnLog[K][number][]));
  return out;
};
export const allMoves = (g: GameState): Move[] => allOf(g, 'moves');
export const allLedger = (g: GameState): LedgerEntry[] => allOf(g, 'ledger');
export const allNews = (g: GameState): NewsItem[] => allOf(g, 'news');
export const currentTurn = (g: GameState): TurnLog => g.history[g.history.length - 1];
/** Resolved turns (and turn 0, the start), with every meter: for charts. */
export const timeline = (g: GameState): Required<Pick<TurnLog, 'turn' | 'meters' | 'stages'>>[] =>
  g.history.filter((t) => t.meters).map((t) => ({ turn: t.turn, meters: t.meters!, stages: t.stages! }));
