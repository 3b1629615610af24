// Ask a flat XState machine where an event leads, evaluating its guards, without starting an actor.
// xstate's transition() builds an actor system on every call (most of a move's time when measured);
// for our flat machines the enabled transition's target is the whole answer.
//
// For a flat machine the state node's transitions for the event, tried in order with their guards
// evaluated by xstate's own evaluateGuard (public, from 'xstate/guards'), are exactly what
// machine.getTransitionData() picks, less the walk down from the root and the second look at the root
// (which has no transitions of its own here). A machine whose root has transitions, whose state is not
// one of the root's children, or whose events use wildcards goes the long way through getTransitionData().
// The game machine's and track machines' tests check the answers against xstate's transition().
import type { EventObject } from 'xstate';
import { evaluateGuard } from 'xstate/guards';

interface Transition {
  target?: readonly { key: string }[];
  actions: readonly unknown[];
  guard?: unknown;
}

interface StateNodeLike {
  states: Record<string, StateNodeLike>;
  transitions: Map<string, Transition[]>;
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
    // Exact event names only: a wildcard ('*', 'MOVE.*') would add candidates that next() finds and we would not.
    const exact = (c: StateNodeLike) => [...c.transitions.keys()].every((k) => !k.includes('*'));
    const flat = root.transitions.size === 0 && children.every((c) => c.transitions instanceof Map && Object.keys(c.states ?? {}).length === 0 && exact(c));
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
  const t = node ? firstEnabled(node, snapshot, event) : m.getTransitionData(snapshot, event)?.[0];
  if (!t) return null;
  return t.target && t.target.length > 0 ? t.target[0].key : 'stay';
}

/**
 * The first of the event's transitions whose guard passes, for a node whose events are all exact names.
 * (xstate's internal StateNode.next() does the same through a memo keyed by a string built per call,
 * 8 % of a game's time when measured.)
 */
function firstEnabled(node: StateNodeLike, snapshot: unknown, event: EventObject): Transition | undefined {
  const candidates = node.transitions.get(event.type);
  if (!candidates) return undefined;
  const context = (snapshot as { context: unknown }).context;
  for (const t of candidates) {
    if (!t.guard || evaluateGuard(t.guard as Parameters<typeof evaluateGuard>[0], context as never, event, snapshot as never)) return t;
  }
  return undefined;
}
