// Built-in scripted strategies: simple, readable players for simulations, tests and balance checks.
// They see only their own side's view and their own brief.
import {
  allMoves,
  declaredRedLines,
  indexOf,
  onTable,
  legalMoves,
  otherSide,
  packageUtility,
  scenarioFor,
  undecidedObligations,
  verifiable,
  viewFor,
  whyNot,
  type CardDef,
  type GameState,
  type Move,
  type PublicScenario,
  type Scenario,
  type Side,
  type SideDef,
  type SideView,
} from '../engine';

export interface AgentContext {
  /** The scenario as this side knows it (the other side's brief removed). */
  scenario: PublicScenario;
  view: SideView;
  side: Side;
  /** Agent-local randomness, never the game's own generator. */
  random: () => number;
}

export type Strategy = (ctx: AgentContext) => Move;

/** Own brief: only ever for the side the agent plays. */
export const ownBrief = (ctx: AgentContext): SideDef => ctx.scenario.sides[ctx.side] as SideDef;

/** Cards still on the table for `owner` (brought to it, not yet conceded). */
export function openCards(ctx: AgentContext, owner: Side): CardDef[] {
  const given = new Set(ctx.view.given[owner]);
  return ctx.scenario.cards.filter((c) => c.side === owner && !given.has(c.id) && onTable(ctx.scenario as unknown as Scenario, ctx.view.firedEvents, c));
}

/** Worth of a package to the agent's own side, from its own priorities. */
export function worthToMe(ctx: AgentContext, terms: { give: string[]; ask: string[] }): number {
  return packageUtility(ctx.scenario as unknown as Scenario, terms, ctx.side, ownBrief(ctx).priorities);
}

const redLineCards = (ctx: AgentContext) => new Set(ownBrief(ctx).redLines.map((r) => r.card));

/** My cards, cheapest to me first (red lines left out). */
function myGives(ctx: AgentContext): CardDef[] {
  const red = redLineCards(ctx);
  const w = ownBrief(ctx).priorities;
  return openCards(ctx, ctx.side)
    .filter((c) => !red.has(c.id))
    .sort((a, b) => (a.value * (w[a.track] ?? 0)) - (b.value * (w[b.track] ?? 0)) || a.id.localeCompare(b.id));
}

/** Their cards, most valuable to me first. */
function myAsks(ctx: AgentContext): CardDef[] {
  const w = ownBrief(ctx).priorities;
  return openCards(ctx, otherSide(ctx.view.seats, ctx.side)).sort(
    (a, b) => b.value * (w[b.track] ?? 0) - a.value * (w[a.track] ?? 0) || a.id.localeCompare(b.id),
  );
}

function legal(ctx: AgentContext, move: Move): boolean {
  return whyNot(ctx.scenario as unknown as Scenario, ctx.view, move) === null;
}

/** The first of these moves the rules allow, or the safest default for the phase. */
function firstLegal(ctx: AgentContext, ...moves: Move[]): Move {
  for (const m of moves) if (legal(ctx, m)) return m;
  return fallback(ctx);
}

function fallback(ctx: AgentContext): Move {
  const { side, view } = ctx;
  const s = ctx.scenario as unknown as Scenario;
  const pending = undecidedObligations(view, side);
  if (view.phase === 'implementation' && pending.length) return { type: 'implement', side, agreement: pending[0] };
  const options = legalMoves(s, view, side);
  const pick =
    options.find((m) => m.type === 'statement' && m.tone === 'neutral') ??
    options.find((m) => m.type === 'pass' || m.type === 'reject' || m.type === 'done') ??
    options[0];
  if (!pick) throw new Error(`${side} has no legal move in phase ${view.phase}`);
  return pick;
}

const lastTone = (ctx: AgentContext) => ctx.view.lastTone[otherSide(ctx.view.seats, ctx.side)] ?? ctx.view.thisTurn.statements[otherSide(ctx.view.seats, ctx.side)];

function implementationMove(ctx: AgentContext, decide: (agreement: string) => 'implement' | 'delay' | 'defect', verifies: boolean): Move {
  const { side, view } = ctx;
  const pending = undecidedObligations(view, side);
  if (pending.length) return { type: decide(pending[0]), side, agreement: pending[0] };
  if (verifies) {
    const v = verifiable(view, side);
    if (v.length) return { type: 'verify', side, agreement: v[0] };
  }
  return { type: 'done', side };
}

