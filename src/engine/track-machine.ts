// One generic track machine, configured by a track's scenario data: its stages are the
// machine's states, its transitions carry named guards built from the scenario's `needs`.
import { and, setup, type SnapshotFrom } from 'xstate';
import { stepFlat } from './machine-step';
import { CONDITION_KEYS, conditionHolds, type ConditionKey } from './conditions';
import type { Conditions, GameState, TrackDef, TrackEventType } from './types';

export interface TrackMachineEvent {
  type: TrackEventType;
  /** The world the guards look at (read only). */
  game: GameState;
  track: string;
}

type GuardFn = (args: { event: TrackMachineEvent }, params: Conditions) => boolean;

/** Named guards, one per condition key: `trustAtLeast`, `trackAtStage`, `concessionsAtLeast`, ... */
const guards = Object.fromEntries(
  CONDITION_KEYS.map((key): [ConditionKey, GuardFn] => [
    key,
    ({ event }, params) => conditionHolds(event.game, key, params, event.track),
  ]),
) as Record<ConditionKey, GuardFn>;

const trackSetup = setup({
  types: { events: {} as TrackMachineEvent },
  guards,
});

function guardFor(needs: Conditions | undefined) {
  const parts = CONDITION_KEYS.filter((k) => needs?.[k] !== undefined).map((k) => ({
    type: k,
    params: { [k]: needs![k] } as Conditions,
  }));
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : and(parts);
}

export function buildTrackMachine(def: TrackDef) {
  const states: Record<string, object> = {};
  for (const stage of def.stages) {
    const on: Record<string, object> = {};
    for (const [type, t] of Object.entries(stage.on)) {
      if (!t) continue;
      const guard = guardFor(t.needs);
      on[type] = guard ? { target: t.to, guard } : { target: t.to };
    }
    states[stage.id] = stage.final ? { type: 'final' } : { on };
  }
  // The config is scenario data, so its shape is only known at run time.
  return trackSetup.createMachine({ id: def.id, initial: def.start, states } as never);
}

export type TrackMachine = ReturnType<typeof buildTrackMachine>;
interface Cached {
  machine: TrackMachine;
  snapshots: Map<string, SnapshotFrom<TrackMachine>>;
  /** "stage EVENT" for every transition the scenario writes: any other event leaves the stage as it is. */
  written: Set<string>;
}
const cache = new WeakMap<TrackDef, Cached>();

function cached(def: TrackDef): Cached {
  let c = cache.get(def);
  if (!c) {
    const written = new Set(def.stages.filter((st) => !st.final).flatMap((st) => Object.keys(st.on).map((type) => `${st.id} ${type}`)));
    c = { machine: buildTrackMachine(def), snapshots: new Map(), written };
    cache.set(def, c);
  }
  return c;
}

export function trackMachine(def: TrackDef): TrackMachine {
  return cached(def).machine;
}

function snapshotAt(def: TrackDef, stage: string) {
  const c = cached(def);
  let snap = c.snapshots.get(stage);
  if (!snap) {
    snap = c.machine.resolveState({ value: stage, context: {} });
    c.snapshots.set(stage, snap);
  }
  return snap!;
}

/** The stage a track moves to when `type` happens to it (the same stage when nothing moves). */
export function nextStage(def: TrackDef, stage: string, type: TrackEventType, game: GameState): string {
  const c = cached(def);
  // No transition written for this event here: the machine has none either, so nothing to evaluate.
  if (!c.written.has(`${stage} ${type}`)) return stage;
  const next = stepFlat(c.machine, snapshotAt(def, stage), { type, game, track: def.id } as TrackMachineEvent);
  return next === null || next === 'stay' ? stage : next;
}

/** What the next stages of a track need: for the lanes of the table ("needs trust 40"). */
/** The events the players' own moves bring about (setbacks and collapse come from elsewhere). */
const FORWARD: readonly TrackEventType[] = ['SIGN', 'IMPLEMENT', 'VERIFY', 'TALKS'];

/** The step the players can take next on a track, if any: what every view shows as its "next". */
export function nextForwardStep(def: TrackDef, stage: string): { on: TrackEventType; to: string; needs?: Conditions } | null {
  return nextSteps(def, stage).find((n) => FORWARD.includes(n.on)) ?? null;
}

export function nextSteps(def: TrackDef, stage: string): { on: TrackEventType; to: string; needs?: Conditions }[] {
  const s = def.stages.find((x) => x.id === stage);
  if (!s || s.final) return [];
  return Object.entries(s.on)
    .filter(([, t]) => t !== undefined)
    .map(([on, t]) => ({ on: on as TrackEventType, to: t!.to, needs: t!.needs }));
}
