// Reading the per-turn records as whole-game lists: the log, the ledger, the news, the timeline.
import type { GameState, LedgerEntry, Move, NewsItem, TurnLog } from './types';

export const allMoves = (g: GameState): Move[] => g.history.flatMap((t) => t.moves);
export const allLedger = (g: GameState): LedgerEntry[] => g.history.flatMap((t) => t.ledger);
export const allNews = (g: GameState): NewsItem[] => g.history.flatMap((t) => t.news);
export const currentTurn = (g: GameState): TurnLog => g.history[g.history.length - 1];
/** Resolved turns (and turn 0, the start), with every meter: for charts. */
export const timeline = (g: GameState): Required<Pick<TurnLog, 'turn' | 'meters' | 'stages'>>[] =>
  g.history.filter((t) => t.meters).map((t) => ({ turn: t.turn, meters: t.meters!, stages: t.stages! }));
