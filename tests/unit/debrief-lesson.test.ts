// The debrief as a lesson, read without a page: the charts' timeline reaches the turn a game ended in, the exports
// carry every turn's moves, ledger, news and scores, the offers each side made, the deals both sides would have
// preferred in sentences, and how a cooperative game and a crisis differ from history.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/ai/analysis';
import { playGame } from '../../src/ai/runner';
import { STRATEGIES } from '../../src/ai/strategies';
import { outcomeOf, sideName, textOf, timeline } from '../../src/engine';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { gameLogCsv, gameLogJson, scoresByTurn } from '../../src/ui/export';
import { gameAgainstHistory, gameKind } from '../../src/ui/debrief/history';
import { missedDeals, missedDealSentence, offersByTrack, timesAskedFor } from '../../src/ui/debrief/lesson';

const limits = requireScenario(join(SCENARIO_DIR, 'limits-of-the-possible-2016.yaml'));
const reset = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
/** The first game of hardliners (then a hardliner against a random player) in which escalation reaches 100 inside a turn, before it is resolved. */
function crisisInsideATurn() {
  for (const ru of ['hardliner', 'random'])
    for (let seed = 1; seed <= 20; seed++) {
      const state = playGame(limits, seed, { us: STRATEGIES.hardliner, ru: STRATEGIES[ru] }).state;
      if (state.end?.reason === 'escalation' && !state.history.at(-1)!.meters) return state;
    }
  throw new Error('no game of limits-of-the-possible-2016 ends in a crisis inside a turn');
}
const crisis = crisisInsideATurn();
const crisisTurn = crisis.end!.turn;
const cooperative = playGame(reset, 3, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator }).state;

describe('the final turn is on the charts and in the exports', () => {
  it('a crisis inside a turn ends the timeline at that turn with escalation at 100', () => {
    expect(crisis.history.at(-1)!.meters).toBeUndefined(); // the turn was never resolved
    const last = timeline(crisis).at(-1)!;
    expect(last.turn).toBe(crisisTurn);
    expect(last.meters.escalation).toBe(100);
    expect(timeline(crisis).map((p) => p.turn)).toEqual(Array.from({ length: crisisTurn + 1 }, (_, i) => i));
  });

  it('scores by turn end with the outcome the debrief reports', () => {
    for (const state of [crisis, cooperative]) {
      const scores = scoresByTurn(state.scenario === limits.id ? limits : reset, state);
      const scenario = state.scenario === limits.id ? limits : reset;
      expect(scores[0].turn).toBe(0);
      expect(scores.at(-1)!.turn).toBe(state.end!.turn);
      for (const s of state.seats) expect(scores.at(-1)!.scores[s]).toBe(outcomeOf(scenario, state).sides[s].score);
    }
  });

  it('the CSV has every move, ledger line and news item, and each side’s score for every turn', () => {
    const lines = gameLogCsv(crisis.scenario === limits.id ? limits : reset, crisis).trimEnd().split('\r\n');
    expect(lines[0]).toBe('record,n,turn,phase,side,move,details,meter,change,value,cause,source');
    const count = (kind: string) => lines.filter((l) => l.startsWith(`${kind},`)).length;
    expect(count('move')).toBe(crisis.history.reduce((n, t) => n + t.moves.length, 0));
    expect(count('ledger')).toBe(crisis.history.reduce((n, t) => n + t.ledger.length, 0));
    expect(count('news')).toBe(crisis.history.reduce((n, t) => n + t.news.length, 0));
    expect(count('score')).toBe(2 * (crisisTurn + 1)); // turns 0..the crisis, two sides
    const last = lines.filter((l) => l.startsWith('score,')).slice(-2);
    for (const s of crisis.seats) expect(last.some((l) => l.includes(`,${sideName(limits, s)},`) && l.includes(`,${outcomeOf(limits, crisis).sides[s].score},`))).toBe(true);
  });

  it('the JSON holds the same turn by turn', () => {
    const json = JSON.parse(gameLogJson(limits, crisis)) as { turns: { turn: number; moves: unknown[]; ledger: unknown[]; news: unknown[]; scores: Record<string, number> | null; meters: Record<string, number> | null }[] };
    expect(json.turns.map((t) => t.turn)).toEqual(crisis.history.map((t) => t.turn));
    expect(json.turns.at(-1)!.meters!.escalation).toBe(100);
    expect(json.turns.every((t) => t.scores !== null)).toBe(true);
    expect(json.turns.reduce((n, t) => n + t.moves.length, 0)).toBe(crisis.history.reduce((n, t) => n + t.moves.length, 0));
  });
});

