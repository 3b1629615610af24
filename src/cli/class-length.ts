// Proof that each side can reach its goal in a scenario's class length: a game of the short version, played by the
// built-in strategies, in which that side wins. A witness is a game anyone can replay (the pairing and the seed).
import { playGame } from '../ai/runner';
import { STRATEGIES } from '../ai/strategies';
import { classVersion, type Scenario, type Side } from '../engine';

export interface ClassWitness {
  side: Side;
  goal: number;
  /** The game that shows it: each seat's strategy, the seed, and the side's score. */
  strategies: Record<Side, string>;
  seed: number;
  score: number;
}

export interface ClassLengthProof {
  turns: number;
  /** By side: the first game found in which that side reaches its goal, or null when none of the games tried does. */
  witnesses: Record<Side, ClassWitness | null>;
  /** A game of the same search in which both sides reach their goals, if one does (its score is the first side's). */
  together: ClassWitness | null;
  /** How many games were tried. */
  games: number;
}

/** Search the pairings of the built-in strategies over a few seeds for a game each side wins at class length. */
export function proveClassLength(scenario: Scenario, seeds = 3): ClassLengthProof | null {
  if (!scenario.classLength) return null;
  const short = classVersion(scenario);
  const [a, b] = short.seats;
  const witnesses: Record<Side, ClassWitness | null> = { [a]: null, [b]: null };
  let together: ClassWitness | null = null;
  let games = 0;
  for (const [first, f] of Object.entries(STRATEGIES))
    for (const [second, g] of Object.entries(STRATEGIES))
      for (let seed = 1; seed <= seeds; seed++) {
        if (together && short.seats.every((s) => witnesses[s])) return { turns: short.turns, witnesses, together, games };
        const { outcome } = playGame(short, seed, { [a]: f, [b]: g });
        games++;
        for (const s of short.seats)
          if (!witnesses[s] && outcome.sides[s].won)
            witnesses[s] = { side: s, goal: outcome.sides[s].goal, strategies: { [a]: first, [b]: second }, seed, score: outcome.sides[s].score };
        if (!together && short.seats.every((s) => outcome.sides[s].won))
          together = { side: a, goal: outcome.sides[a].goal, strategies: { [a]: first, [b]: second }, seed, score: outcome.sides[a].score };
      }
  return { turns: short.turns, witnesses, together, games };
}
