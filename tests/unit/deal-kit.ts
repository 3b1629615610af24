// Shared by the deal-worth and analysis tests: states to value packages from, and playing a package through the
// engine (propose, accept, implement, verify) to see what it really does.
import {
  applyMove,
  createGame,
  makeRandom,
  otherSide,
  type Agreement,
  type Conditions,
  type Format,
  type GameState,
  type Move,
  type Scenario,
  type Side,
} from '../../src/engine';

/**
 * The scenario as a test plays it: the game ends at the end of `lastTurn`, and nothing the package does not cause
 * happens at that turn end (no escalation decay, no channel damping), so the score change is the package's own.
 */
export function lastTurnScenario(s: Scenario, lastTurn: number): Scenario {
  return { ...s, turns: lastTurn, rules: { ...s.rules, escalationDecay: 0, escalationPullback: 0, incidentChance: 0, slipChance: 0 }, channels: s.channels.map((c) => ({ ...c, damp: 0 })) };
}

export function must(s: Scenario, state: GameState, move: Move): GameState {
  const r = applyMove(s, state, move);
  if (!r.ok) throw new Error(`${move.type} by ${move.side} refused: ${r.reason}`);
  return r.state;
}

/** A game at its first proposal: both sides made neutral statements. */
export function atFirstProposal(s: Scenario, seed: number): GameState {
  let g = createGame(s, seed);
  for (const side of s.seats) g = must(s, g, { type: 'statement', side, tone: 'neutral' });
  if (g.phase !== 'proposals') throw new Error(`expected the proposals phase, got ${g.phase}`);
  return g;
}

/**
 * A state somewhere in a game, at a proposal: meters, stages, the turn and an earlier (verified) agreement drawn at
 * random. Hawks stay below the level at which they push escalation and no third party is alarmed yet (unless
 * `alarmed`), so the turn end brings nothing the package does not cause.
 */
export function randomState(s: Scenario, seed: number, options: { alarmed?: boolean } = {}): GameState {
  const rnd = makeRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const g = structuredClone(atFirstProposal(s, seed)) as GameState;
  g.turn = int(1, s.turns);
  // The record of every turn so far (the engine writes this turn's moves and ledger into its own).
  for (let t = 2; t <= g.turn; t++) g.history.push({ turn: t, moves: [], ledger: [], news: [] });
  g.history[g.turn].moves = g.history[1].moves;
  if (g.turn > 1) g.history[1] = { ...g.history[1], moves: [] };
  for (const side of s.seats) {
    g.meters.trust[side] = int(10, 80);
    g.meters.support[side] = int(25, 85);
    g.meters.hawks[side] = int(20, 69);
  }
  for (const id of Object.keys(g.meters.allies)) g.meters.allies[id] = int(options.alarmed ? 10 : Math.ceil(s.rules.allyAlarmBelow), 90);
  g.meters.escalation = int(0, 60);
  for (const t of s.tracks) g.tracks[t.id] = { stage: pick(t.stages.filter((st) => !st.final)).id, since: 0 };
  // An earlier agreement, kept and verified: its cards count towards `concessionsAtLeast` and are no longer open.
  const red = new Set(s.seats.flatMap((side) => s.sides[side].redLines.map((r) => r.card)));
  const earlier = s.cards.filter((c) => !red.has(c.id) && rnd() < 0.2);
  if (earlier.length > 0) {
    const cardsPerTrack: Record<string, number> = {};
    for (const c of earlier) cardsPerTrack[c.track] = (cardsPerTrack[c.track] ?? 0) + 1;
    const obligation = (side: Side) => {
      const cards = earlier.filter((c) => c.side === side).map((c) => c.id);
      return { cards, status: 'implemented' as const, delays: 0, decidedTurn: 0, verified: cards.length > 0, exposed: false };
    };
    const a: Agreement = { id: 'A1', turn: 0, proposer: s.seats[0], format: 'bilateral', tracks: Object.keys(cardsPerTrack), cardsPerTrack, status: 'verified', obligations: Object.fromEntries(s.seats.map((side) => [side, obligation(side)])) };
    g.agreements = [a];
    for (const side of s.seats) g.given[side] = a.obligations[side].cards;
  }
  g.initiative = pick(s.seats);
  return g;
}

