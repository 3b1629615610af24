// Reading the per-turn records as whole-game lists: the log, the ledger, the news, the timeline.
import type { GameState, LedgerEntry, Move, NewsItem, TurnLog } from './types';
import { meterSnapshot } from './meters';

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
/**
 * Resolved turns (and turn 0, the start), with every meter: for charts. A game that ended inside a turn (a crisis or
 * a fall from office before its resolution) ends the timeline with that turn as the game left it, so a crisis in
 * turn 5 shows escalation at 100 in turn 5.
 */
export const timeline = (g: GameState): Required<Pick<TurnLog, 'turn' | 'meters' | 'stages'>>[] => {
  const points = g.history.filter((t) => t.meters).map((t) => ({ turn: t.turn, meters: t.meters!, stages: t.stages! }));
  const last = g.history[g.history.length - 1];
  if (g.end && last && !last.meters) {
    const stages = Object.fromEntries(Object.entries(g.tracks).map(([id, t]) => [id, t.stage]));
    points.push({ turn: last.turn, meters: meterSnapshot(g), stages });
  }
  return points;
};
