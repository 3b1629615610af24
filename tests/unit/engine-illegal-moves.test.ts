// Illegal moves are refused with a reason a player can read, and change nothing.
import { describe, expect, it } from 'vitest';
import { applyMove, createGame, otherSide, pendingSides, whyNot, type GameState, type Move, type Scenario, type Side } from '../../src/engine';
import { advance, giveable, play, shippedScenarios } from './engine-test-kit';

/** The shipped scenarios' seats. */
const US_RU = ['us', 'ru'] as const;

function refused(scenario: Scenario, state: GameState, move: Move, reason: RegExp): void {
  const before = JSON.stringify(state);
  const r = applyMove(scenario, state, move);
  expect(r.ok, `${JSON.stringify(move)} should be refused`).toBe(false);
  if (r.ok) return;
  expect(r.reason).toMatch(reason);
  expect(r.state).toBe(state);
  expect(JSON.stringify(state)).toBe(before);
  expect(whyNot(scenario, state, move)).toBe(r.reason);
}

const atPhase = (scenario: Scenario, phase: GameState['phase'], from = createGame(scenario, 1)) =>
  advance(scenario, from, (s) => s.phase === phase);

/** The next proposals phase in which `side` holds the initiative. */
function proposalsFor(scenario: Scenario, side: Side): GameState {
  let s = atPhase(scenario, 'proposals');
  if (s.initiative !== side) s = advance(scenario, s, (x) => x.phase === 'proposals' && x.initiative === side);
  expect(s.phase).toBe('proposals');
  return s;
}

/** Sign a one-for-one deal: the initiative gives its first free card and asks the other's first. */
function signDeal(scenario: Scenario, state: GameState): { state: GameState; by: Side; give: string; ask: string } {
  const by = state.initiative;
  const give = giveable(scenario, state, by)[0];
  const ask = giveable(scenario, state, otherSide(US_RU, by))[0];
  const signed = play(scenario, state, { type: 'propose', side: by, give: [give], ask: [ask] }, { type: 'accept', side: otherSide(US_RU, by) });
  return { state: signed, by, give, ask };
}

