// The computer counterpart in a Web Worker: the page sends the game after each move and gets the decision back, so
// the table never waits on the counterpart's search. The worker keeps the counterpart (and what it has learned)
// between decisions, and reports how long each took.
import { createCounterpart, type Counterpart } from './counterpart';
import type { WorkerReply, WorkerRequest } from './worker-counterpart';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(reply: WorkerReply): void };
let counterpart: Counterpart | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'start') {
    counterpart = createCounterpart(m.scenario, m.side, m.difficulty, m.seed, { budgetMs: m.budgetMs });
    return;
  }
  const t0 = performance.now();
  try {
    if (!counterpart) throw new Error('the counterpart worker was asked to decide before it was started');
    const decision = counterpart.decide(m.state);
    scope.postMessage({ id: m.id, decision, ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ id: m.id, error: (err as Error).message, ms: performance.now() - t0 });
  }
};
