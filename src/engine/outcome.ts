import { deliveredUtility, progressUtility } from './utility';
import type { GameState, Scenario, Side } from './types';

export interface SideOutcome {
  score: number;
  goal: number;
  won: boolean;
  inOffice: boolean;
  parts: { deals: number; progress: number; support: number; escalation: number; penalty: number };
}

export interface Outcome {
  /** Each seat's outcome, by the scenario's side id. */
  sides: Record<Side, SideOutcome>;
  /** Both scores together: negotiation is not zero-sum. */
  joint: number;
  agreements: { signed: number; implemented: number; verified: number; broken: number };
  end: GameState['end'];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** What a change in a side's own support adds to its score. */
export const supportScore = (change: number): number => change / 5;
/** What the level of escalation adds to each side's score. */
export const escalationScore = (level: number): number => -level / 10;

/** One side's score from its own priorities, plus support and risk. */
export function sideOutcomeOf(scenario: Scenario, g: GameState, side: Side): SideOutcome {
  const deals = deliveredUtility(scenario, g, side);
  const progress = progressUtility(scenario, g, side);
  const support = supportScore(g.meters.support[side] - scenario.sides[side].start.support);
  const escalation = escalationScore(g.meters.escalation);
  const lostOffice = g.end?.reason === 'office' && g.end.side === side;
  const penalty = (lostOffice ? -20 : 0) + (g.end?.reason === 'escalation' ? -20 : 0);
  const score = round1(deals + progress + support + escalation + penalty);
  const goal = scenario.sides[side].goal;
  return {
    score,
    goal,
    won: score >= goal && !lostOffice && g.end?.reason !== 'escalation',
    inOffice: !lostOffice,
    parts: { deals: round1(deals), progress: round1(progress), support: round1(support), escalation: round1(escalation), penalty },
  };
}

/** Each side's score from its own priorities, plus support and risk; and the joint score. */
export function outcomeOf(scenario: Scenario, g: GameState): Outcome {
  const sides = Object.fromEntries(g.seats.map((s) => [s, sideOutcomeOf(scenario, g, s)]));
  const count = (s: string) => g.agreements.filter((a) => a.status === s).length;
  return {
    sides,
    joint: round1(g.seats.reduce((n, s) => n + sides[s].score, 0)),
    agreements: {
      signed: g.agreements.length,
      implemented: count('implemented') + count('verified'),
      verified: count('verified'),
      broken: count('broken'),
    },
    end: g.end,
  };
}

export const winners = (o: Outcome): Side[] => Object.keys(o.sides).filter((s) => o.sides[s].won);
