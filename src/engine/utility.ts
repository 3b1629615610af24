// What a deal is worth to a side, from that side's own (hidden) priorities. One module owns this,
// so the score, the counterpart agents and the deal analysis all agree.
import { indexOf } from './scenario-index';
import type { CardDef, GameState, PackageTerms, Scenario, Side, StageDef } from './types';

/**
 * Worth of one concession to `side` when delivered: the card's own worth for that side when the scenario gives one
 * (common value, or a concession that costs its giver little), else the receiver gains value × priority / 5 and the
 * giver loses as much.
 */
export function cardUtility(card: CardDef, side: Side, priorities: Record<string, number>): number {
  if (card.worth && card.worth[side] !== undefined) return card.worth[side];
  const weight = priorities[card.track] ?? 0;
  const worth = (card.value * weight) / 5;
  return card.side === side ? -worth : worth;
}

/** Worth to `side` of a package proposed by `by` (gives are by's cards, asks the other's). */
export function packageUtility(
  scenario: Scenario,
  terms: PackageTerms,
  side: Side,
  priorities: Record<string, number> = scenario.sides[side].priorities,
): number {
  const cards = indexOf(scenario).cards;
  let u = 0;
  for (const id of [...terms.give, ...terms.ask]) {
    const c = cards.get(id);
    if (c) u += cardUtility(c, side, priorities);
  }
  return u;
}

/** Worth to `side` of the concessions actually delivered so far (defections deliver nothing). */
export function deliveredUtility(scenario: Scenario, g: GameState, side: Side): number {
  const cards = indexOf(scenario).cards;
  const priorities = scenario.sides[side].priorities;
  let u = 0;
  for (const a of g.agreements) {
    for (const giver of g.seats) {
      const o = a.obligations[giver];
      if (o.status !== 'implemented') continue;
      for (const id of o.cards) u += cardUtility(cards.get(id)!, side, priorities);
    }
  }
  return u;
}

/** The share of a track's worth a stage realises for `side` (its own worth when the scenario gives one). */
export function stageShare(stage: StageDef | undefined, side: Side): number {
  if (!stage) return 0;
  return stage.worth?.[side] ?? stage.value;
}

/** Worth to `side` of where the tracks stand: progress can be shared, so negotiation is not zero-sum. */
export function progressUtility(scenario: Scenario, g: GameState, side: Side): number {
  const priorities = scenario.sides[side].priorities;
  let u = 0;
  for (const t of scenario.tracks) {
    const stage = t.stages.find((s) => s.id === g.tracks[t.id].stage);
    u += (priorities[t.id] ?? 0) * stageShare(stage, side);
  }
  return u;
}