for (const [id, scenario] of shippedScenarios()) {
  describe(`illegal moves in ${id}`, () => {
    it('a move by the wrong side is refused: proposing out of turn, stating twice, answering your own proposal', () => {
      const start = atPhase(scenario, 'statements');
      const stated = play(scenario, start, { type: 'statement', side: 'us', tone: 'neutral' });
      refused(scenario, stated, { type: 'statement', side: 'us', tone: 'hostile' }, /already made your statement/);
      const proposals = atPhase(scenario, 'proposals', stated);
      const p = proposals.initiative;
      refused(scenario, proposals, { type: 'pass', side: otherSide(US_RU, p) }, /turn to propose/);
      refused(scenario, proposals, { type: 'propose', side: otherSide(US_RU, p), give: [], ask: [giveable(scenario, proposals, p)[0]] }, /turn to propose/);
      const sent = play(scenario, proposals, { type: 'propose', side: p, give: [], ask: [giveable(scenario, proposals, otherSide(US_RU, p))[0]] });
      refused(scenario, sent, { type: 'accept', side: p }, /only the side that received the proposal/);
    });

    it('a move in the wrong phase is refused', () => {
      const statements = atPhase(scenario, 'statements');
      refused(scenario, statements, { type: 'propose', side: statements.initiative, give: [], ask: [giveable(scenario, statements, otherSide(US_RU, statements.initiative))[0]] }, /not possible during the statements phase/);
      refused(scenario, statements, { type: 'accept', side: 'ru' }, /not possible during the statements phase/);
      refused(scenario, statements, { type: 'done', side: 'us' }, /not possible during the statements phase/);
      const proposals = atPhase(scenario, 'proposals');
      refused(scenario, proposals, { type: 'statement', side: proposals.initiative, tone: 'hostile' }, /not possible during the proposals phase/);
      refused(scenario, proposals, { type: 'implement', side: proposals.initiative, agreement: 'A1' }, /not possible during the proposals phase/);
    });

    it('unknown cards, channels, agreements, tones, sides and move types are refused', () => {
      const proposals = atPhase(scenario, 'proposals');
      const p = proposals.initiative;
      refused(scenario, proposals, { type: 'propose', side: p, give: ['no-such-card'], ask: [] }, /no concession card "no-such-card"/);
      refused(scenario, proposals, { type: 'propose', side: p, give: [], ask: [] }, /at least one concession/);
      refused(scenario, proposals, { type: 'propose', side: p, give: [giveable(scenario, proposals, otherSide(US_RU, p))[0]], ask: [] }, /not yours to give/);
      const twice = giveable(scenario, proposals, otherSide(US_RU, p))[0];
      refused(scenario, proposals, { type: 'propose', side: p, give: [], ask: [twice, twice] }, /appears twice/);
      refused(scenario, proposals, { type: 'fly', side: p } as unknown as Move, /not possible|unknown move/);
      refused(scenario, proposals, { type: 'pass', side: 'fr' } as unknown as Move, /unknown side "fr"/);
      const statements = atPhase(scenario, 'statements');
      refused(scenario, statements, { type: 'openChannel', side: 'us', channel: 'no-such-channel' }, /no channel "no-such-channel"/);
      refused(scenario, statements, { type: 'statement', side: 'us', tone: 'furious' } as unknown as Move, /conciliatory, neutral or hostile/);
      const deal = signDeal(scenario, atPhase(scenario, 'proposals'));
      refused(scenario, deal.state, { type: 'implement', side: deal.by, agreement: 'A99' }, /no agreement "A99"/);
    });

    it('asking for a concession already conceded in an earlier agreement is refused', () => {
      const deal = signDeal(scenario, atPhase(scenario, 'proposals'));
      // The next turn the other side holds the initiative: it cannot ask again for what it already got.
      const next = atPhase(scenario, 'proposals', advance(scenario, deal.state, (s) => s.turn > deal.state.turn));
      expect(next.initiative).toBe(otherSide(US_RU, deal.by));
      refused(scenario, next, { type: 'propose', side: next.initiative, give: [], ask: [deal.give] }, /already been conceded/);
      refused(scenario, next, { type: 'propose', side: next.initiative, give: [deal.ask], ask: [] }, /already been conceded/);
    });

    for (const side of ['us', 'ru'] as const) {
      it.runIf(scenario.sides[side].redLines.length > 0)(`${side} cannot give a red-line card, nor accept a package that asks for one`, () => {
        const red = scenario.sides[side].redLines[0].card;
        const mine = proposalsFor(scenario, side);
        refused(scenario, mine, { type: 'propose', side, give: [red], ask: [] }, /red line/);
        const theirs = proposalsFor(scenario, otherSide(US_RU, side));
        const asked = play(scenario, theirs, { type: 'propose', side: otherSide(US_RU, side), give: [], ask: [red] });
        refused(scenario, asked, { type: 'accept', side }, /cross your red line/);
        refused(scenario, asked, { type: 'counter', side, give: [red], ask: [] }, /red line/);
        play(scenario, asked, { type: 'reject', side });
      });
    }

    it('a counter-proposal cannot be countered again: it can only be accepted or rejected', () => {
      const proposals = atPhase(scenario, 'proposals');
      const p = proposals.initiative;
      const q = otherSide(US_RU, p);
      const sent = play(scenario, proposals, { type: 'propose', side: p, give: [], ask: [giveable(scenario, proposals, q)[0]] });
      const countered = play(scenario, sent, { type: 'counter', side: q, give: [], ask: [giveable(scenario, sent, p)[0]] });
      refused(scenario, countered, { type: 'counter', side: p, give: [], ask: [giveable(scenario, countered, q)[0]] }, /counter-proposal can only be accepted or rejected/);
      play(scenario, countered, { type: 'reject', side: p });
    });

    it('an obligation cannot be implemented twice, nor decided twice in one turn, nor skipped by "done"', () => {
      const deal = signDeal(scenario, atPhase(scenario, 'proposals'));
      const s = deal.state;
      expect(s.phase).toBe('implementation');
      const them = otherSide(US_RU, deal.by);
      refused(scenario, s, { type: 'done', side: deal.by }, /decide first on agreement A1/);
      refused(scenario, s, { type: 'verify', side: deal.by, agreement: 'A1' }, /not yet implemented/);
      // The other side implements first, so deal.by still has something to verify and is not yet done.
      const theirsDone = play(scenario, s, { type: 'implement', side: them, agreement: 'A1' });
      const delayed = play(scenario, theirsDone, { type: 'delay', side: deal.by, agreement: 'A1' });
      refused(scenario, delayed, { type: 'implement', side: deal.by, agreement: 'A1' }, /already decided on agreement A1 this turn/);
      const implemented = play(scenario, theirsDone, { type: 'implement', side: deal.by, agreement: 'A1' });
      refused(scenario, implemented, { type: 'implement', side: deal.by, agreement: 'A1' }, /owe nothing more/);
      refused(scenario, implemented, { type: 'defect', side: deal.by, agreement: 'A1' }, /owe nothing more/);
      // Verifying ends deal.by's part of the phase; a second verification cannot follow. The other side,
      // which implemented first, may still verify deal.by's implementation this turn.
      const verified = play(scenario, implemented, { type: 'verify', side: deal.by, agreement: 'A1' });
      expect(pendingSides(verified)).toEqual([them]);
      refused(scenario, verified, { type: 'verify', side: deal.by, agreement: 'A1' }, /already finished implementation this turn/);
      const both = play(scenario, verified, { type: 'verify', side: them, agreement: 'A1' });
      expect(both.phase).not.toBe('implementation');
      refused(scenario, both, { type: 'verify', side: deal.by, agreement: 'A1' }, /not possible during/);
    });

    it('after the game has ended every move is refused', () => {
      const ended = advance(scenario, createGame(scenario, 1), () => false, 5000);
      expect(ended.phase).toBe('ended');
      refused(scenario, ended, { type: 'statement', side: 'us', tone: 'neutral' }, /game is over/);
      refused(scenario, ended, { type: 'pass', side: ended.initiative }, /game is over/);
    });
  });
}
