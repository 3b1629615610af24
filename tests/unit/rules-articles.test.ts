// The rules behave as the source articles argue: over many simulated games, and move by move.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import {
  allLedger,
  applyMove,
  createGame,
  legalMoves,
  meterPaths,
  otherSide,
  outcomeOf,
  pendingSides,
  nextActors,
  readMeter,
  scenarioFor,
  viewFor,
  type GameState,
  type Move,
  type Outcome,
  type Scenario,
  type Side,
} from '../../src/engine';
import { advance, giveable, play, shippedScenarios } from './engine-test-kit';

/** The shipped scenarios' seats. */
const US_RU = ['us', 'ru'] as const;

const SEEDS = 30;

function mean(scenario: Scenario, us: string, ru: string, of: (o: Outcome) => number): number {
  let sum = 0;
  for (let seed = 1; seed <= SEEDS; seed++) sum += of(playGame(scenario, seed, { us: STRATEGIES[us], ru: STRATEGIES[ru] }).outcome);
  return sum / SEEDS;
}

/** The scenario without its events, so that one rule can be watched on its own. */
const quiet = (scenario: Scenario): Scenario => ({ ...scenario, events: [] });
const atPhase = (scenario: Scenario, phase: GameState['phase'], from = createGame(scenario, 1)) =>
  advance(scenario, from, (s) => s.phase === phase);
const trustOf = (g: GameState, side: Side) => g.meters.trust[side];

/** Sign a give-and-take deal: the initiative gives its first free card and asks the other's first. */
function signDeal(scenario: Scenario, from = createGame(scenario, 1)) {
  const state = atPhase(scenario, 'proposals', from);
  const by = state.initiative;
  const move: Move = { type: 'propose', side: by, give: [giveable(scenario, state, by)[0]], ask: [giveable(scenario, state, otherSide(US_RU, by))[0]] };
  return { state: play(scenario, state, move, { type: 'accept', side: otherSide(US_RU, by) }), by, them: otherSide(US_RU, by) };
}

