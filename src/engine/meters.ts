import type { GameState, LedgerEntry, MeterPath, Rules, Side } from './types';
import { metersOf, recordInTurn, turnOf, writableMeterGroup, writableMeters, type MeterGroup } from './working';

/** Every meter runs from 0 to 100; this module owns that fact. */
export const METER_MIN = 0;
export const METER_MAX = 100;

export const clampMeter = (value: number): number =>
  Math.max(METER_MIN, Math.min(METER_MAX, Math.round(value)));

/** The paths of each side's meters, written out once: a path built anew each time costs a fresh string hash. */
export const SIDE_METERS = {
  trust: { us: 'trust.us', ru: 'trust.ru' },
  support: { us: 'support.us', ru: 'support.ru' },
  hawks: { us: 'hawks.us', ru: 'hawks.ru' },
} as const satisfies Record<string, Record<Side, MeterPath>>;

/** All meter paths a game has, in display order. */
export function meterPaths(state: GameState): MeterPath[] {
  return [
    'trust.us',
    'trust.ru',
    'support.us',
    'support.ru',
    'hawks.us',
    'hawks.ru',
    ...Object.keys(metersOf(state).allies).map((id) => `allies.${id}`),
    'escalation',
  ];
}

// Meter paths are few and used over and over: split each once.
const splitPaths = new Map<MeterPath, [string, string]>();
function splitPath(path: MeterPath): [string, string] {
  let parts = splitPaths.get(path);
  if (!parts) {
    parts = path.split('.') as [string, string];
    splitPaths.set(path, parts);
  }
  return parts;
}

export function readMeter(state: GameState, path: MeterPath): number {
  const meters = metersOf(state);
  if (path === 'escalation') return meters.escalation;
  const [group, key] = splitPath(path);
  const table = (meters as unknown as Record<string, Record<string, number>>)[group];
  if (!table || !(key in table)) throw new Error(`unknown meter ${path}`);
  return table[key];
}

export function isMeterPath(state: GameState, path: string): boolean {
  return meterPaths(state).includes(path);
}

function writeMeter(state: GameState, path: MeterPath, value: number): void {
  if (path === 'escalation') {
    writableMeters(state).escalation = value;
    return;
  }
  const [group, key] = splitPath(path);
  writableMeterGroup(state, group as MeterGroup)[key] = value;
}

/**
 * Change a meter on a draft and record why in the ledger. Returns the applied change
 * (after rounding and clamping), which may be 0.
 */
export function changeMeter(
  state: GameState,
  path: MeterPath,
  delta: number,
  cause: string,
  cite?: string,
): number {
  const before = readMeter(state, path);
  const after = clampMeter(before + delta);
  const applied = after - before;
  if (applied === 0) return 0;
  writeMeter(state, path, after);
  const entry: LedgerEntry = { turn: turnOf(state), meter: path, delta: applied, value: after, cause };
  if (cite) entry.cite = cite;
  recordInTurn(state, 'ledger', entry);
  return applied;
}

export function setMeter(state: GameState, path: MeterPath, value: number, cause: string, cite?: string): number {
  return changeMeter(state, path, value - readMeter(state, path), cause, cite);
}

/**
 * Trust is slow to build and quick to lose: gains shrink as trust grows,
 * losses are multiplied. Returns the change actually applied.
 */
export function changeTrust(
  state: GameState,
  rules: Rules,
  side: Side,
  amount: number,
  cause: string,
  cite?: string,
): number {
  const current = metersOf(state).trust[side];
  const delta =
    amount >= 0
      ? amount * Math.max(0, 1 - current / rules.trustCeiling)
      : amount * rules.trustLossFactor;
  return changeMeter(state, SIDE_METERS.trust[side], delta, cause, cite);
}

/** Snapshot of every meter, for the timeline and for charts. */
export function meterSnapshot(state: GameState): Record<MeterPath, number> {
  // The same keys in the same order as meterPaths(), read straight from the groups.
  const m = metersOf(state);
  const out: Record<MeterPath, number> = {
    'trust.us': m.trust.us,
    'trust.ru': m.trust.ru,
    'support.us': m.support.us,
    'support.ru': m.support.ru,
    'hawks.us': m.hawks.us,
    'hawks.ru': m.hawks.ru,
  };
  for (const id of Object.keys(m.allies)) out[allyPath(id)] = m.allies[id];
  out.escalation = m.escalation;
  return out;
}

// An ally's meter path, made once per ally.
const allyPaths = new Map<string, MeterPath>();
function allyPath(id: string): MeterPath {
  let p = allyPaths.get(id);
  if (p === undefined) {
    p = `allies.${id}`;
    allyPaths.set(id, p);
  }
  return p;
}
