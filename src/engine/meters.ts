// Every meter of the game: its bounds, its path, and the one way to change it (with its cause in the ledger).
import { appendToTurn, turnList } from './turn-log';
import type { GameState, LedgerEntry, MeterPath, Rules, Side } from './types';

/** Every meter runs from 0 to 100; this module owns that fact. */
export const METER_MIN = 0;
export const METER_MAX = 100;

export const clampMeter = (value: number): number => Math.max(METER_MIN, Math.min(METER_MAX, Math.round(value)));

/** The path of one side's meter ('trust.us' is the United States' trust in the other side). */
export const sideMeter = (group: 'trust' | 'support' | 'hawks', side: Side): MeterPath => `${group}.${side}`;

/** All meter paths a game has, in display order. */
export function meterPaths(state: GameState): MeterPath[] {
  const sides = Object.keys(state.meters.trust);
  return [
    ...sides.map((s) => sideMeter('trust', s as Side)),
    ...sides.map((s) => sideMeter('support', s as Side)),
    ...sides.map((s) => sideMeter('hawks', s as Side)),
    ...Object.keys(state.meters.allies).map((id) => `allies.${id}`),
    'escalation',
  ];
}

/** A meter's group and key: 'trust.us' → ['trust', 'us']; 'escalation' → ['escalation', undefined]. Split once per path. */
const splitPaths = new Map<MeterPath, [string, string | undefined]>();
function splitPath(path: MeterPath): [string, string | undefined] {
  let split = splitPaths.get(path);
  if (!split) {
    const dot = path.indexOf('.');
    split = dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
    splitPaths.set(path, split);
  }
  return split;
}

/** The table a meter is kept in and its key there: 'trust.us' → meters.trust, 'us'; 'escalation' → meters, 'escalation'. */
function meterSlot(meters: GameState['meters'], path: MeterPath): [Record<string, number>, string] {
  const [group, key] = splitPath(path);
  const tables = meters as unknown as Record<string, Record<string, number> | undefined>;
  if (key === undefined) {
    if (group === 'escalation') return [tables as unknown as Record<string, number>, group];
  } else {
    const table = tables[group];
    if (table && typeof table === 'object' && key in table) return [table, key];
  }
  throw new Error(`unknown meter ${path}`);
}

export function readMeter(state: GameState, path: MeterPath): number {
  const [table, key] = meterSlot(state.meters, path);
  return table[key];
}

export function isMeterPath(state: GameState, path: string): boolean {
  return meterPaths(state).includes(path);
}

/**
 * Change a meter on a draft and record why in the turn's ledger. Returns the applied change
 * (after rounding and clamping), which may be 0 (then nothing is recorded).
 */
export function changeMeter(g: GameState, path: MeterPath, delta: number, cause: string, cite?: string): number {
  const [table, key] = meterSlot(g.meters, path);
  const before = table[key];
  const after = clampMeter(before + delta);
  const applied = after - before;
  if (applied === 0) return 0;
  table[key] = after;
  const entry: LedgerEntry = { turn: g.turn, meter: path, delta: applied, value: after, cause };
  if (cite) entry.cite = cite;
  appendToTurn(g, 'ledger', entry);
  return applied;
}

export function setMeter(g: GameState, path: MeterPath, value: number, cause: string, cite?: string): number {
  return changeMeter(g, path, value - readMeter(g, path), cause, cite);
}

/**
 * Trust is slow to build and quick to lose: gains shrink as trust grows and stop for the turn once they reach
 * trustGainPerTurn, losses are multiplied.
 */
export function changeTrust(g: GameState, rules: Rules, side: Side, amount: number, cause: string, cite?: string): number {
  const current = g.meters.trust[side];
  return changeMeter(g, sideMeter('trust', side), trustAfterInTurn(rules, current, amount, trustGainedThisTurn(g, side)) - current, cause, cite);
}

/** The trust a side stands at after a change of `amount`, having gained `gained` already this turn (the rule of changeTrust). */
export function trustAfterInTurn(rules: Rules, current: number, amount: number, gained: number): number {
  const after = trustAfter(rules, current, amount);
  return after > current ? Math.min(after, current + Math.max(0, rules.trustGainPerTurn - gained)) : after;
}

/** What a side's trust has gained so far this turn, from the turn's ledger. */
export function trustGainedThisTurn(g: GameState, side: Side): number {
  const path = sideMeter('trust', side);
  let gained = 0;
  for (const entries of turnList(g, 'ledger')) for (const e of entries) if (e.meter === path && e.delta > 0) gained += e.delta;
  return gained;
}

/** The trust a side stands at after a change of `amount` from `current` (the rule of changeTrust, rounded and clamped). */
export function trustAfter(rules: Rules, current: number, amount: number): number {
  const delta = amount >= 0 ? amount * Math.max(0, 1 - current / rules.trustCeiling) : amount * rules.trustLossFactor;
  return clampMeter(current + delta);
}

/** Every meter's value, for the timeline and for charts. */
export function meterSnapshot(state: GameState): Record<MeterPath, number> {
  // The same keys in the same order as meterPaths(), read straight from the groups.
  const m = state.meters;
  const out: Record<MeterPath, number> = {};
  for (const group of ['trust', 'support', 'hawks'] as const) for (const side of state.seats) out[sideMeter(group, side)] = m[group][side];
  for (const id of Object.keys(m.allies)) out[`allies.${id}`] = m.allies[id];
  out.escalation = m.escalation;
  return out;
}
