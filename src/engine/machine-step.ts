// Ask a flat XState machine where an event leads, evaluating its guards, without starting an actor.
// xstate's transition() builds an actor system on every call (most of a move's time when measured);
// for our flat machines the enabled transition's target is the whole answer.
//
// The machine's own state node picks the transition: StateNode.next(snapshot, event) tries the node's
// candidate transitions for the event in order and evaluates their guards, exactly what
// machine.getTransitionData() does for a flat machine, less the walk down from the root and the second
// look at the root (which has no transitions of its own here). A machine whose root has transitions,
// or whose state is not one of the root's children, goes the long way through getTransitionData().
// The game machine's and track machines' tests check the answers against xstate's transition().
import type { EventObject } from 'xstate';

interface Transition {
  target?: readonly { key: string }[];
  actions: readonly unknown[];
}

interface StateNodeLike {
  next?: (snapshot: unknown, event: EventObject) => Transition[] | undefined;
  states: Record<string, StateNodeLike>;
  transitions: Map<string, unknown>;
}

interface FlatMachine {
  root: StateNodeLike;
  getTransitionData: (snapshot: unknown, event: EventObject) => Transition[];
}

/** Per machine: its state nodes by key when the shortcut applies, or null when it does not. */
const nodes = new WeakMap<object, Map<string, StateNodeLike> | null>();

function nodesOf(machine: FlatMachine): Map<string, StateNodeLike> | null {
  let m = nodes.get(machine);
  if (m === undefined) {
    const root = machine.root;
    const children = Object.values(root.states ?? {});
    const flat = root.transitions.size === 0 && children.every((c) => typeof c.next === 'function' && Object.keys(c.states ?? {}).length === 0);
    m = flat ? new Map(Object.entries(root.states)) : null;
    nodes.set(machine, m);
  }
  return m;
}

/**
 * The state an event leads to: the target's key, `stay` for an enabled transition without target
 * (a move the phase accepts), or null when no transition is enabled (the event is refused).
 */
export function stepFlat(machine: { getTransitionData: unknown }, snapshot: unknown, event: EventObject): string | 'stay' | null {
  const m = machine as unknown as FlatMachine;
  const value = (snapshot as { value: unknown }).value;
  const node = typeof value === 'string' ? nodesOf(m)?.get(value) : undefined;
  const enabled = node ? node.next!(snapshot, event) : m.getTransitionData(snapshot, event);
  const t = enabled?.[0];
  if (!t) return null;
  return t.target && t.target.length > 0 ? t.target[0].key : 'stay';
}
