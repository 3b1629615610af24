// The calibration of issue 15, as behaviour over many seeds: trust is slow to build and quick to lose; verification has
// a cost and a payoff; channels damp escalation without silencing the hawks; chance makes the same players' games
// differ; hostile words raise the risk of a crisis without making it certain.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { allLedger, createGame, nextActors, otherSide, textOf, type GameState, type Move, type Scenario, type Side } from '../../src/engine';
import { advance, giveable, play, shippedScenarios } from './engine-test-kit';

const scenarios = shippedScenarios();
const byId = (id: string) => scenarios.find(([i]) => i === id)![1];
const SEEDS = 20;
const games = (s: Scenario, a: string, b: string, seeds = SEEDS) =>
  Array.from({ length: seeds }, (_, i) => playGame(s, i + 1, { [s.seats[0]]: STRATEGIES[a], [s.seats[1]]: STRATEGIES[b] }));

/** Sign a one-for-one deal at the first proposal and let both sides carry it out (re-trying a slipped part next turn). */
function signedAndCarriedOut(s: Scenario, seed: number, acts: Partial<Record<Side, 'implement' | 'defect'>> = {}): GameState {
  let g = advance(s, createGame(s, seed), (x) => x.phase === 'proposals');
  const by = g.initiative;
  const them = otherSide(g.seats, by);
  g = play(s, g, { type: 'propose', side: by, give: [giveable(s, g, by)[0]], ask: [giveable(s, g, them)[0]] }, { type: 'accept', side: them });
  for (let i = 0; i < 40 && g.phase !== 'ended'; i++) {
    const a = g.agreements[0];
    if (g.seats.every((x) => a.obligations[x].status !== 'pending')) break;
    if (g.phase !== 'implementation') {
      g = advance(s, g, (x) => x.phase === 'implementation');
      continue;
    }
    const side = nextActors(g)[0];
    const o = a.obligations[side];
    const move: Move = o.status === 'pending' && o.decidedTurn !== g.turn ? { type: acts[side] ?? 'implement', side, agreement: a.id } : { type: 'done', side };
    g = play(s, g, move);
  }
  return g;
}

describe('trust is slow to build and quick to lose', () => {
  for (const [id, s] of scenarios) {
    it(`${id}: whatever two cooperative players do, no side gains more than ${s.rules.trustGainPerTurn} trust in a turn from the moves; one broken promise costs more`, () => {
      // The scenario's own events may add trust of their own (the news of the turn): those are left out of the sum.
      const eventCauses = new Set(s.events.flatMap((e) => e.effects.flatMap((x) => ('meter' in x ? [textOf(x.cause) || textOf(e.title)] : []))));
      let mostGained = 0;
      for (const pair of [['reciprocator', 'reciprocator'], ['conceder', 'conceder'], ['conceder', 'reciprocator']])
        for (const { state } of games(s, pair[0], pair[1], 10))
          for (const turn of state.history)
            for (const side of state.seats) {
              const gained = turn.ledger.filter((e) => e.meter === `trust.${side}` && e.delta > 0 && !eventCauses.has(e.cause)).reduce((n, e) => n + e.delta, 0);
              mostGained = Math.max(mostGained, gained);
            }
      expect(mostGained).toBeGreaterThan(0);
      expect(mostGained).toBeLessThanOrEqual(s.rules.trustGainPerTurn);
      // A defection caught by verification takes away more than the most a turn can build.
      const g = signedAndCarriedOut(s, 1, { [createGame(s, 1).initiative]: 'defect' });
      const victim = otherSide(g.seats, g.agreements[0].proposer);
      const before = g.meters.trust[victim];
      const caught = advance(s, g, (x) => x.phase === 'implementation' && nextActors(x).includes(victim));
      const after = play(s, caught, { type: 'verify', side: victim, agreement: 'A1' });
      expect(before - after.meters.trust[victim]).toBeGreaterThan(s.rules.trustGainPerTurn);
    });
  }
});

