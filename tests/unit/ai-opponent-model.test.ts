import { describe, expect, it } from 'vitest';
import { NegotiatorAgent } from '../../src/ai/agent';
import { OpponentModel } from '../../src/ai/opponent-model';
import { STRATEGIES } from '../../src/ai/strategies';
import { applyMove, createGame, otherSide, pendingSides, scenarioFor, viewFor, makeRandom, type Scenario, type Side } from '../../src/engine';
import { builtInScenarioFiles, requireScenario, scenarioIdOf } from '../../src/scenario/files';

/** The shipped scenarios' seats. */
const US_RU = ['us', 'ru'] as const;

/** Priorities as shares of their total, per track (the model can learn proportions, not the scale). */
const shares = (r: Record<string, number>, tracks: string[]) => {
  const total = tracks.reduce((a, t) => a + (r[t] ?? 0), 0) || 1;
  return tracks.map((t) => (r[t] ?? 0) / total);
};
const l1 = (a: number[], b: number[]) => a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0);

/** L1 error of the agent's estimate of the player's priorities before the game and at its end. */
function errorOverAGame(s: Scenario, side: Side, player: keyof typeof STRATEGIES, seed: number) {
  const tracks = s.tracks.map((t) => t.id);
  const truth = shares(s.sides[otherSide(US_RU, side)].priorities, tracks);
  const agent = new NegotiatorAgent(scenarioFor(s, side), side, 'hard', seed);
  const before = l1(shares(agent.beliefs(), tracks), truth);
  let state = createGame(s, seed);
  const random = makeRandom(seed);
  while (state.phase !== 'ended') {
    const who = pendingSides(state)[0];
    const move =
      who === side
        ? agent.decide(viewFor(state, who)).move
        : STRATEGIES[player]({ scenario: scenarioFor(s, who), view: viewFor(state, who), side: who, random });
    state = applyMove(s, state, move).state;
  }
  return { before, after: l1(shares(agent.beliefs(), tracks), truth), observations: agent.observations };
}

describe('the opponent model learns what the player values', () => {
  for (const file of builtInScenarioFiles()) {
    const s = requireScenario(file);
    it(`${scenarioIdOf(file)}: its estimate of a scripted player's priorities ends closer to the truth than it began`, () => {
      // Per player: the error before the game and at its end, where there is something to learn.
      const errors = { hardliner: { before: [] as number[], after: [] as number[] }, trading: { before: [] as number[], after: [] as number[] } };
      for (const side of ['us', 'ru'] as const)
        for (const player of ['hardliner', 'conceder', 'reciprocator'] as const)
          for (const seed of [1, 2]) {
            const e = errorOverAGame(s, side, player, seed);
            expect(e.observations).toBeGreaterThan(0);
            // A side whose priorities are all alike leaves nothing to learn: the flat prior is already right.
            if (e.before < 0.1) continue;
            const into = errors[player === 'hardliner' ? 'hardliner' : 'trading'];
            into.before.push(e.before);
            into.after.push(e.after);
          }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      if (errors.trading.before.length === 0) return;
      // Against players who trade (conceder, reciprocator), the average error falls by at least a twentieth over a game
      // (2009: from 0.29 to 0.22; 2017 under rules 5, where Moscow's arms priority is 7: from 0.31 to 0.29).
      expect(mean(errors.trading.after)).toBeLessThan(0.95 * mean(errors.trading.before));
      // Over all three players it still ends closer than it began. A hardliner's asks walk down its wish list as they
      // are refused; the model reads a later ask as chosen among the cards the side has not asked for yet, but over a
      // long 2009 game (rules 3) its estimate of a hardliner still ends further off than it began (0.29 -> 0.40 over
      // four games), so the margin there is thin.
      const before = [...errors.trading.before, ...errors.hardliner.before];
      const after = [...errors.trading.after, ...errors.hardliner.after];
      expect(mean(after)).toBeLessThan(mean(before));
    });
  }

  it('a player who asks again and again for one track is believed to value that track most', () => {
    const s = requireScenario(builtInScenarioFiles()[0]);
    const model = new OpponentModel(scenarioFor(s, 'ru'), 'ru');
    const usCards = s.cards.filter((c) => c.side === 'us');
    const ruCards = s.cards.filter((c) => c.side === 'ru');
    const track = ruCards[0].track;
    const onTrack = ruCards.filter((c) => c.track === track).map((c) => c.id);
    let state = createGame(s, 1);
    for (let turn = 0; turn < 6 && state.phase !== 'ended'; turn++) {
      for (const who of pendingSides(state)) state = applyMove(s, state, { type: 'statement', side: who, tone: 'neutral' }).state;
      if (state.initiative === 'us') {
        state = applyMove(s, state, { type: 'propose', side: 'us', give: [], ask: [onTrack[turn % onTrack.length]] }).state;
        state = applyMove(s, state, { type: 'reject', side: 'ru' }).state;
      } else state = applyMove(s, state, { type: 'pass', side: 'ru' }).state;
      while (state.phase === 'implementation') for (const who of pendingSides(state)) state = applyMove(s, state, { type: 'done', side: who }).state;
      model.update(viewFor(state, 'ru'));
    }
    const b = model.beliefs();
    const top = Object.entries(b).sort((x, y) => y[1] - x[1])[0][0];
    expect(top).toBe(track);
    expect(usCards.length).toBeGreaterThan(0);
  });
});
