import { readMeter } from './meters';
import type { Conditions, GameState } from './types';

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
