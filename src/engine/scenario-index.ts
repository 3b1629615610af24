import type { CardDef, ChannelDef, EventDef, Scenario, Side, TrackDef } from './types';
import { textOf } from './text';

export interface ScenarioIndex {
  cards: Map<string, CardDef>;
  tracks: Map<string, TrackDef>;
  channels: Map<string, ChannelDef>;
  events: Map<string, EventDef>;
  /** By card id (or a graded card's issue id): the events that bring it to the table (an effect `{ card }`). */
  arrivals: Map<string, string[]>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

/** Look-up tables for a scenario, built once. */
export function indexOf(scenario: Scenario): ScenarioIndex {
  let ix = indexes.get(scenario);
  if (!ix) {
    ix = {
      cards: new Map(scenario.cards.map((c) => [c.id, c])),
      tracks: new Map(scenario.tracks.map((t) => [t.id, t])),
      channels: new Map(scenario.channels.map((c) => [c.id, c])),
      events: new Map(scenario.events.map((e) => [e.id, e])),
      arrivals: new Map(),
    };
    for (const e of scenario.events) for (const f of e.effects) if ('card' in f) ix.arrivals.set(f.card, [...(ix.arrivals.get(f.card) ?? []), e.id]);
    indexes.set(scenario, ix);
  }
  return ix;
}

/**
 * Whether a card is on the table: a card no event brings is there from the start; one an event brings (an effect
 * `{ card }`, naming the card or a graded card's id) arrives when such an event fires, and stays.
 */
export function onTable(scenario: Scenario, firedEvents: readonly string[], card: CardDef): boolean {
  const brought = indexOf(scenario).arrivals;
  // A graded card is brought whole: an effect names the card, and all its options arrive.
  const by = brought.get(card.id) ?? (card.issue === undefined ? undefined : brought.get(card.issue));
  return !by || by.some((id) => firedEvents.includes(id));
}
export const sideName = (scenario: Scenario, side: Side): string => textOf(scenario.sides[side].name);
export const cardTitle = (scenario: Scenario, id: string): string => textOf(indexOf(scenario).cards.get(id)?.title) || id;

/**
 * The option that settled `card`'s issue, if any: an option of the same issue its side has already given. An issue is
 * conceded once, so its other options are no longer open (the rule moves.ts enforces; the deal model and the hand read it).
 */
export function settledBy(scenario: Scenario, given: readonly string[], card: CardDef): CardDef | undefined {
  if (card.issue === undefined) return undefined;
  const cards = indexOf(scenario).cards;
  for (const id of given) {
    const c = cards.get(id);
    if (c && c.side === card.side && c.issue === card.issue) return c;
  }
  return undefined;
}

/**
 * The cards of `side` a package may still hold (its own to give, or the other side's to ask): on the table
 * (onTable), not conceded yet, and no option of an issue already settled (settledBy), in the scenario's order. The
 * move check refuses the rest; hands, package builders and the computer players ask this instead of filtering again.
 */
export function openCards(scenario: Scenario, view: { given: Record<Side, readonly string[]>; firedEvents: readonly string[] }, side: Side): CardDef[] {
  const given = view.given[side];
  return scenario.cards.filter((c) => c.side === side && !given.includes(c.id) && onTable(scenario, view.firedEvents, c) && !settledBy(scenario, given, c));
}
