import { describe, expect, it } from 'vitest';
import { agentStrategy, playGame } from '../../src/ai/runner';
import { hostileReciprocator, STRATEGIES, type Strategy } from '../../src/ai/strategies';
import { NegotiatorAgent, type Difficulty } from '../../src/ai/agent';
import { beliefReveal, counterpartFromView, createCounterpart } from '../../src/ai/counterpart';
import { CONCESSION_STYLES, stanceFor, type ConcessionStyle } from '../../src/ai/personality';
import {
  allMoves,
  applyMove,
  createGame,
  packageUtility,
  deliveredUtility,
  escalationAtResolution,
  onTable,
  otherSide,
  pendingSides,
  scenarioFor,
  textOf,
  viewFor,
  type GameState,
  type Move,
  type PublicScenario,
  type Scenario,
  type Side,
  type SideView,
} from '../../src/engine';
import { builtInScenarioFiles, requireScenario, scenarioIdOf } from '../../src/scenario/files';

/** The shipped scenarios' seats. */
const US_RU = ['us', 'ru'] as const;

const scenarios = builtInScenarioFiles().map((f) => ({ name: scenarioIdOf(f), s: requireScenario(f) }));
const SEEDS = [1, 2, 3, 4, 5];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function versus(s: Scenario, side: Side, seed: number, player: Strategy, difficulty: Difficulty, style?: ConcessionStyle) {
  const agent = new NegotiatorAgent(scenarioFor(s, side), side, difficulty, seed, { style });
  const game = playGame(s, seed, { [side]: agentStrategy(agent), [otherSide(US_RU, side)]: player } as Record<Side, Strategy>);
  return { ...game, agent };
}

