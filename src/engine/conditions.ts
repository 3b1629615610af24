import { readMeter } from './meters';
import type { Conditions, GameState, MeterPath, Seats } from './types';

/** Does every given condition hold? `track` is the track asking, for `concessionsAtLeast`. */
export function conditionsHold(game: GameState, c: Conditions | undefined, track?: string): boolean {
  if (!c) return true;
  return CONDITION_KEYS.every((key) => c[key] === undefined || conditionHolds(game, key, c, track));
}

export const CONDITION_KEYS = [
  'trustAtLeast',
  'trustBelow',
  'supportAtLeast',
  'escalationAtLeast',
  'escalationBelow',
  'turnAtLeast',
  'turnAtMost',
  'trackAtStage',
  'concessionsAtLeast',
  'meterAtLeast',
  'meterBelow',
  'channelOpen',
  'channelClosed',
] as const satisfies readonly (keyof Conditions)[];

export type ConditionKey = (typeof CONDITION_KEYS)[number];

export function conditionHolds(game: GameState, key: ConditionKey, c: Conditions, track?: string): boolean {
  const m = game.meters;
  switch (key) {
    case 'trustAtLeast':
      return game.seats.every((s) => m.trust[s] >= c.trustAtLeast!);
    case 'trustBelow':
      return game.seats.some((s) => m.trust[s] < c.trustBelow!);
    case 'supportAtLeast':
      return game.seats.every((s) => m.support[s] >= c.supportAtLeast!);
    case 'escalationAtLeast':
      return m.escalation >= c.escalationAtLeast!;
    case 'escalationBelow':
      return m.escalation < c.escalationBelow!;
    case 'turnAtLeast':
      return game.turn >= c.turnAtLeast!;
    case 'turnAtMost':
      return game.turn <= c.turnAtMost!;
    case 'trackAtStage':
      return c.trackAtStage!.every((l) => l.stages.includes(game.tracks[l.track]?.stage ?? ''));
    case 'concessionsAtLeast':
      return track !== undefined && concessionsOnTrack(game, track) >= c.concessionsAtLeast!;
    case 'meterAtLeast':
      return c.meterAtLeast!.every((x) => readMeter(game, x.meter) >= x.value);
    case 'meterBelow':
      return c.meterBelow!.every((x) => readMeter(game, x.meter) < x.value);
    case 'channelOpen':
      return game.channels[c.channelOpen!]?.open === true;
    case 'channelClosed':
      return game.channels[c.channelClosed!]?.open !== true;
  }
}

/** Cards of a track that stand in signed agreements (either side's). */
export function concessionsOnTrack(game: GameState, track: string): number {
  let n = 0;
  for (const a of game.agreements) n += a.cardsPerTrack[track] ?? 0;
  return n;
}

/**
 * Where a condition's truth can change as a meter moves (meters hold whole numbers): it tells the values below
 * `at` from those at `at` and above. The deal analysis reads this to know which meter values a guard tells apart.
 */
export function conditionCuts(c: Conditions | undefined, seats: Seats): { meter: MeterPath; at: number }[] {
  if (!c) return [];
  const out: { meter: MeterPath; at: number }[] = [];
  const bothSides = (group: string, x: number) => seats.forEach((s) => out.push({ meter: `${group}.${s}`, at: Math.ceil(x) }));
  for (const key of CONDITION_KEYS) {
    if (c[key] === undefined) continue;
    switch (key) {
      case 'trustAtLeast':
      case 'trustBelow':
        bothSides('trust', c[key]!);
        break;
      case 'supportAtLeast':
        bothSides('support', c[key]!);
        break;
      case 'escalationAtLeast':
      case 'escalationBelow':
        out.push({ meter: 'escalation', at: Math.ceil(c[key]!) });
        break;
      case 'meterAtLeast':
      case 'meterBelow':
        for (const x of c[key]!) out.push({ meter: x.meter, at: Math.ceil(x.value) });
        break;
      case 'turnAtLeast':
      case 'turnAtMost':
      case 'trackAtStage':
      case 'concessionsAtLeast':
      case 'channelOpen':
      case 'channelClosed':
        break;
      default: {
        const unhandled: never = key;
        throw new Error(`conditionCuts: no rule for ${String(unhandled)}`);
      }
    }
  }
  return out;
}

/** The other tracks a condition looks at (linkage). */
export const conditionTracks = (c: Conditions | undefined): string[] => (c?.trackAtStage ?? []).map((l) => l.track);
