// A teacher's crisis inject: a scenario event, or a written one, fired into a game between moves.
// Additive: it reuses fireEvent, so an inject changes meters, tracks and news exactly as a scripted event does.
import { produce } from 'immer';
import { fireEvent } from './events';
import { withTurnLog } from './turn-log';
import type { Effect, EventDef, GameState, Scenario } from './types';

export type Inject =
  | { kind: 'event'; event: string }
  | { kind: 'written'; id: string; title: string; text: string; effects?: Effect[] };

/** Why an inject cannot be fired (null if it can). */
export function whyNotInject(scenario: Scenario, state: GameState, inject: Inject): string | null {
  if (state.phase === 'ended') return 'the game is over';
  if (inject.kind === 'event' && !scenario.events.some((e) => e.id === inject.event)) return `unknown event "${inject.event}"`;
  return null;
}

/** The state after the inject; the game's random generator is not touched, so a log with injects replays exactly. */
export function applyInject(scenario: Scenario, state: GameState, inject: Inject): GameState {
  const reason = whyNotInject(scenario, state, inject);
  if (reason) throw new Error(reason);
  const ev: EventDef =
    inject.kind === 'event'
      ? scenario.events.find((e) => e.id === inject.event)!
      : { id: inject.id, title: inject.title, text: inject.text, cite: [], trigger: {}, repeat: true, effects: inject.effects ?? [] };
  return produce(state, (g) => withTurnLog(g, (d) => fireEvent(scenario, d, ev)));
}
