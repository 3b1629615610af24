// A package's worth to each side is the change in that side's score that playing it would bring: packages drawn
// at random, valued from random states of every shipped scenario, then played through applyMove.
import { describe, expect, it } from 'vitest';
import {
  dealModel,
  deliveredUtility,
  makeRandom,
  outcomeOf,
  packageWorth,
  progressUtility,
  type Format,
  type GameState,
  type Scenario,
} from '../../src/engine';
import { shippedScenarios } from './engine-test-kit';
import { atFirstProposal, lastTurnScenario, playPackage, randomState, twistedScenario } from './deal-kit';

function randomPackage(s: Scenario, from: GameState, rnd: () => number): { ids: string[]; format: Format } {
  const open = dealModel(s, from).open;
  // At most one option of an issue, as the rules allow.
  const issues = new Set<string>();
  const ids = open
    .filter((c) => {
      if (rnd() >= 0.35) return false;
      if (c.card.issue === undefined) return true;
      if (issues.has(c.card.issue)) return false;
      issues.add(c.card.issue);
      return true;
    })
    .map((c) => c.card.id);
  if (ids.length === 0) ids.push(open[Math.floor(rnd() * open.length)].card.id);
  const multilateral = ids.every((id) => open.find((c) => c.card.id === id)!.signing.multilateral) && rnd() < 0.5;
  return { ids, format: multilateral ? 'multilateral' : 'bilateral' };
}

/** Value a package from `from`, play it, and compare every part with what the engine did. */
function checkAgainstEngine(s: Scenario, from: GameState, ids: string[], format: Format): boolean {
  const model = dealModel(s, from);
  const w = packageWorth(model, ids, format);
  if (w.caveats.length > 0) return false;
  const after = playPackage(s, from, ids, format);
  expect(after.phase, 'the test scenario ends the game at this turn').toBe('ended');
  const where = `${s.id} turn ${from.turn}, ${format} package ${ids.join(' + ')}`;
  for (const side of s.seats) {
    expect(w.parts[side].deals, `${where}: deals for ${side}`).toBeCloseTo(deliveredUtility(s, after, side) - deliveredUtility(s, from, side), 9);
    expect(w.parts[side].progress, `${where}: progress for ${side}`).toBeCloseTo(progressUtility(s, after, side) - progressUtility(s, from, side), 9);
    expect(w.meters.support[side], `${where}: support of ${side}`).toBe(after.meters.support[side] - from.meters.support[side]);
    // The score is rounded to a tenth, before and after.
    const change = outcomeOf(s, after).sides[side].score - outcomeOf(s, from).sides[side].score;
    expect(Math.abs(w.worth[side] - change), `${where}: score change for ${side} (${w.worth[side]} against ${change})`).toBeLessThanOrEqual(0.1 + 1e-9);
  }
  expect(w.meters.escalation, `${where}: escalation`).toBe(after.meters.escalation - from.meters.escalation);
  for (const t of s.tracks) expect(w.tracks[t.id].stage, `${where}: track ${t.id}`).toBe(after.tracks[t.id].stage);
  return true;
}

describe('what a package is worth: the score change the engine would bring', () => {
  for (const [id, shipped] of shippedScenarios()) {
    it(`${id}: random packages from the start and from random states, played through applyMove`, () => {
      const rnd = makeRandom(7);
      let compared = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const base = seed <= 20 ? atFirstProposal(shipped, seed) : randomState(shipped, seed);
        const s = lastTurnScenario(shipped, base.turn);
        const { ids, format } = randomPackage(s, base, rnd);
        if (checkAgainstEngine(s, base, ids, format)) compared++;
      }
      // Nearly every state keeps its meters clear of their bounds, where the figures are exact.
      expect(compared).toBeGreaterThanOrEqual(50);
    });
  }

  for (const [id, shipped] of shippedScenarios()) {
    it(`${id} with its guards, stage values and cards redrawn at random: the same, part by part`, () => {
      const rnd = makeRandom(11);
      let compared = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const twisted = twistedScenario(shipped, seed);
        const base = randomState(twisted, seed);
        const s = lastTurnScenario(twisted, base.turn);
        const { ids, format } = randomPackage(s, base, rnd);
        if (checkAgainstEngine(s, base, ids, format)) compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(25);
    });
  }

  it('moves a track further when the package is a quid pro quo, even through a card on another track (2016)', () => {
    const [, shipped] = shippedScenarios().find(([id]) => id === 'limits-of-the-possible-2016')!;
    const from = atFirstProposal(shipped, 1);
    const s = lastTurnScenario(shipped, from.turn);
    const model = dealModel(s, from);
    // Trust starts at 22 (US) and 17 (Russia, after Dunford's words). Proposing an arms card moves "no rules" to
    // "military contacts" (TALKS). Signing adds 2 to each (22 -> 24, 17 -> 19); a quid pro quo adds 3 more, shrunk by the
    // trust already there (24 -> 26, 19 -> 22). "Incident rules" need trust 20 on both sides: only the quid pro quo gets there.
    expect(from.meters.trust).toEqual({ us: 22, ru: 17 });
    const alone = packageWorth(model, ['incident-rules-us']);
    const traded = packageWorth(model, ['incident-rules-us', 'iran-fuel']);
    expect(alone.tracks.arms.stage).toBe('contacts');
    expect(traded.tracks.arms.stage).toBe('incident-rules');
    // Arms is worth 6 to each side: 0.1 of it for contacts, 0.3 for incident rules.
    expect(alone.parts.us.progress).toBeCloseTo(0.6, 9);
    expect(traded.parts.ru.progress - packageWorth(model, ['iran-fuel']).parts.ru.progress).toBeCloseTo(1.8, 9);
    expect(checkAgainstEngine(s, from, ['incident-rules-us'], 'bilateral')).toBe(true);
    expect(checkAgainstEngine(s, from, ['incident-rules-us', 'iran-fuel'], 'bilateral')).toBe(true);
  });

  it('charges the giver its signing cost, less in a multilateral format, and counts what the receiver wins at home', () => {
    const [, shipped] = shippedScenarios().find(([id]) => id === 'limits-of-the-possible-2016')!;
    const from = atFirstProposal(shipped, 1);
    const s = lastTurnScenario(shipped, from.turn);
    const model = dealModel(s, from);
    const card = model.open.find((c) => c.signing.multilateral && c.card.side === 'us')!;
    const bilateral = packageWorth(model, [card.card.id], 'bilateral');
    const multilateral = packageWorth(model, [card.card.id], 'multilateral');
    expect(multilateral.meters.support.us).toBeGreaterThan(bilateral.meters.support.us);
    expect(multilateral.meters.support.ru).toBe(bilateral.meters.support.ru);
    expect(bilateral.meters.support.ru).toBeGreaterThan(0);
    for (const format of ['bilateral', 'multilateral'] as const) expect(checkAgainstEngine(s, from, [card.card.id], format)).toBe(true);
  });
});
