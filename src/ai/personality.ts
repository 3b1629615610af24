// How a counterpart concedes: the classic time-dependent styles of the negotiation literature
// (Boulware, Conceder), tit-for-tat, and the stance the scenario writes for the side it plays
// (`sides.<side>.counterpart`, drawn from its article). The stance is data in the scenario file;
// this module only reads it.
import { DEFAULT_COUNTERPART, type ConcessionStyleDef, type CounterpartDef, type PublicScenario, type Side, type SideDef } from '../engine';

export type ConcessionStyle = ConcessionStyleDef | 'historical';
export const CONCESSION_STYLES: readonly ConcessionStyle[] = ['boulware', 'conceder', 'tit-for-tat', 'historical'];

/**
 * The stance the scenario writes for `side`, or null when it writes none. Only the side's own public scenario
 * holds it: scenarioFor leaves the other side's out.
 */
export function stanceFor(scenario: PublicScenario, side: Side): CounterpartDef | null {
  return (scenario.sides[side] as Partial<SideDef>).counterpart ?? null;
}

/** The stance of a counterpart playing a textbook style, or a side whose scenario writes none. */
export const TEXTBOOK_STANCE: Readonly<CounterpartDef> = DEFAULT_COUNTERPART;

/** How fast a style gives ground: the share of the way from its opening demand to its floor, at time t (0..1). */
export function concession(style: ConcessionStyleDef, t: number): number {
  const x = Math.max(0, Math.min(1, t));
  switch (style) {
    case 'boulware':
      return x ** 4; // holds firm until late
    case 'conceder':
      return x ** 0.4; // gives early
    case 'tit-for-tat':
      return x ** 2; // a slow drift; the rest mirrors the other side
  }
}
