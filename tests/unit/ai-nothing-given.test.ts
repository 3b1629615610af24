// Issue 16: the computer never sends a package that gives nothing unless its explanation says why. The one reason it
// has is a debt: the other side owes it for what it conceded (propose and counter both say so), or a turn without
// talks would freeze them. Played as the bench plays it (npm run bench -- counterpart counts the same thing over
// 150,000 decisions), over every shipped scenario, seat and level, and over the 2009 game in which a counter once
// asked for a card and gave nothing while its sentence spoke only of a red line.
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, NegotiatorAgent, type Difficulty } from '../../src/ai/agent';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES, withReasons } from '../../src/ai/strategies';
import { otherSide, scenarioFor, type Scenario, type Side } from '../../src/engine';
import { builtInScenarioFiles, requireScenario, scenarioIdOf } from '../../src/scenario/files';

const scenarios = builtInScenarioFiles().map((f) => ({ name: scenarioIdOf(f), s: requireScenario(f) }));

/** The packages the agent sent that give nothing, each with the sentence it said. */
function givingNothing(s: Scenario, side: Side, difficulty: Difficulty, player: string, seed: number): string[] {
  const agent = new NegotiatorAgent(scenarioFor(s, side), side, difficulty, seed);
  const out: string[] = [];
  playGame(s, seed, {
    [side]: (ctx) => {
      const { move, reason } = agent.decide(ctx.view);
      if ((move.type === 'propose' || move.type === 'counter') && move.give.length === 0) out.push(`${move.type}: ${reason}`);
      return move;
    },
    [otherSide(s.seats, side)]: withReasons(STRATEGIES[player]),
  });
  return out;
}

const explained = (sentence: string) => /owes .+ for what it has conceded|would freeze them/.test(sentence);

describe('a package that gives nothing', () => {
  it('is sent only with its reason, at every level, from both seats, in every scenario', () => {
    const seen: string[] = [];
    for (const { name, s } of scenarios)
      for (const side of s.seats)
        for (const level of DIFFICULTIES)
          for (const player of ['reciprocator', 'conceder'])
            for (const seed of [1, 2])
              for (const said of givingNothing(s, side, level, player, seed)) seen.push(`${name} ${side} ${level} vs ${player} seed ${seed}: ${said}`);
    expect(seen.filter((x) => !explained(x))).toEqual([]);
  });

  it('as a counter, says what it is owed (2011: Washington on Easy against a reciprocating Moscow, seed 21)', () => {
    const s = scenarios.find((x) => x.name === 'missile-defense-2011')!.s;
    const counters = givingNothing(s, 'us', 'easy', 'reciprocator', 21).filter((x) => x.startsWith('counter'));
    expect(counters.length).toBeGreaterThan(0);
    for (const c of counters) expect(c).toMatch(/Washington asks for .+: Moscow owes Washington for what it has conceded so far/);
  });
});
