// What the end of a turn does to escalation, written once: the resolution applies these steps, and the counterpart
// adds them up to see whether restraint can still keep escalation from its maximum.
import { textOf, possessive } from './text';
import type { GameState, Scenario, Side } from './types';

/** Hawks this loud push for a show of force at the end of every turn. */
export const HAWKS_PUSH_FROM = 70;
const HAWKS_PUSH = 2;

/** One change the end of a turn makes to escalation, with its cause for the ledger. */
export interface EscalationStep {
  delta: number;
  cause: string;
  cite?: string;
}

/**
 * What the end of a turn does to escalation, in the order it is applied (before any event): the steadiest open
 * channel calms it, time eases it, the higher it is the more both capitals step back from the brink, and loud hawks
 * push it up. `escalation` is its level before these steps (0 leaves out the stepping back).
 */
export function escalationAtResolution(
  scenario: Pick<Scenario, 'channels' | 'rules' | 'seats'> & { sides: Record<Side, { name: Scenario['sides'][Side]['name'] }> },
  channels: GameState['channels'],
  hawks: Record<Side, number>,
  escalation = 0,
): EscalationStep[] {
  const steps: EscalationStep[] = [];
  // The steadiest open channel calms it; more channels do not add up (they damp accidents, not the hawks).
  const open = scenario.channels.filter((c) => channels[c.id]?.open);
  const steadiest = open.reduce<(typeof open)[number] | undefined>((best, c) => (!best || c.damp > best.damp ? c : best), undefined);
  if (steadiest) steps.push({ delta: -steadiest.damp, cause: `${textOf(steadiest.name)} keeps the channel open`, cite: steadiest.cite[0]?.file });
  steps.push({ delta: -scenario.rules.escalationDecay, cause: 'tensions ease with time' });
  // 002: "neither side is interested in the collapse of the current international system": near the brink, both pull back.
  const back = Math.round(escalation * scenario.rules.escalationPullback);
  if (back > 0) steps.push({ delta: -back, cause: 'both capitals step back from the brink', cite: '002_280aff484d987049.txt' });
  for (const s of scenario.seats) {
    if (hawks[s] >= HAWKS_PUSH_FROM) steps.push({ delta: HAWKS_PUSH, cause: `${possessive(textOf(scenario.sides[s].name))} hawks push for a show of force` });
  }
  return steps;
}
