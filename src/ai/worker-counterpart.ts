// The counterpart the browser plays against: the negotiator agent running in a Web Worker (counterpart.worker.ts)
// behind the same Counterpart interface, so the page's thread only sends the game and applies the answer. Where
// there are no workers (Node, the tests), or the worker cannot start, it is the same agent on the calling thread.
import { allMoves, type GameState, type Move, type Scenario, type Side } from '../engine';
import { createCounterpart, type Counterpart, type Decision, type Difficulty } from './counterpart';

/** What the page asks the worker. */
export type WorkerRequest =
  | { type: 'start'; scenario: Scenario; side: Side; difficulty: Difficulty; seed: number; budgetMs: number }
  /** The whole game (the first time, or to resynchronise), or the moves made since the last request. */
  | { type: 'decide'; id: number; state?: GameState; moves?: Move[]; moveCount: number };
/** What the worker answers: the decision, why it could not decide, or that it needs the whole game; and the time it took. */
export type WorkerReply = { id: number; ms: number } & ({ decision: Decision } | { error: string } | { resync: true });

/** The worker's time budget per decision (ms): past half of it the package search stops with what it has. */
export const WORKER_BUDGET_MS = 150;

/** Timings of the decisions made in the worker, for the browser benchmark (window.__counterpartTimes). */
export interface CounterpartTimes {
  /** Time each decision took inside the worker. */
  worker: number[];
  /** Time the page's thread spent on each: sending the game, and reading the answer. */
  main: number[];
}

export function createBrowserCounterpart(scenario: Scenario, side: Side, difficulty: Difficulty, seed: number, times?: CounterpartTimes): Counterpart {
  // The same agent on this thread: for beliefs() at the debrief, and if the worker cannot be used.
  const local = createCounterpart(scenario, side, difficulty, seed);
  if (typeof Worker === 'undefined') return local;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./counterpart.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return local;
  }
  const waiting = new Map<number, { resolve(d: Decision): void; reject(e: Error): void; sendMs: number; state: GameState }>();
  let next = 1;
  // The last game it was asked about: the local agent follows it before the debrief reads its beliefs.
  let seen: GameState | null = null;
  // How many moves of the game the worker holds: only the moves after them are sent (a game's log, not its state).
  let sent = 0;
  const send = (id: number, state: GameState, whole: boolean) => {
    const t0 = performance.now();
    const moves = allMoves(state);
    const ask: WorkerRequest = whole || sent === 0 || sent > moves.length
      ? { type: 'decide', id, state, moveCount: moves.length }
      : { type: 'decide', id, moves: moves.slice(sent), moveCount: moves.length };
    worker.postMessage(ask);
    sent = moves.length;
    return performance.now() - t0;
  };
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const t0 = performance.now();
    const reply = e.data;
    const w = waiting.get(reply.id);
    if (!w) return;
    if ('resync' in reply) {
      w.sendMs += send(reply.id, w.state, true);
      return;
    }
    waiting.delete(reply.id);
    if ('decision' in reply) w.resolve(reply.decision);
    else w.reject(new Error(reply.error));
    if (times) {
      times.worker.push(reply.ms);
      times.main.push(w.sendMs + performance.now() - t0);
    }
  };
  worker.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(`the counterpart's worker failed: ${e.message}`));
    waiting.clear();
  };
  const start: WorkerRequest = { type: 'start', scenario, side, difficulty, seed, budgetMs: WORKER_BUDGET_MS };
  worker.postMessage(start);
  return {
    ...local,
    decideAsync(state: GameState): Promise<Decision> {
      const id = next++;
      seen = state;
      const answer = new Promise<Decision>((resolve, reject) => waiting.set(id, { resolve, reject, sendMs: 0, state }));
      waiting.get(id)!.sendMs = send(id, state, false);
      return answer;
    },
    beliefs(): Record<string, number> {
      if (seen) local.follow(seen);
      return local.beliefs();
    },
    stop(): void {
      worker.terminate();
      for (const w of waiting.values()) w.reject(new Error('the game was closed'));
      waiting.clear();
    },
  };
}