/** Hostile at home, asks and never gives, accepts only clear gains, drags its feet. */
export const hardliner: Strategy = (ctx) => {
  const { side, view } = ctx;
  switch (view.phase) {
    case 'statements':
      return firstLegal(ctx, { type: 'statement', side, tone: 'hostile' });
    case 'proposals': {
      // The two most valuable asks, then lesser pairs and single asks; never an offer already refused.
      const asks = myAsks(ctx).map((c) => c.id);
      const refused = refusedOffers(ctx);
      const offers = [...asks.slice(0, -1).map((a, i) => [a, asks[i + 1]]), ...asks.map((a) => [a])]
        .map((ask): Move => ({ type: 'propose', side, give: [], ask }))
        .filter((m) => m.type === 'propose' && !refused.has(offerKey(m)));
      return firstLegal(ctx, ...offers, { type: 'pass', side });
    }
    case 'responses': {
      const p = view.proposal!;
      return worthToMe(ctx, p) > 0 && p.give.length >= p.ask.length
        ? firstLegal(ctx, { type: 'accept', side })
        : { type: 'reject', side };
    }
    case 'implementation':
      return implementationMove(ctx, (id) => (view.agreements.find((a) => a.id === id)!.obligations[side].delays < 1 ? 'delay' : 'implement'), true);
    default:
      return fallback(ctx);
  }
};

/** Conciliatory, gives first and accepts almost anything, keeps every promise, never checks. */
export const conceder: Strategy = (ctx) => {
  const { side, view, scenario } = ctx;
  switch (view.phase) {
    case 'statements': {
      const channel = scenario.channels.find((c) => !view.channels[c.id].open && !view.channels[c.id].requested.includes(side));
      if (channel && !view.thisTurn.channelRequests.includes(side)) return firstLegal(ctx, { type: 'openChannel', side, channel: channel.id }, { type: 'statement', side, tone: 'conciliatory' });
      return firstLegal(ctx, { type: 'statement', side, tone: 'conciliatory' });
    }
    case 'proposals': {
      // Two of its cheapest cards for the one it wants most; if refused, for the next one, or for nothing.
      const give = myGives(ctx).slice(0, 2).map((c) => c.id);
      const refused = refusedOffers(ctx);
      const offers = [...myAsks(ctx).map((c) => [c.id]), []]
        .map((ask): Move => ({ type: 'propose', side, give, ask }))
        .filter((m) => m.type === 'propose' && !refused.has(offerKey(m)));
      return firstLegal(ctx, ...offers, { type: 'pass', side });
    }
    case 'responses':
      return firstLegal(ctx, { type: 'accept', side }, { type: 'reject', side });
    case 'implementation':
      return implementationMove(ctx, () => 'implement', false);
    default:
      return fallback(ctx);
  }
};

/** Tit-for-tat: opens kindly, mirrors the other side, trades like for like, and verifies. */
export const reciprocator: Strategy = (ctx) => {
  const { side, view, scenario } = ctx;
  const them = otherSide(view.seats, side);
  switch (view.phase) {
    case 'statements': {
      const channel = scenario.channels.find((c) => !view.channels[c.id].open && !view.channels[c.id].requested.includes(side));
      if (channel && view.turn <= 3 && !view.thisTurn.channelRequests.includes(side))
        return firstLegal(ctx, { type: 'openChannel', side, channel: channel.id });
      const tone = lastTone(ctx) === 'hostile' ? 'hostile' : 'conciliatory';
      return firstLegal(ctx, { type: 'statement', side, tone });
    }
    case 'proposals': {
      // Like for like by the cards' public worth, best for me first, never repeating a refused offer.
      const refused = refusedOffers(ctx);
      const pairs = myGives(ctx).flatMap((give) => myAsks(ctx).map((ask) => ({ give: [give.id], ask: [ask.id], fair: give.value >= ask.value })));
      const ranked = pairs
        .map((terms) => ({ terms, worth: worthToMe(ctx, terms) }))
        .filter((x) => x.worth > 0 && x.terms.fair && !refused.has(offerKey(x.terms)))
        .sort((a, b) => b.worth - a.worth);
      for (const { terms } of ranked) {
        const move: Move = { type: 'propose', side, give: terms.give, ask: terms.ask };
        if (legal(ctx, move)) return move;
      }
      return { type: 'pass', side };
    }
    case 'responses': {
      const p = view.proposal!;
      const worth = worthToMe(ctx, p);
      const cards = indexOf(ctx.scenario as unknown as Scenario).cards;
      const value = (ids: string[]) => ids.reduce((n, id) => n + (cards.get(id)?.value ?? 0), 0);
      const fair = value(p.give) >= value(p.ask);
      return worth >= 0 || (fair && worth >= -1.5)
        ? firstLegal(ctx, { type: 'accept', side }, { type: 'reject', side })
        : { type: 'reject', side };
    }
    case 'implementation': {
      // Mirror: keep promises unless the other side has been caught breaking one.
      const betrayed = view.agreements.some((a) => a.obligations[them].exposed);
      return implementationMove(ctx, () => (betrayed ? 'delay' : 'implement'), true);
    }
    default:
      return fallback(ctx);
  }
};

