// The secondary rules, each pinned by a behaviour that disappears without it: the multilateral discount, channels
// damping incidents, intelligence exposing a defection, hawks pushing escalation, and mixed signals.
import { describe, expect, it } from 'vitest';
import { allLedger, applyInject, applyMove, createGame, otherSide, type GameState, type LedgerEntry, type Move, type Scenario, type Side } from '../../src/engine';
import { advance, giveable, play, shippedScenarios } from './engine-test-kit';

/** The shipped scenarios' seats. */
const US_RU = ['us', 'ru'] as const;

const scenarios = shippedScenarios();
const byId = (id: string) => scenarios.find(([i]) => i === id)![1];
/** The scenario without its events, so that one rule can be watched on its own. */
const quiet = (scenario: Scenario): Scenario => ({ ...scenario, events: [] });
const atPhase = (scenario: Scenario, phase: GameState['phase'], from: GameState) => advance(scenario, from, (s) => s.phase === phase);
const newEntries = (before: GameState, after: GameState): LedgerEntry[] => allLedger(after).slice(allLedger(before).length);

describe('a multilateral venue halves what a concession costs at home', () => {
  // 2016: "It is no coincidence that it was through multilateral efforts that progress was made on the Iranian nuclear issue".
  const scenario = quiet(byId('limits-of-the-possible-2016'));
  const venueTracks = new Set(scenario.tracks.filter((t) => t.venue).map((t) => t.id));
  const state = atPhase(scenario, 'proposals', createGame(scenario, 1));
  const by = state.initiative;
  const them = otherSide(US_RU, by);
  const onVenue = (side: Side) => giveable(scenario, state, side).find((id) => venueTracks.has(scenario.cards.find((c) => c.id === id)!.track))!;
  const sign = (format: 'bilateral' | 'multilateral') => {
    const move: Move = { type: 'propose', side: by, give: [onVenue(by)], ask: [onVenue(them)], format };
    const signed = play(scenario, state, move, { type: 'accept', side: them });
    return newEntries(state, signed).find((e) => e.meter === `support.${by}` && e.cause.includes('conceded'))!;
  };

  it('the same package costs the giver half the support when it goes to the venue, and the ledger says why', () => {
    expect(venueTracks.size).toBeGreaterThan(0);
    const bilateral = sign('bilateral');
    const multilateral = sign('multilateral');
    expect(bilateral.delta).toBeLessThan(0);
    expect(multilateral.cause).toContain('(multilateral format)');
    // Meters move in whole points: half, rounded.
    expect(multilateral.delta).toBeGreaterThan(bilateral.delta);
    expect(Math.abs(multilateral.delta - bilateral.delta * scenario.rules.multilateralCost)).toBeLessThanOrEqual(0.5);
  });
});

describe('an open channel halves the escalation an incident causes', () => {
  // The first shipped event that raises escalation, fired by the teacher's inject with no channel open and with one.
  const found = scenarios
    .map(([, s]) => ({ s, ev: s.events.find((e) => e.effects.some((x) => 'meter' in x && x.meter === 'escalation' && 'delta' in x && x.delta > 0)) }))
    .find((x) => x.ev && x.s.channels.length > 0)!;
  const { s: scenario, ev } = found;
  const rise = (sc: Scenario) => {
    const before = createGame(sc, 1);
    const after = applyInject(sc, before, { kind: 'event', event: ev!.id });
    return newEntries(before, after).filter((e) => e.meter === 'escalation').reduce((sum, e) => sum + e.delta, 0);
  };

  it(`"${ev?.id}" raises escalation half as much while a channel is open`, () => {
    const closed = rise(scenario);
    const open = rise({ ...scenario, channels: scenario.channels.map((c, i) => ({ ...c, startOpen: i === 0 })) });
    expect(closed).toBeGreaterThan(0);
    // Meters move in whole points: half, rounded.
    expect(open).toBeLessThan(closed);
    expect(Math.abs(open - closed / 2)).toBeLessThanOrEqual(0.5);
  });
});

