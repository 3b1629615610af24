// Ask a flat XState machine where an event leads, evaluating its guards, without starting an actor.
// xstate's transition() builds an actor system on every call (most of a move's time when measured);
// for our flat machines the enabled transition's target is the whole answer.
import type { EventObject } from 'xstate';

interface Transition {
  target?: readonly { key: string }[];
  actions: readonly unknown[];
}

/**
 * The state an event leads to: the target's key, `stay` for an enabled transition without target
 * (a move the phase accepts), or null when no transition is enabled (the event is refused).
 */
export function stepFlat(machine: { getTransitionData: unknown }, snapshot: unknown, event: EventObject): string | 'stay' | null {
  const enabled = (machine as { getTransitionData: (s: unknown, e: EventObject) => Transition[] }).getTransitionData(snapshot, event);
  const t = enabled[0];
  if (!t) return null;
  return t.target && t.target.length > 0 ? t.target[0].key : 'stay';
}