/** The reciprocator's trading, with hostile words every turn: a side that banks hostility at home and still wants deals. */
export const hostileReciprocator: Strategy = (ctx) => {
  if (ctx.view.phase === 'statements') return firstLegal(ctx, { type: 'statement', side: ctx.side, tone: 'hostile' });
  return reciprocator(ctx);
};

/**
 * A strategy that says what it will not do: it declares its brief's red lines in its statements (one a turn) and
 * gives a reason with every refusal ("crosses a red line" when the package asks for one, else "not enough").
 */
export function withReasons(strategy: Strategy): Strategy {
  return (ctx) => {
    const move = strategy(ctx);
    const lines = ownBrief(ctx).redLines.map((r) => r.card);
    if (move.type === 'statement' && move.redLine === undefined) {
      const said = new Set(declaredRedLines(ctx.view, ctx.side));
      for (const card of lines) {
        const declaring: Move = { ...move, redLine: card };
        if (!said.has(card) && legal(ctx, declaring)) return declaring;
      }
    }
    if (move.type === 'reject' && move.reason === undefined && ctx.view.proposal) {
      const reasoned: Move = { ...move, reason: ctx.view.proposal.ask.some((id) => lines.includes(id)) ? 'red-line' : 'not-enough' };
      if (legal(ctx, reasoned)) return reasoned;
    }
    return move;
  };
}

const offerKey = (t: { give: string[]; ask: string[] }) => `${[...t.give].sort().join('+')}>${[...t.ask].sort().join('+')}`;

/** Offers this side made that the other side rejected. */
function refusedOffers(ctx: AgentContext): Set<string> {
  const out = new Set<string>();
  const moves = allMoves(ctx.view);
  moves.forEach((m, i) => {
    if ((m.type === 'propose' || m.type === 'counter') && m.side === ctx.side && moves[i + 1]?.type === 'reject') out.add(offerKey(m));
  });
  return out;
}

/** Any legal move, packages of one or two cards at random. */
export const randomStrategy: Strategy = (ctx) => {
  const { side, view, random } = ctx;
  const s = ctx.scenario as unknown as Scenario;
  if (view.phase === 'proposals' || (view.phase === 'responses' && random() < 0.2)) {
    const mine = openCards(ctx, side);
    const theirs = openCards(ctx, otherSide(ctx.view.seats, side));
    const pick = (cards: CardDef[]) => (cards.length && random() < 0.7 ? [cards[Math.floor(random() * cards.length)].id] : []);
    const terms = { give: pick(mine), ask: pick(theirs) };
    const type = view.phase === 'proposals' ? 'propose' : 'counter';
    const move = { type, side, ...terms } as Move;
    if (legal(ctx, move)) return move;
  }
  const options = legalMoves(s, view, side);
  if (options.length === 0) return fallback(ctx);
  return options[Math.floor(random() * options.length)];
};

export const STRATEGIES: Record<string, Strategy> = {
  hardliner,
  conceder,
  reciprocator,
  random: randomStrategy,
};

/** The context an agent gets: its own view and its own brief, nothing else. */
export function contextFor(scenario: Scenario, state: GameState, side: Side, random: () => number): AgentContext {
  return { scenario: scenarioFor(scenario, side), view: viewFor(state, side), side, random };
}

export { indexOf };