describe('intelligence may expose a hidden defection that nobody verified', () => {
  const scenario = quiet(byId('reset-2009'));
  /** `by` defects on a fresh deal, the other side implements and does not verify; the turn then ends. */
  const defectUnverified = (seed: number) => {
    const state = atPhase(scenario, 'proposals', createGame(scenario, seed));
    const by = state.initiative;
    const them = otherSide(US_RU, by);
    const move: Move = { type: 'propose', side: by, give: [giveable(scenario, state, by)[0]], ask: [giveable(scenario, state, them)[0]] };
    let g = play(scenario, state, move, { type: 'accept', side: them }, { type: 'defect', side: by, agreement: 'A1' }, { type: 'implement', side: them, agreement: 'A1' });
    for (const side of [by, them]) if (g.phase === 'implementation' && !g.thisTurn.done.includes(side)) g = play(scenario, g, { type: 'done', side });
    return { g, by };
  };

  it('over 40 games some defections come to light at the end of the turn and some stay hidden: a chance, not a certainty', () => {
    let exposed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { g, by } = defectUnverified(seed);
      expect(g.phase).not.toBe('implementation');
      const o = g.agreements[0].obligations[by];
      expect(o.verified).toBe(false);
      if (o.exposed) {
        exposed++;
        expect(g.agreements[0].status).toBe('broken');
      }
    }
    expect(exposed).toBeGreaterThan(0);
    expect(exposed).toBeLessThan(40);
  });
});

describe('loud hawks push for a show of force', () => {
  const base = quiet(byId('reset-2009'));
  const withHawks = (hawks: number): Scenario => ({ ...base, sides: { ...base.sides, us: { ...base.sides.us, start: { ...base.sides.us.start, hawks } } } });
  const pushes = (scenario: Scenario) => {
    const start = createGame(scenario, 1);
    const end = advance(scenario, start, (s) => s.turn > start.turn);
    return newEntries(start, end).filter((e) => e.meter === 'escalation' && e.cause.includes('hawks push for a show of force'));
  };

  it('hawks at 70 or more add 2 to escalation at the end of the turn; at 40 they do not', () => {
    expect(pushes(withHawks(80))).toEqual([expect.objectContaining({ delta: 2 })]);
    expect(pushes(withHawks(40))).toEqual([]);
  });
});

describe('mixed signals cost trust', () => {
  const scenario = quiet(byId('reset-2009'));
  /** Both sides speak `first` in turn 1; the US then says `second` in turn 2. */
  const trustChanges = (first: 'conciliatory' | 'hostile', second: 'conciliatory' | 'hostile') => {
    let g = createGame(scenario, 1);
    g = advance(scenario, g, (s) => s.phase === 'statements');
    g = play(scenario, g, { type: 'statement', side: 'us', tone: first }, { type: 'statement', side: 'ru', tone: first });
    g = advance(scenario, g, (s) => s.turn === 2 && s.phase === 'statements');
    const next = applyMove(scenario, g, { type: 'statement', side: 'us', tone: second });
    if (!next.ok) throw new Error(next.reason);
    return newEntries(g, next.state).filter((e) => e.meter === 'trust.ru');
  };

  it('a hostile statement after a conciliatory one costs trust beyond the hostile words themselves', () => {
    const mixed = trustChanges('conciliatory', 'hostile');
    expect(mixed.some((e) => e.cause.startsWith('mixed signals') && e.delta < 0)).toBe(true);
    expect(trustChanges('conciliatory', 'conciliatory').some((e) => e.cause.startsWith('mixed signals'))).toBe(false);
  });

  it('so does a conciliatory statement after a hostile one', () => {
    expect(trustChanges('hostile', 'conciliatory').some((e) => e.cause.startsWith('mixed signals') && e.delta < 0)).toBe(true);
    expect(trustChanges('hostile', 'hostile').some((e) => e.cause.startsWith('mixed signals'))).toBe(false);
  });
});
