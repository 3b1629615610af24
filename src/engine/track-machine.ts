// One generic track machine, configured by a track's scenario data: its stages are the
// machine's states, its transitions carry named guards built from the scenario's `needs`.
import { and, setup, type SnapshotFrom } from 'xstate';
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

type TrackGuard = ReturnType<typeof guardFor>;
type TrackStates = Record<string, { type: 'final' } | { on: Record<string, { target: string; guard?: NonNullable<TrackGuard> }> }>;

export function buildTrackMachine(def: TrackDef) {
  const states: TrackStates = {};
  for (const stage of def.stages) {
    const on: Record<string, { target: string; guard?: NonNullable<TrackGuard> }> = {};
    for (const [type, t] of Object.entries(stage.on)) {
      if (!t) continue;
      const guard = guardFor(t.needs);
      on[type] = guard ? { target: t.to, guard } : { target: t.to };
    }
    states[stage.id] = stage.final ? { type: 'final' } : { on };
  }
  return trackSetup.createMachine({ id: def.id, initial: def.start, states });
}

export type TrackMachine = ReturnType<typeof buildTrackMachine>;
type TrackSnapshot = SnapshotFrom<TrackMachine>;
interface Cached {
  machine: TrackMachine;
  snapshots: Map<string, TrackSnapshot>;
}
const cache = new WeakMap<TrackDef, Cached>();

function cached(def: TrackDef): Cached {
  let c = cache.get(def);
  if (!c) {
    c = { machine: buildTrackMachine(def), snapshots: new Map() };
    cache.set(def, c);
  }
  return c;
}

export function trackMachine(def: TrackDef): TrackMachine {
  return cached(def).machine;
}

/** The machine resting at a stage (a stage is the machine's whole state: the game's data is in the event). */
function snapshotAt(c: Cached, stage: string): TrackSnapshot {
  let snap = c.snapshots.get(stage);
  if (!snap) {
    snap = c.machine.resolveState({ value: stage });
    c.snapshots.set(stage, snap);
  }
  return snap;
}

/** The stage a track moves to when `type` happens to it (the same stage when nothing moves). */
export function nextStage(def: TrackDef, stage: string, type: TrackEventType, game: GameState): string {
  const c = cached(def);
  const [taken] = c.machine.getTransitionData(snapshotAt(c, stage), { type, game, track: def.id });
  return taken?.target?.[0]?.key ?? stage;
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