describe('hard counterparts against scripted players', () => {
  for (const { name, s } of scenarios) {
    for (const side of ['us', 'ru'] as const) {
      const them = otherSide(US_RU, side);
      it(`${name}, ${side}: conceding players do not get more from the hard agent than they give`, () => {
        const games = SEEDS.map((seed) => versus(s, side, seed, STRATEGIES.conceder, 'hard'));
        for (const g of games) {
          // Measured in the agent's own priorities: what it received outweighs what it gave, every game.
          expect(deliveredUtility(s, g.state, side)).toBeGreaterThanOrEqual(0);
        }
        expect(mean(games.map((g) => g.outcome.sides[side].score))).toBeGreaterThan(mean(games.map((g) => g.outcome.sides[them].score)));
      });

      it(`${name}, ${side}: a hardliner cannot exploit the hard agent the way it exploits a conceder`, () => {
        const games = SEEDS.map((seed) => versus(s, side, seed, STRATEGIES.hardliner, 'hard'));
        const againstConceder = SEEDS.map((seed) => playGame(s, seed, { [side]: STRATEGIES.conceder, [them]: STRATEGIES.hardliner } as Record<Side, Strategy>));
        // The agent never signs away more than it gets, in its own priorities...
        for (const g of games) expect(deliveredUtility(s, g.state, side)).toBeGreaterThanOrEqual(0);
        // ...so the hardliner does worse against it than against a conceder. (The agent answers a hardliner's words in
        // kind, so that they win it nothing at home: where that exchange runs to the brink, its own score may fall
        // below a conceder's in its seat, as the hardliner's does.)
        expect(mean(games.map((g) => g.outcome.sides[them].score))).toBeLessThan(mean(againstConceder.map((g) => g.outcome.sides[them].score)));
      });

      it(`${name}, ${side}: against a hardliner the hard agent does better in its seat than hardliner play would`, () => {
        // Meeting hardliner with hardliner is the escalation spiral (both sides lose); the hard agent keeps its
        // own score well above that, and keeps the hardliner from gaining more than a reciprocator would give it.
        const agentGames = SEEDS.map((seed) => versus(s, side, seed, STRATEGIES.hardliner, 'hard'));
        const mirror = SEEDS.map((seed) => playGame(s, seed, { us: STRATEGIES.hardliner, ru: STRATEGIES.hardliner }));
        const agentScore = mean(agentGames.map((g) => g.outcome.sides[side].score));
        const mirrorScore = mean(mirror.map((g) => g.outcome.sides[side].score));
        // Within two points of it: the agent cannot hear the hardliner's first statement before its own.
        expect(agentScore).toBeGreaterThanOrEqual(mirrorScore - 2);
        // Where the hardliner's rhetoric alone does not drive the risk to its maximum (2016 starts near the brink),
        // the agent's restraint and deals are worth much more than the spiral.
        const avoided = agentGames.filter((g) => g.outcome.end?.reason !== 'escalation');
        if (avoided.length > 0) expect(mean(avoided.map((g) => g.outcome.sides[side].score))).toBeGreaterThan(mirrorScore + 5);
      });

      if (side === 'us')
        it(`${name}: against the hard agent, hardline play (hostile words, asking and never giving) scores the player less than reciprocating`, () => {
          // What a student learns by playing: hostility wins support at home, but the deals it costs are worth more.
          // Averaged over both seats (in one seat of one scenario the two come close).
          const playerScore = (player: Strategy) =>
            mean((['us', 'ru'] as const).flatMap((agentSide) => SEEDS.map((seed) => versus(s, agentSide, seed, player, 'hard').outcome.sides[otherSide(US_RU, agentSide)].score)));
          expect(playerScore(STRATEGIES.hardliner)).toBeLessThan(playerScore(STRATEGIES.reciprocator));
        });

      if (side === 'us')
        it(`${name}: against the easy agent too, hostile words cost the player more than Easy's gifts are worth`, () => {
          // Easy signs a deal that costs it a little (Knobs.gift), but only for a side whose hostile words it does not
          // remember: a player who shouts at home and trades like for like, or plays the hardliner, scores less in
          // each seat than the same trading with civil words (measured: by 20 points and more in every seat).
          for (const agentSide of ['us', 'ru'] as const) {
            const playerScore = (player: Strategy) => mean(SEEDS.map((seed) => versus(s, agentSide, seed, player, 'easy').outcome.sides[otherSide(US_RU, agentSide)].score));
            const civil = playerScore(STRATEGIES.reciprocator);
            expect(playerScore(hostileReciprocator), agentSide).toBeLessThan(civil - 10);
            expect(playerScore(STRATEGIES.hardliner), agentSide).toBeLessThan(civil - 10);
          }
        });

      it(`${name}, ${side}: a tit-for-tat agent reaches and implements agreements with a reciprocator`, () => {
        for (const seed of SEEDS) {
          const g = versus(s, side, seed, STRATEGIES.reciprocator, 'normal', 'tit-for-tat');
          expect(g.outcome.agreements.implemented).toBeGreaterThan(0);
          expect(deliveredUtility(s, g.state, side)).toBeGreaterThan(0);
        }
      });
    }
  }
});

