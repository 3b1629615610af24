// The computer counterpart in a Web Worker: the page sends the game once, then only the moves made since, and gets
// the decision back, so the table never waits on the counterpart's search. The worker keeps the game (played on with
// the engine's own rules) and the counterpart (and what it has learned) between decisions, and reports how long
// each took.
import { applyMove, type GameState, type Scenario } from '../engine';
import { createCounterpart, type Counterpart } from './counterpart';
import type { WorkerReply, WorkerRequest } from './worker-counterpart';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(reply: WorkerReply): void };
let counterpart: Counterpart | null = null;
let scenario: Scenario | null = null;
let game: GameState | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'start') {
    scenario = m.scenario;
    game = null;
    counterpart = createCounterpart(m.scenario, m.side, m.difficulty, m.seed, { budgetMs: m.budgetMs });
    return;
  }
  const t0 = performance.now();
  try {
    if (!counterpart || !scenario) throw new Error('the counterpart worker was asked to decide before it was started');
    if (m.state) game = m.state;
    else if (game) {
      for (const move of m.moves ?? []) {
        const r = applyMove(scenario, game, move);
        if (!r.ok) throw new Error(`resync: ${r.reason}`);
        game = r.state;
      }
    }
    if (!game || game.history.reduce((n, t) => n + t.moves.length, 0) !== m.moveCount) {
      scope.postMessage({ id: m.id, resync: true, ms: performance.now() - t0 });
      return;
    }
    const decision = counterpart.decide(game);
    scope.postMessage({ id: m.id, decision, ms: performance.now() - t0 });
  } catch (err) {
    const message = (err as Error).message;
    if (message.startsWith('resync:')) scope.postMessage({ id: m.id, resync: true, ms: performance.now() - t0 });
    else scope.postMessage({ id: m.id, error: message, ms: performance.now() - t0 });
  }
};