describe('what each side wanted and what both would have preferred', () => {
  it('counts the cards each side offered, track by track, from its proposals and counters', () => {
    const offers = offersByTrack(reset, cooperative);
    let given = 0;
    for (const t of cooperative.history) for (const m of t.moves) if (m.type === 'propose' || m.type === 'counter') given += m.give.length;
    expect(Object.values(offers).flatMap((r) => Object.values(r)).reduce((a, b) => a + b, 0)).toBe(given);
    expect(given).toBeGreaterThan(0);
    let asked = 0;
    for (const t of cooperative.history) for (const m of t.moves) if ((m.type === 'propose' || m.type === 'counter') && m.side === 'us') asked += m.ask.filter((c) => c === 'transit-overflight').length;
    expect(timesAskedFor(cooperative, 'us', 'transit-overflight')).toBe(asked);
  });

  it('a missed deal reads as a trade with each side’s gain beyond the deal carried out', () => {
    const a = analyzeScenario(reset, cooperative);
    const missed = missedDeals(a);
    const name = (s: string) => sideName(reset, s);
    expect(missed.length).toBe(1);
    const m = missed[0];
    for (const s of reset.seats) expect(m.gain[s]).toBeGreaterThan(0);
    const text = missedDealSentence(reset, m, a.game!.delivered, name);
    expect(text).toMatch(/^(United States|Russia) (also giving|giving|keeping) .+ would have given United States \+\d+\.\d and Russia \+\d+\.\d, beyond the deal carried out\.$/);
    // An issue settled at another level reads as one option instead of the other (reset-2009's warhead cuts).
    expect(text).toContain('United States giving Modest cuts in deployed warheads instead of Deeper cuts in deployed warheads');
    // Only the difference from the deal carried out is told: no card both deals hold.
    for (const s of reset.seats) for (const id of a.game!.delivered.gives[s].filter((c) => m.deal.gives[s].includes(c))) expect(text).not.toContain(textOf(reset.cards.find((c) => c.id === id)!.title));
  });

  it('a deal on the frontier has no missed deal (the debrief then says none existed)', () => {
    const onFrontier = playGame(reset, 1, { us: STRATEGIES.conceder, ru: STRATEGIES.reciprocator }).state;
    const a = analyzeScenario(reset, onFrontier);
    expect(a.game!.onFrontier).toBe(true);
    expect(missedDeals(a)).toEqual([]);
    const hardline = analyzeScenario(reset, playGame(reset, 1, { us: STRATEGIES.hardliner, ru: STRATEGIES.reciprocator }).state);
    // Rules 6 (2009's chance events draw from the generator): this game ends in a crisis on turn 11, before the deal of
    // turn 12 it signed under rules 4-5 (one missed deal then), and leaves five missed deals, as under rules 3.
    expect(missedDeals(hardline).length).toBe(5);
  });
});

describe('how the game differed from history', () => {
  it('a cooperative game and a crisis get different sentences, each saying what happened', () => {
    expect(gameKind(crisis)).toBe('crisis');
    expect(gameAgainstHistory(limits, crisis)).toMatch(new RegExp(`^Unlike history, this game ended in a crisis: escalation reached 100 in turn ${crisisTurn}\\.`));
    expect(gameKind(cooperative)).toBe('cooperative');
    const text = gameAgainstHistory(reset, cooperative);
    expect(text).toMatch(/^This game was a cooperative one: (one agreement was|\d+ agreements were) carried out/);
    expect(text).toMatch(/Of what history agreed \(Cancel the missile shield.*\)|History agreed .*; this game carried out none of it\./);
  });
});