describe('verification has a cost and a payoff', () => {
  const s = byId('reset-2009');
  it('checking a partner who kept its word costs that partner trust (it signals distrust)', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const g = advance(s, signedAndCarriedOut(s, seed), (x) => x.phase === 'implementation' || x.phase === 'ended');
      if (g.phase === 'ended') continue;
      const verifier = otherSide(g.seats, g.agreements[0].proposer);
      const checked = g.agreements[0].proposer;
      const verified = play(s, g, { type: 'verify', side: verifier, agreement: 'A1' });
      expect(verified.meters.trust[checked]).toBeLessThan(g.meters.trust[checked]);
      expect(allLedger(verified).some((e) => e.meter === `trust.${checked}` && e.cause.includes('a sign of distrust'))).toBe(true);
    }
  });

  it('a defection nobody checks stays hidden in some games and comes out in others; checking always catches it', () => {
    // Two turns left: intelligence reports may or may not expose the defection before the end.
    const short: Scenario = { ...s, turns: 2 };
    let hidden = 0;
    let caught = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = signedAndCarriedOut(short, seed, { [createGame(short, seed).initiative]: 'defect' });
      const ended = advance(short, g, (x) => x.phase === 'ended');
      if (ended.agreements[0].status === 'broken') caught++;
      else hidden++;
    }
    expect(hidden).toBeGreaterThan(4);
    expect(caught).toBeGreaterThan(4);
    for (let seed = 1; seed <= 10; seed++) {
      const g = signedAndCarriedOut(s, seed, { [createGame(s, seed).initiative]: 'defect' });
      const victim = otherSide(g.seats, g.agreements[0].proposer);
      const at = advance(s, g, (x) => x.phase === 'implementation' && nextActors(x).includes(victim));
      expect(play(s, at, { type: 'verify', side: victim, agreement: 'A1' }).agreements[0].status).toBe('broken');
    }
  });
});

describe('channels damp escalation but do not silence the hawks', () => {
  // 2016 has three channels; incidents switched off so that the turn ends compare exactly.
  const base = byId('limits-of-the-possible-2016');
  const s: Scenario = { ...base, events: [], rules: { ...base.rules, incidentChance: 0, slipChance: 0 } };
  const opened = (which: (i: number) => boolean): Scenario => ({ ...s, channels: s.channels.map((c, i) => ({ ...c, startOpen: which(i) })) });
  const afterPause = (sc: Scenario) => advance(sc, createGame(sc, 1), (x) => x.turn === 2);
  const steadiest = s.channels.reduce((best, c, i) => (c.damp > s.channels[best].damp ? i : best), 0);

  it('a pause in dialogue still feeds the hawks while a channel is open, but costs no trust', () => {
    const none = afterPause(opened(() => false));
    const one = afterPause(opened((i) => i === steadiest));
    const start = createGame(opened(() => false), 1);
    for (const side of s.seats) {
      expect(none.meters.hawks[side]).toBeGreaterThan(start.meters.hawks[side]);
      expect(one.meters.hawks[side]).toBe(none.meters.hawks[side]);
      expect(one.meters.trust[side]).toBeGreaterThan(none.meters.trust[side] - 1);
    }
  });

  it('more open channels calm escalation no more than the steadiest one alone', () => {
    const all = afterPause(opened(() => true));
    const one = afterPause(opened((i) => i === steadiest));
    const none = afterPause(opened(() => false));
    expect(one.meters.escalation).toBeLessThan(none.meters.escalation);
    // Opening more channels at the start calms it once each (openChannel), but each turn end only by the steadiest.
    const perTurn = (g: GameState) => g.history[1].ledger.filter((e) => e.meter === 'escalation' && e.cause.endsWith('keeps the channel open')).reduce((n, e) => n + e.delta, 0);
    expect(perTurn(all)).toBe(perTurn(one));
    expect(perTurn(one)).toBe(-s.channels[steadiest].damp);
  });
});

describe('chance: the same players on different seeds play visibly different games', () => {
  for (const [id, s] of scenarios) {
    it(`${id}: two reciprocators over ${SEEDS} seeds end with different scores, some implementations slipping`, () => {
      const played = games(s, 'reciprocator', 'reciprocator');
      const joint = played.map((p) => p.outcome.joint);
      expect(new Set(joint).size).toBeGreaterThanOrEqual(4);
      expect(Math.max(...joint) - Math.min(...joint)).toBeGreaterThanOrEqual(3);
      const slipped = played.filter((p) => allLedger(p.state).some((e) => e.cause.endsWith('bureaucratic delays') && e.cause.includes('could not carry out')));
      expect(slipped.length).toBeGreaterThan(0);
      expect(slipped.length).toBeLessThan(SEEDS);
    });
  }
});

describe('hostile words raise the risk of a crisis without making it certain', () => {
  it('two hardliners end in a crisis more often than two reciprocators, and not in every game of every scenario', () => {
    let uncertain = 0;
    for (const [, s] of scenarios) {
      const crisis = (a: string) => games(s, a, a).filter((p) => p.outcome.end?.reason === 'escalation').length;
      const hard = crisis('hardliner');
      expect(hard).toBeGreaterThan(crisis('reciprocator'));
      if (hard < SEEDS) uncertain++;
    }
    // 2016 starts at escalation 42 with incidents in its events: two hardliners there end in a crisis in nearly every game.
    expect(uncertain).toBeGreaterThanOrEqual(3);
  });
});
