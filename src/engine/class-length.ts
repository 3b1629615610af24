// The short "class" length of a scenario: the same scenario with the class block's turns, goals and summary. The rules
// read only `turns` and the goals, so a class game is an ordinary game of this scenario (its log replays like any).
import type { Scenario } from './types';

const versions = new WeakMap<Scenario, Scenario>();

/** The scenario as its class length plays it; the scenario itself when it has no class length. Made once per scenario. */
export function classVersion(scenario: Scenario): Scenario {
  const c = scenario.classLength;
  if (!c) return scenario;
  let v = versions.get(scenario);
  if (!v) {
    const { classLength: _, ...rest } = scenario;
    // Without its class block: the short game is a scenario of its own length (classVersion of it is itself).
    v = {
      ...rest,
      turns: c.turns,
      summary: c.summary,
      sides: Object.fromEntries(Object.entries(scenario.sides).map(([id, side]) => [id, { ...side, goal: c.goals[id] ?? side.goal }])),
    };
    versions.set(scenario, v);
  }
  return v;
}

/** A game length a player may pick: the scenario's full length, or its class length. */
export type GameLength = 'full' | 'class';

export function scenarioOfLength(scenario: Scenario, length: GameLength | undefined): Scenario {
  return length === 'class' ? classVersion(scenario) : scenario;
}