/** Play a package through the engine from a proposal: propose, accept, both implement, both verify. */
export function playPackage(s: Scenario, from: GameState, ids: readonly string[], format: Format = 'bilateral'): GameState {
  const proposer = from.initiative;
  const side = (id: string) => s.cards.find((c) => c.id === id)!.side;
  let g = must(s, from, { type: 'propose', side: proposer, give: ids.filter((id) => side(id) === proposer), ask: ids.filter((id) => side(id) !== proposer), format });
  g = must(s, g, { type: 'accept', side: otherSide(s.seats, proposer) });
  const a = g.agreements[g.agreements.length - 1].id;
  for (const giver of s.seats) if (ids.some((id) => side(id) === giver)) g = must(s, g, { type: 'implement', side: giver, agreement: a });
  for (const verifier of s.seats) if (ids.some((id) => side(id) === otherSide(s.seats, verifier))) g = must(s, g, { type: 'verify', side: verifier, agreement: a });
  return g;
}

/**
 * A scenario with its guards and stage values redrawn at random: guards on support, third parties, escalation, trust,
 * linkage and concessions; stages worth less as well as more; cards that move escalation and third parties both ways.
 * Nothing here is history: it makes the cases a package's worth must get right that the shipped scenarios lack.
 */
export function twistedScenario(s: Scenario, seed: number, options: { trustOnlyUpToSigning?: boolean } = {}): Scenario {
  const rnd = makeRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const parties = s.thirdParties.map((t) => t.id);
  const meters = [...s.seats.map((side) => `support.${side}`), 'escalation', ...parties.map((p) => `allies.${p}`)];
  const condition = (event: string): Conditions => {
    const c: Conditions = {};
    for (let n = int(1, 2); n > 0; n--) {
      switch (int(0, 6)) {
        case 0:
          c.supportAtLeast = int(30, 75);
          break;
        case 1:
          c.meterAtLeast = [{ meter: pick(meters), value: int(15, 70) }];
          break;
        case 2:
          c.meterBelow = [{ meter: pick(meters), value: int(15, 70) }];
          break;
        case 3: {
          const other = pick(s.tracks);
          c.trackAtStage = [{ track: other.id, stages: other.stages.filter(() => rnd() < 0.5).map((st) => st.id) }];
          break;
        }
        case 4:
          c.concessionsAtLeast = int(1, 3);
          break;
        case 5:
          // Trust once concessions are implemented depends on which: the analysis names that as a caveat.
          if (event === 'SIGN' || event === 'TALKS' || !options.trustOnlyUpToSigning) c.trustAtLeast = int(10, 60);
          break;
        default:
          c.escalationBelow = int(20, 70);
      }
    }
    return c;
  };
  const tracks = s.tracks.map((t) => ({
    ...t,
    stages: t.stages.map((st) => ({
      ...st,
      value: rnd() < 0.3 ? pick([-0.5, -0.2, 0, 0.2, 0.4, 0.7, 1]) : st.value,
      on: Object.fromEntries(
        Object.entries(st.on).map(([event, tr]) => [event, tr && rnd() < 0.5 ? { to: tr.to, needs: condition(event) } : tr]),
      ),
    })),
  }));
  const cards = s.cards.map((c) =>
    rnd() < 0.4
      ? { ...c, escalation: int(-4, 4), allies: parties.length ? { [pick(parties)]: int(-18, 10) } : {}, trust: rnd() < 0.2 ? -int(1, 4) : c.trust }
      : c,
  );
  return { ...s, tracks, cards };
}