describe('every counterpart plays legally and explains itself', () => {
  for (const { name, s } of scenarios) {
    it(`${name}: every difficulty and style, on either side, finishes a game with a reason for every move`, () => {
      const combos: [Difficulty, ConcessionStyle | undefined][] = [
        ['easy', undefined],
        ['normal', undefined],
        ['hard', undefined],
        ...CONCESSION_STYLES.map((st): [Difficulty, ConcessionStyle] => ['normal', st]),
      ];
      combos.forEach(([difficulty, style], i) => {
        const side: Side = i % 2 ? 'us' : 'ru';
        const cp = createCounterpart(s, side, difficulty, i + 1, { style });
        let state = createGame(s, i + 1);
        const random = STRATEGIES.random;
        let rnd = i + 1;
        const r = () => ((rnd = (rnd * 16807) % 2147483647) / 2147483647);
        while (state.phase !== 'ended') {
          const who = pendingSides(state)[0];
          let move;
          if (who === side) {
            const d = cp.decide(state);
            expect(d.reason, `${difficulty}/${style} ${d.move.type}`).toMatch(/\w{3,}/);
            // A refusal never asks for something on a track the offer already gives on.
            const asked = d.reason?.match(/in exchange on (.+?)\.?$/)?.[1];
            if (d.move.type === 'reject' && state.proposal && asked) {
              const offeredTracks = state.proposal.give.map((id) => textOf(s.tracks.find((t) => t.id === s.cards.find((c) => c.id === id)!.track)!.name));
              expect(offeredTracks, d.reason).not.toContain(asked);
            }
            move = d.move;
          } else move = random({ scenario: scenarioFor(s, who), view: viewFor(state, who), side: who, random: r });
          const next = applyMove(s, state, move);
          expect(next.ok, next.ok ? '' : `${difficulty}/${style}: ${next.reason}`).toBe(true);
          state = next.state;
        }
        const beliefs = cp.beliefs();
        expect(Object.keys(beliefs).sort()).toEqual(s.tracks.map((t) => t.id).sort());
        for (const v of Object.values(beliefs)) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(10);
      });
    });
  }

  it('Moscow in 2009 explains a one-sided demand in terms of its interests and trust, naming tracks and cards', () => {
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    let state = createGame(s, 1);
    for (const m of [
      { type: 'statement', side: 'us', tone: 'neutral' },
      { type: 'statement', side: 'ru', tone: 'neutral' },
      { type: 'propose', side: 'us', give: [], ask: ['iran-sanctions'] },
    ] as Move[]) state = applyMove(s, state, m).state;
    const cp = createCounterpart(s, 'ru', 'normal', 1);
    expect(cp.style).toBe('historical');
    const d = cp.decide(state);
    expect(['reject', 'counter']).toContain(d.move.type);
    expect(d.reason).toContain('Moscow');
    // The historical stance (004): no leaning on Tehran without political capital.
    expect(d.reason).toMatch(/political capital/);
    expect(d.reason).toContain('Iran');

    // A fair trade on what Moscow wants most is accepted, with the card and the trust named.
    let fair = createGame(s, 1);
    for (const m of [
      { type: 'statement', side: 'us', tone: 'neutral' },
      { type: 'statement', side: 'ru', tone: 'neutral' },
      { type: 'propose', side: 'us', give: ['cancel-shield', 'no-patriots'], ask: ['transit-paperwork'] },
    ] as Move[]) fair = applyMove(s, fair, m).state;
    const yes = createCounterpart(s, 'ru', 'normal', 1).decide(fair);
    expect(yes.move.type).toBe('accept');
    expect(yes.reason).toContain('Cancel the missile shield');
    // Trust in words, never the meter's number.
    expect(yes.reason).toMatch(/Moscow is (deeply mistrustful|wary|cautious|trusting) of Washington/);
    expect(yes.reason).not.toMatch(/stands at|\d/);
  });

  it('its reservation moves with time left, trust and pressure at home, and its answer says which', () => {
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    const answer = (give: string[], ask: string[], change: (v: SideView) => void = () => {}) => {
      let state = createGame(s, 1);
      for (const m of [
        { type: 'statement', side: 'us', tone: 'neutral' },
        { type: 'statement', side: 'ru', tone: 'neutral' },
        { type: 'propose', side: 'us', give, ask },
      ] as Move[])
        state = applyMove(s, state, m).state;
      const view = viewFor(state, 'ru');
      change(view);
      return new NegotiatorAgent(scenarioFor(s, 'ru'), 'ru', 'hard', 1).decide(view);
    };
    const meter = (group: 'trust' | 'support' | 'hawks', value: number) => (v: SideView) => {
      v.meters = { ...v.meters, [group]: { ...v.meters[group], ru: value } };
    };
    // Every offer of one or two American cards for one Russian card, answered in five situations.
    // The cards on the table at turn 1 (rules 4: the cards the 2009 START endgame brings arrive in turn 8).
    const usCards = s.cards.filter((c) => c.side === 'us' && c.id !== 'nato-freeze' && onTable(s, [], c)).map((c) => c.id);
    const ruCards = s.cards.filter((c) => c.side === 'ru' && c.id !== 'iran-arms-embargo' && onTable(s, [], c)).map((c) => c.id);
    const gives = [...usCards.map((id) => [id]), ...usCards.slice(0, 4).flatMap((a, i) => usCards.slice(i + 1, 4).map((b) => [a, b]))];
    const situations: Record<string, (v: SideView) => void> = {
      normal: () => {},
      lastTurn: (v) => (v.turn = s.turns),
      mistrust: meter('trust', 5),
      weakAtHome: meter('support', 25),
      loudHawks: meter('hawks', 90),
    };
    const accepted: Record<string, number> = {};
    const reasons: Record<string, string[]> = {};
    for (const [name, change] of Object.entries(situations)) {
      accepted[name] = 0;
      reasons[name] = [];
      for (const give of gives)
        for (const ask of ruCards) {
          const d = answer(give, [ask], change);
          if (d.move.type === 'accept') accepted[name]++;
          else reasons[name].push(d.reason ?? '');
        }
    }
    // Time running out lowers the bar; mistrust and pressure at home raise it.
    expect(accepted.lastTurn).toBeGreaterThan(accepted.normal);
    for (const hard of ['mistrust', 'weakAtHome', 'loudHawks']) expect(accepted[hard], hard).toBeLessThan(accepted.normal);
    // Said in words: mistrust discounts Washington's promises; thin support and loud hawks raise the price at home.
    expect(reasons.mistrust.some((r) => /deeply mistrustful of Washington.*counts little on Washington's promises/.test(r))).toBe(true);
    expect(reasons.weakAtHome.filter((r) => /the price at home of/.test(r)).length).toBeGreaterThan(reasons.normal.filter((r) => /the price at home of/.test(r)).length);
    expect(reasons.loudHawks.filter((r) => /the price at home of/.test(r)).length).toBeGreaterThan(reasons.normal.filter((r) => /the price at home of/.test(r)).length);
  });

  it('proposes trades that are worth something to both sides, across tracks, where the scenario allows it (Reset 2009)', () => {
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    let offers = 0;
    let forBoth = 0;
    let crossTrack = 0;
    for (const seed of SEEDS)
      for (const side of ['us', 'ru'] as const) {
        const g = versus(s, side, seed, STRATEGIES.reciprocator, 'hard');
        for (const m of allMoves(g.state)) {
          if ((m.type !== 'propose' && m.type !== 'counter') || m.side !== side) continue;
          offers++;
          // Judged by the real priorities of both sides, which the agent never saw for the other side.
          if (packageUtility(s, m, side) > 0 && packageUtility(s, m, otherSide(US_RU, side)) > 0) forBoth++;
          if (new Set([...m.give, ...m.ask].map((id) => s.cards.find((c) => c.id === id)!.track)).size > 1) crossTrack++;
        }
      }
    expect(offers).toBeGreaterThan(20);
    expect(forBoth / offers).toBeGreaterThan(0.4);
    expect(crossTrack / offers).toBeGreaterThan(0.4);
  });

  it('every built-in scenario gives both sides a stance, citing its article, that only that side\'s scenario holds', () => {
    for (const { name, s } of scenarios)
      for (const side of ['us', 'ru'] as const) {
        const stance = stanceFor(scenarioFor(s, side), side);
        expect(stance, `${name} ${side}`).not.toBeNull();
        expect(s.sources.map((x) => x.file)).toContain(stance!.cite[0].file);
        expect(stanceFor(scenarioFor(s, otherSide(s.seats, side)), side), `${name}: ${otherSide(s.seats, side)} reads ${side}'s stance`).toBeNull();
      }
  });

  it('an easy agent still plays sensibly: it keeps its promises, and gives more than it gets only to a side that has not been hostile', () => {
    for (const { name, s } of scenarios)
      for (const side of ['us', 'ru'] as const) {
        for (const player of ['reciprocator', 'conceder'] as const) {
          const g = versus(s, side, 1, STRATEGIES[player], 'easy');
          // Its gift (agent.ts Knobs.gift) is a teaching counterpart's: a deal it signs at a small loss, never a giveaway.
          expect(deliveredUtility(s, g.state, side), `${name} ${side} ${player}`).toBeGreaterThanOrEqual(-8);
          expect(g.outcome.agreements.signed).toBeGreaterThan(0);
          for (const a of g.state.agreements) expect(a.obligations[side].status).not.toBe('defected');
          expect(g.outcome.end?.reason).toBe('turns');
        }
        // To a side that banks hostile words at home, nothing: it signs nothing worth less than nothing to it.
        for (const player of [hostileReciprocator, STRATEGIES.hardliner])
          expect(deliveredUtility(s, versus(s, side, 1, player, 'easy').state, side), `${name} ${side}`).toBeGreaterThanOrEqual(0);
      }
  });

  it('an easy Moscow takes a civil offer that costs it a little, and says so; after hostile words, or on Normal, it does not', () => {
    // Reset 2009, turn 1, a package from Washington after its statement; Moscow's answer (its gift: agent.ts Knobs.gift).
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    const answer = (tone: 'neutral' | 'hostile', difficulty: Difficulty, give: string, ask: string) => {
      let state = createGame(s, 1);
      for (const m of [
        { type: 'statement', side: 'us', tone },
        { type: 'statement', side: 'ru', tone: 'neutral' },
        { type: 'propose', side: 'us', give: [give], ask: [ask] },
      ] as Move[]) {
        const r = applyMove(s, state, m);
        expect(r.ok, r.ok ? '' : r.reason).toBe(true);
        state = r.state;
      }
      return createCounterpart(s, 'ru', difficulty, 1).decide(state);
    };
    // The START preamble's link of offence and defence for on-site inspections: a little less than nothing to Moscow.
    const civil = answer('neutral', 'easy', 'start-md-link', 'start-inspections');
    expect(civil.move.type).toBe('accept');
    expect(civil.basis!.utility).toBeLessThan(0);
    expect(civil.reason).toMatch(/^Moscow accepts, though it gives more than it gets \(.+\): it wants an agreement\./);
    expect(answer('neutral', 'normal', 'start-md-link', 'start-inspections').move.type).not.toBe('accept');
    // Holding back the Patriots for the same inspections: after hostile words, worth less than nothing to Moscow too
    // (it remembers the words), and no gift covers that.
    expect(answer('hostile', 'easy', 'no-patriots', 'start-inspections').move.type).not.toBe('accept');
  });

  it('a Boulware agent holds firm early where a Conceder gives ground, and a hardliner gets more from the Conceder', () => {
    let firmer = 0;
    let exploited = 0;
    for (const { name, s } of scenarios) {
      const firmness = (style: ConcessionStyle) => {
        const early: number[] = [];
        const theirDeals: number[] = [];
        for (const side of ['us', 'ru'] as const)
          for (const seed of [1, 2]) {
            // How firm early, against a reciprocator (a hardliner's words it remembers make every style hold out).
            const r = versus(s, side, seed, STRATEGIES.reciprocator, 'normal', style);
            for (const t of r.state.history)
              for (const m of t.moves)
                if ((m.type === 'propose' || m.type === 'counter') && m.side === side && t.turn <= s.turns / 2) early.push(packageUtility(s, m, side));
            const g = versus(s, side, seed, STRATEGIES.hardliner, 'normal', style);
            theirDeals.push(g.outcome.sides[otherSide(US_RU, side)].parts.deals);
          }
        return { early: mean(early), theirDeals: mean(theirDeals) };
      };
      const boulware = firmness('boulware');
      const conceder = firmness('conceder');
      // Never the other way round (within half a point: in some years both open with the same trades).
      expect(boulware.early, name).toBeGreaterThanOrEqual(conceder.early - 0.5);
      if (boulware.early > conceder.early) firmer++;
      exploited += conceder.theirDeals - boulware.theirDeals;
    }
    // The styles still differ in most years.
    expect(firmer).toBeGreaterThanOrEqual(3);
    // Over the five years, a hardliner gets more from the Conceder than from the Boulware.
    expect(exploited).toBeGreaterThan(0);
  });

  it('easy and hard differ: a reciprocating player gets more from an easy agent than from a hard one', () => {
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    const theirScore = (difficulty: Difficulty) =>
      mean(SEEDS.flatMap((seed) => (['us', 'ru'] as const).map((side) => versus(s, side, seed, STRATEGIES.reciprocator, difficulty).outcome.sides[otherSide(US_RU, side)].parts.deals)));
    expect(theirScore('easy')).toBeGreaterThan(theirScore('hard'));
  });

  it('difficulty is felt: a reciprocator scores more against Easy than Normal, and more against Normal than Hard', () => {
    // Issue 16: the same cooperative player does better the easier the counterpart. Easy asks only for its floor and
    // trades card for card; Normal bargains as Hard does but has generous moments (Knobs.lapse) in which it settles for
    // what suits the player best among the packages it can accept.
    const score = (difficulty: Difficulty) =>
      mean(
        // 2013 and 2011, where the bench's goal rates step most; in 2009 (since the agent asks only for open cards) Normal
        // and Hard are 25 points apart in goal rate but 1.7 in mean score on these seeds, too close for this test.
        ['restart-or-repair-2013', 'missile-defense-2011'].flatMap((id) => {
          const s = scenarios.find((x) => x.name === id)!.s;
          return US_RU.flatMap((side) => SEEDS.map((seed) => versus(s, side, seed, STRATEGIES.reciprocator, difficulty).outcome.sides[otherSide(US_RU, side)].score));
        }),
      );
    const [easy, normal, hard] = (['easy', 'normal', 'hard'] as const).map(score);
    expect(easy).toBeGreaterThan(normal + 2);
    // Normal above Hard, by less since rules 5's chance events (25.2 against 23.6 on these seeds; 2.5 points before):
    // the counterpart bench's 15-point steps in goal rate are not met in every scenario (see issue 16's note).
    expect(normal).toBeGreaterThan(hard);
  });

  it('a normal agent is never generous toward a side whose hostile words it remembers', () => {
    // A generous answer counts what the other side gains (the part 'concern' of the worth that decided it).
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    const generousAnswers = (player: Strategy) => {
      let n = 0;
      for (const seed of SEEDS)
        for (const side of US_RU) {
          const agent = new NegotiatorAgent(scenarioFor(s, side), side, 'normal', seed);
          playGame(s, seed, {
            [side]: (ctx) => {
              const d = agent.decide(ctx.view);
              if (d.basis?.parts.some((p) => p.key === 'concern')) n++;
              return d.move;
            },
            [otherSide(US_RU, side)]: player,
          } as Record<Side, Strategy>);
        }
      return n;
    };
    expect(generousAnswers(STRATEGIES.reciprocator)).toBeGreaterThan(5);
    expect(generousAnswers((ctx) => (ctx.view.phase === 'statements' ? { type: 'statement', side: ctx.side, tone: 'hostile' } : STRATEGIES.reciprocator(ctx)))).toBe(0);
  });

  it('a hard Moscow looks ahead before answering hostility in kind: not when the exchange would carry the risk past its line', () => {
    // Reset 2009, turn 2, after a hostile turn 1 from Washington and a second hostile statement now. Moscow's line (its
    // stance's tone.mirrorsBelow) is set here from the rules the engine reads: above the risk Moscow sees, below where an
    // exchange of hostile words and the end of the turn would carry it.
    const shipped = scenarios.find((x) => x.name === 'reset-2009')!.s;
    let state = createGame(shipped, 1);
    for (const m of [
      { type: 'statement', side: 'us', tone: 'hostile' },
      { type: 'statement', side: 'ru', tone: 'neutral' },
      { type: 'pass', side: 'us' },
    ] as Move[]) {
      const r = applyMove(shipped, state, m);
      expect(r.ok, r.ok ? '' : r.reason).toBe(true);
      state = r.state;
    }
    state = applyMove(shipped, state, { type: 'statement', side: 'us', tone: 'hostile' }).state;
    // What Moscow sees: Washington's second statement is sealed until Moscow has spoken.
    const seen = viewFor(state, 'ru').meters.escalation;
    const rules = shipped.rules;
    const turnEnd = escalationAtResolution(shipped, state.channels, state.meters.hawks).reduce((sum, step) => sum + step.delta, 0);
    const exchanged = seen + 2 * rules.statements.hostile.escalation + turnEnd;
    const line = exchanged - 1;
    // The claim needs room: the risk Moscow sees is below its line, and the exchange would carry it past.
    expect([state.turn, seen < line, exchanged > line]).toEqual([2, true, true]);
    const stance = shipped.sides.ru.counterpart!;
    const s: Scenario = { ...shipped, sides: { ...shipped.sides, ru: { ...shipped.sides.ru, counterpart: { ...stance, tone: { ...stance.tone, mirrorsBelow: line } } } } };
    const tone = (difficulty: Difficulty) => {
      const cp = createCounterpart(s, 'ru', difficulty, 1);
      let here = state;
      // Moscow asks for channels first on turn 2; then it speaks.
      for (let d = cp.decide(here); ; d = cp.decide(here)) {
        if (d.move.type === 'statement') return { tone: d.move.tone, reason: d.reason };
        here = applyMove(s, here, d.move).state;
      }
    };
    // A normal Moscow answers in kind (the risk it sees is below its line); both hostile statements then take it past.
    expect(tone('normal').tone).toBe('hostile');
    const hard = tone('hard');
    expect(hard.tone).toBe('neutral');
    expect(hard.reason).toMatch(/^Moscow will not match Washington's hostile rhetoric: an exchange of hostile words would carry the risk of confrontation past what Moscow will accept/);
  });
});

describe('a hard counterpart after hostile words', () => {
  it('opens with a package that leaves it the larger share, and says so; to civil words it says nothing of the kind', () => {
    // New reset 2017, turn 1: Washington (Hard) speaks, then Moscow, then Washington proposes. Statements are sealed,
    // so Washington's own statement is the same in both games; only Moscow's words differ.
    const s = scenarios.find((x) => x.name === 'new-reset-2017')!.s;
    const opening = (tone: 'hostile' | 'neutral') => {
      const cp = createCounterpart(s, 'us', 'hard', 1);
      let state = createGame(s, 1);
      for (;;) {
        const side = pendingSides(state)[0];
        if (side === 'ru') state = applyMove(s, state, { type: 'statement', side: 'ru', tone }).state;
        else {
          const d = cp.decide(state);
          if (d.move.type === 'propose') return { move: d.move, reason: d.reason ?? '' };
          state = applyMove(s, state, d.move).state;
        }
      }
    };
    const hostile = opening('hostile');
    const m = hostile.move as Extract<Move, { type: 'propose' }>;
    // By each side's own brief, Washington gains more than 4 points more than Moscow. The package Moscow would like
    // best of those worth Washington's demand (what it offered before this rule) left Washington 1.6 points ahead.
    const us = packageUtility(s, m, 'us', s.sides.us.priorities);
    const ru = packageUtility(s, { give: m.ask, ask: m.give }, 'ru', s.sides.ru.priorities);
    expect([us > ru + 4, ru > 0]).toEqual([true, true]);
    expect(hostile.reason).toMatch(/: after Moscow's hostile words, Washington claims the larger share\.$/);
    expect(opening('neutral').reason).not.toMatch(/larger share/);
  });

  it('so that in 2017, where chance at home falls on Washington, a hardliner scores less than a hard Washington', () => {
    // The seat where chance at home falls hardest on the agent (2017's scrutiny of contacts with Russia and Congress
    // tying the administration's hands): over 30 games before this rule the two were level (-7.7 and -7.9).
    const s = scenarios.find((x) => x.name === 'new-reset-2017')!.s;
    const games = Array.from({ length: 20 }, (_, i) => versus(s, 'us', i + 1, STRATEGIES.hardliner, 'hard'));
    const score = (side: Side) => mean(games.map((g) => g.outcome.sides[side].score));
    expect(score('ru')).toBeLessThan(score('us') - 3);
  });
});

describe('the agent sees only what its side may see', () => {
  const HIDDEN = ['priorities', 'redLines', 'brief', 'goal', 'counterpart'];

  /** The public scenario, with the other side's hidden fields present but throwing when read. */
  function trapped(s: Scenario, side: Side): PublicScenario {
    const open = scenarioFor(s, side);
    const them = otherSide(US_RU, side);
    const theirs = new Proxy(
      { ...open.sides[them], priorities: {}, redLines: [], brief: '', goal: 0, counterpart: s.sides[them].counterpart },
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && HIDDEN.includes(key)) throw new Error(`the agent read the other side's ${key}`);
          return Reflect.get(target, key, receiver);
        },
      },
    );
    return { ...open, sides: { ...open.sides, [them]: theirs } as PublicScenario['sides'] };
  }

  /** The side's view, with the random generator's state and the seed throwing when read. */
  function guardedView(state: GameState, side: Side) {
    const v = viewFor(state, side);
    for (const key of ['rng', 'seed'] as const)
      Object.defineProperty(v, key, {
        get() {
          throw new Error(`the agent read the game's ${key}`);
        },
      });
    return v;
  }

  for (const { name, s } of scenarios) {
    it(`${name}: a whole game with hidden data behind traps makes the same moves as the normal agent`, () => {
      for (const side of ['us', 'ru'] as const) {
        for (const difficulty of ['easy', 'hard'] as const) {
          const guarded = counterpartFromView(trapped(s, side), side, difficulty, 5, {}, (st) => guardedView(st, side));
          const plain = createCounterpart(s, side, difficulty, 5);
          let state = createGame(s, 5);
          while (state.phase !== 'ended') {
            const who = pendingSides(state)[0];
            const move =
              who === side
                ? guarded.decide(state).move
                : STRATEGIES.reciprocator({ scenario: scenarioFor(s, who), view: viewFor(state, who), side: who, random: () => 0.5 });
            if (who === side) expect(move).toEqual(plain.decide(state).move);
            state = applyMove(s, state, move).state;
          }
          expect(guarded.beliefs()).toEqual(plain.beliefs());
        }
      }
    });
  }

  it('a counterpart created mid-game (after a reload) makes the same moves as one that followed the game', () => {
    const s = scenarios[0].s;
    const followed = createCounterpart(s, 'us', 'hard', 9);
    let state = createGame(s, 9);
    let compared = 0;
    while (state.phase !== 'ended') {
      const who = pendingSides(state)[0];
      let move;
      if (who === 'us') {
        move = followed.decide(state).move;
        if (state.turn >= 3) {
          expect(createCounterpart(s, 'us', 'hard', 9).decide(state).move).toEqual(move);
          compared++;
        }
      } else move = STRATEGIES.reciprocator({ scenario: scenarioFor(s, who), view: viewFor(state, who), side: who, random: () => 0.5 });
      state = applyMove(s, state, move).state;
    }
    expect(compared).toBeGreaterThan(10);
    expect(() => followed.decide(state)).toThrow(/game is over/);
  });

  it('the reveal sets what the computer believed beside the player\'s real priorities, and its rankings agree after a game', () => {
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    const correlations: number[] = [];
    for (const seed of SEEDS) {
      const g = versus(s, 'ru', seed, STRATEGIES.reciprocator, 'hard');
      const reveal = beliefReveal(s, 'us', g.agent.beliefs());
      expect(reveal.rows.map((r) => r.track).sort()).toEqual(s.tracks.map((t) => t.id).sort());
      expect(reveal.rows[0]).toMatchObject({ track: 'afghanistan', name: 'Afghanistan transit', actual: 9 });
      correlations.push(reveal.rankCorrelation ?? 0);
    }
    // Before any move the estimate is flat (no ranking at all); after a game it ranks the tracks the player's way.
    expect(beliefReveal(s, 'us', createCounterpart(s, 'ru', 'hard', 1).beliefs()).rankCorrelation ?? 0).toBeLessThan(0.5);
    expect(mean(correlations)).toBeGreaterThan(0.5);
  });

  it('the reveal: its beliefs name every track, and they are not the real priorities copied', () => {
    const s = scenarios[0].s;
    const cp = createCounterpart(s, 'ru', 'hard', 1);
    const b = cp.beliefs();
    expect(Object.keys(b).sort()).toEqual(Object.keys(s.sides.us.priorities).sort());
    expect(b).not.toEqual(s.sides.us.priorities);
    expect(textOf(s.sides.ru.capital)).toBeTruthy();
  });
});

describe('learning what the other side will not give', () => {
  it('after the player has twice refused packages that ask for its red line, the agent stops asking for it', () => {
    const s = scenarios.find((x) => x.name === 'reset-2009')!.s;
    const redLine = s.sides.us.redLines[0].card; // Washington never freezes NATO enlargement
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const difficulty of ['normal', 'hard'] as const) {
        const { state } = versus(s, 'ru', seed, STRATEGIES.reciprocator, difficulty);
        const asks = allMoves(state).filter((m) => (m.type === 'propose' || m.type === 'counter') && m.side === 'ru' && m.ask.includes(redLine));
        expect(asks.length, `seed ${seed}, ${difficulty}: Moscow asked for ${redLine} ${asks.length} times`).toBeLessThanOrEqual(2);
      }
    }
  });
});