for (const [id, scenario] of shippedScenarios()) {
  describe(`${id}: over ${SEEDS} simulated games per matchup`, () => {
    it('two reciprocators implement more agreements and reach a higher joint score than two hardliners', () => {
      const implemented = (o: Outcome) => o.agreements.implemented;
      const joint = (o: Outcome) => o.joint;
      expect(mean(scenario, 'reciprocator', 'reciprocator', implemented)).toBeGreaterThan(mean(scenario, 'hardliner', 'hardliner', implemented));
      expect(mean(scenario, 'reciprocator', 'reciprocator', joint)).toBeGreaterThan(mean(scenario, 'hardliner', 'hardliner', joint));
    });

    it('a conceder is exploited by a hardliner, whichever side each plays', () => {
      expect(mean(scenario, 'hardliner', 'conceder', (o) => o.sides.us.score)).toBeGreaterThan(mean(scenario, 'hardliner', 'conceder', (o) => o.sides.ru.score));
      expect(mean(scenario, 'conceder', 'hardliner', (o) => o.sides.ru.score)).toBeGreaterThan(mean(scenario, 'conceder', 'hardliner', (o) => o.sides.us.score));
    });

    it('every ledger entry carries a cause, and the ledger accounts for every point of every meter', () => {
      for (const [us, ru] of [['random', 'random'], ['reciprocator', 'hardliner']]) {
        for (const seed of [1, 2, 3]) {
          const { state } = playGame(scenario, seed, { us: STRATEGIES[us], ru: STRATEGIES[ru] });
          const running: Record<string, number> = { ...state.history[0].meters! };
          for (const e of allLedger(state)) {
            expect(typeof e.cause === 'string' && e.cause.trim().length > 0, JSON.stringify(e)).toBe(true);
            running[e.meter] += e.delta;
            expect(running[e.meter], `${e.meter} after "${e.cause}"`).toBe(e.value);
          }
          for (const p of meterPaths(state)) expect(running[p], p).toBe(readMeter(state, p));
        }
      }
    });
  });

  describe(`${id}: move by move`, () => {
    for (const side of ['us', 'ru'] as const) {
      it(`a hostile statement by ${side} raises its own domestic support and lowers the other side's trust`, () => {
        const s = atPhase(scenario, 'statements');
        const them = otherSide(US_RU, side);
        const after = play(scenario, s, { type: 'statement', side, tone: 'hostile' });
        if (s.meters.support[side] < 100) expect(after.meters.support[side]).toBeGreaterThan(s.meters.support[side]);
        if (s.meters.trust[them] > 0) expect(trustOf(after, them)).toBeLessThan(trustOf(s, them));
        const kind = play(scenario, s, { type: 'statement', side, tone: 'conciliatory' });
        expect(trustOf(kind, them)).toBeGreaterThan(trustOf(after, them));
      });
    }

    it('trust is slow to build and quick to lose: a gain and a loss of the same size are not equal', () => {
      const symmetric: Scenario = {
        ...quiet(scenario),
        rules: {
          ...scenario.rules,
          mixedSignalsTrust: 0,
          statements: {
            ...scenario.rules.statements,
            conciliatory: { support: 0, trust: 6, escalation: 0, hawks: 0 },
            hostile: { support: 0, trust: -6, escalation: 0, hawks: 0 },
          },
        },
      };
      const s = atPhase(symmetric, 'statements');
      const gain = trustOf(play(symmetric, s, { type: 'statement', side: 'us', tone: 'conciliatory' }), 'ru') - trustOf(s, 'ru');
      const loss = trustOf(s, 'ru') - trustOf(play(symmetric, s, { type: 'statement', side: 'us', tone: 'hostile' }), 'ru');
      expect(gain).toBeGreaterThan(0);
      expect(loss).toBeGreaterThan(gain);
    });

    it('a reciprocal deal builds more trust than a one-sided one (quid pro quo)', () => {
      const q = quiet(scenario);
      const s = atPhase(q, 'proposals');
      const by = s.initiative;
      const them = otherSide(US_RU, by);
      const give = giveable(q, s, by)[0];
      const ask = giveable(q, s, them)[0];
      const both = play(q, s, { type: 'propose', side: by, give: [give], ask: [ask] }, { type: 'accept', side: them });
      const oneSided = play(q, s, { type: 'propose', side: by, give: [], ask: [ask] }, { type: 'accept', side: them });
      expect(trustOf(both, by)).toBeGreaterThan(trustOf(oneSided, by));
      expect(trustOf(both, them)).toBeGreaterThan(trustOf(oneSided, them));
    });

    it('defection exposed by verification collapses trust and breaks the agreement', () => {
      const q = quiet(scenario);
      const { state, by, them } = signDeal(q);
      const defected = play(q, state, { type: 'defect', side: by, agreement: 'A1' }, { type: 'implement', side: them, agreement: 'A1' });
      expect(defected.agreements[0].status).toBe('implemented'); // a defection looks like implementation at first
      const caught = play(q, defected, { type: 'verify', side: them, agreement: 'A1' });
      const a = caught.agreements[0];
      expect(a.status).toBe('broken');
      expect(a.obligations[by]).toMatchObject({ status: 'defected', exposed: true });
      const fall = trustOf(defected, them) - trustOf(caught, them);
      const before = trustOf(defected, them);
      expect(fall).toBe(before - Math.max(0, Math.round(before + q.rules.defectTrust * q.rules.trustLossFactor)));
      expect(fall).toBeGreaterThanOrEqual(Math.min(trustOf(defected, them), 25));
      expect(allLedger(caught).some((e) => e.meter === `trust.${them}` && /caught by verification/.test(e.cause))).toBe(true);
      // Keeping the promise instead, verification builds trust.
      const kept = play(q, state, { type: 'implement', side: by, agreement: 'A1' }, { type: 'implement', side: them, agreement: 'A1' });
      const checked = play(q, kept, { type: 'verify', side: them, agreement: 'A1' });
      expect(checked.agreements[0].status).not.toBe('broken');
      expect(trustOf(checked, them)).toBeGreaterThanOrEqual(trustOf(kept, them));
    });

    it('a side that owes nothing under a new agreement stays in the implementation phase until the other side has implemented, and may verify it that turn', () => {
      const q = quiet(scenario);
      const s = atPhase(q, 'proposals');
      const by = s.initiative;
      const them = otherSide(US_RU, by);
      // by asks one card and gives nothing: only the other side owes anything.
      const signed = play(q, s, { type: 'propose', side: by, give: [], ask: [giveable(q, s, them)[0]] }, { type: 'accept', side: them });
      expect(signed.phase).toBe('implementation');
      expect(pendingSides(signed)).toContain(by);
      const implemented = play(q, signed, { type: 'implement', side: them, agreement: 'A1' });
      expect(implemented.phase).toBe('implementation');
      expect(legalMoves(q, implemented, by)).toContainEqual({ type: 'verify', side: by, agreement: 'A1' });
      const verified = play(q, implemented, { type: 'verify', side: by, agreement: 'A1' });
      expect(verified.agreements[0].obligations[them].verified).toBe(true);
      expect(verified.phase).not.toBe('implementation'); // nothing is left for anyone: the turn goes on
      // Had the other side delayed, there would be nothing to verify: the phase ends without a "done".
      const delayed = play(q, signed, { type: 'delay', side: them, agreement: 'A1' });
      expect(delayed.phase).not.toBe('implementation');
    });

    it('in implementation the side still deciding is asked to move first, then the side that may verify it', () => {
      const q = quiet(scenario);
      const s = atPhase(q, 'proposals');
      const by = s.initiative;
      const them = otherSide(US_RU, by);
      const signed = play(q, s, { type: 'propose', side: by, give: [], ask: [giveable(q, s, them)[0]] }, { type: 'accept', side: them });
      // Both are pending, but only `them` owes anything: a table that asked `by` first would make it say done
      // before there was anything to verify.
      expect(pendingSides(signed)).toEqual(expect.arrayContaining([by, them]));
      expect(nextActors(signed)).toEqual([them]);
      const implemented = play(q, signed, { type: 'implement', side: them, agreement: 'A1' });
      expect(nextActors(implemented)).toEqual([by]);
      // Outside implementation the pending sides are asked as they are.
      expect(nextActors(s)).toEqual(pendingSides(s));
    });

    it('a side that implements first may still verify the other side’s implementation in the same turn', () => {
      const q = quiet(scenario);
      const { state, by, them } = signDeal(q);
      const first = play(q, state, { type: 'implement', side: by, agreement: 'A1' });
      expect(pendingSides(first)).toContain(by);
      const second = play(q, first, { type: 'implement', side: them, agreement: 'A1' });
      expect(second.phase).toBe('implementation');
      for (const side of [by, them]) expect(legalMoves(q, second, side)).toContainEqual({ type: 'verify', side, agreement: 'A1' });
      const both = play(q, second, { type: 'verify', side: by, agreement: 'A1' }, { type: 'verify', side: them, agreement: 'A1' });
      expect(both.agreements[0].status).toBe('verified');
      expect(both.phase).not.toBe('implementation');
    });

    it('delays cost trust, and too many delays break the agreement', () => {
      const q = quiet(scenario);
      let { state, by, them } = signDeal(q);
      for (let delay = 1; delay <= q.rules.maxDelays; delay++) {
        const before = trustOf(state, them);
        state = play(q, state, { type: 'delay', side: by, agreement: 'A1' });
        if (before > 0) expect(trustOf(state, them)).toBeLessThan(before);
        if (delay < q.rules.maxDelays) {
          expect(state.agreements[0].status).toBe('signed');
          state = atPhase(q, 'implementation', advance(q, state, (s) => s.phase !== 'implementation'));
          // keep the agreement alive on the other side: it implements once, then waits
          if (state.agreements[0].obligations[them].status === 'pending') state = play(q, state, { type: 'implement', side: them, agreement: 'A1' });
        }
      }
      expect(state.agreements[0].status).toBe('broken');
    });

    it.runIf(scenario.channels.length > 0)('a pause in dialogue, with every channel closed, raises the hawks on both sides', () => {
      const closed: Scenario = { ...quiet(scenario), channels: scenario.channels.map((c) => ({ ...c, startOpen: false })) };
      const s = atPhase(closed, 'proposals');
      const paused = advance(closed, play(closed, s, { type: 'pass', side: s.initiative }), (g) => g.turn > s.turn);
      const talked = advance(
        closed,
        play(closed, s, { type: 'propose', side: s.initiative, give: [], ask: [giveable(closed, s, otherSide(US_RU, s.initiative))[0]] }),
        (g) => g.turn > s.turn,
      );
      for (const side of ['us', 'ru'] as const) {
        expect(paused.meters.hawks[side]).toBeGreaterThan(talked.meters.hawks[side]);
        expect(allLedger(paused).some((e) => e.meter === `hawks.${side}` && /pause in dialogue/.test(e.cause))).toBe(true);
        expect(allLedger(talked).some((e) => /pause in dialogue/.test(e.cause))).toBe(false);
      }
    });

    it.runIf(scenario.channels.length > 0)('an open channel lowers escalation', () => {
      const closed: Scenario = { ...quiet(scenario), channels: scenario.channels.map((c) => ({ ...c, startOpen: false })) };
      const channel = closed.channels[0].id;
      const s = atPhase(closed, 'statements');
      const nextTurn = (g: GameState) => advance(closed, g, (x) => x.turn > s.turn);
      const opened = play(closed, s, { type: 'openChannel', side: 'us', channel }, { type: 'openChannel', side: 'ru', channel });
      expect(opened.channels[channel].open).toBe(true);
      expect(opened.meters.escalation).toBeLessThanOrEqual(s.meters.escalation);
      const withChannel = nextTurn(opened);
      const without = nextTurn(s);
      expect(withChannel.meters.escalation).toBeLessThan(without.meters.escalation);
    });

    it('escalation at 100 ends the game for both sides', () => {
      const brink: Scenario = { ...quiet(scenario), escalationStart: 100 - Math.max(1, scenario.rules.statements.hostile.escalation) };
      const s = atPhase(brink, 'statements');
      const war = play(brink, s, { type: 'statement', side: 'us', tone: 'hostile' });
      expect(war.meters.escalation).toBe(100);
      expect(war.phase).toBe('ended');
      expect(war.end).toMatchObject({ reason: 'escalation' });
      expect(pendingSides(war)).toEqual([]);
      expect(legalMoves(brink, war, 'ru')).toEqual([]);
      const o = outcomeOf(brink, war);
      for (const side of ['us', 'ru'] as const) expect(o.sides[side]).toMatchObject({ won: false, parts: { penalty: -20 } });
    });

    it('a side whose domestic support falls to 0 loses office', () => {
      const s0 = atPhase(quiet(scenario), 'proposals');
      const by = s0.initiative;
      const costly = giveable(scenario, s0, by)
        .map((id) => scenario.cards.find((c) => c.id === id)!)
        .sort((a, b) => b.cost - a.cost)[0];
      const fragile: Scenario = {
        ...quiet(scenario),
        sides: { ...scenario.sides, [by]: { ...scenario.sides[by], start: { ...scenario.sides[by].start, support: 1 } } },
      };
      const s = atPhase(fragile, 'proposals');
      expect(s.meters.support[by]).toBeLessThanOrEqual(costly.cost);
      const fallen = play(fragile, s, { type: 'propose', side: by, give: [costly.id], ask: [] }, { type: 'accept', side: otherSide(US_RU, by) });
      expect(fallen.meters.support[by]).toBe(0);
      expect(fallen.phase).toBe('ended');
      expect(fallen.end).toMatchObject({ reason: 'office', side: by });
      const o = outcomeOf(fragile, fallen);
      expect(o.sides[by]).toMatchObject({ inOffice: false, won: false });
      expect(o.sides[otherSide(US_RU, by)].inOffice).toBe(true);
    });

    it("a side's view hides the random generator, the seed and the other side's undiscovered defection", () => {
      const q = quiet(scenario);
      const { state, by, them } = signDeal(q);
      const defected = play(q, state, { type: 'defect', side: by, agreement: 'A1' });
      const victim = viewFor(defected, them);
      expect(victim.rng).toBe(0);
      expect(victim.seed).toBe(0);
      expect(victim.viewer).toBe(them);
      expect(victim.agreements[0].obligations[by].status).toBe('implemented');
      expect(JSON.stringify(victim)).not.toMatch(/"defect"|"defected"/);
      expect(viewFor(defected, by).agreements[0].obligations[by].status).toBe('defected');
      expect(defected.agreements[0].obligations[by].status).toBe('defected'); // the real state is untouched
      const caught = play(q, defected, { type: 'implement', side: them, agreement: 'A1' }, { type: 'verify', side: them, agreement: 'A1' });
      expect(viewFor(caught, them).agreements[0].obligations[by]).toMatchObject({ status: 'defected', exposed: true });
      const pub = scenarioFor(scenario, them).sides[by] as Record<string, unknown>;
      for (const secret of ['priorities', 'redLines', 'brief', 'goal']) expect(pub[secret]).toBeUndefined();
    });
  });
}

describe('the engine applies moves only to new states', () => {
  it('applyMove never changes the state it was given', () => {
    const [, scenario] = shippedScenarios()[0];
    const s = createGame(scenario, 3);
    const before = JSON.stringify(s);
    const r = applyMove(scenario, s, { type: 'statement', side: 'us', tone: 'hostile' });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(s)).toBe(before);
  });
});
