// The computer counterpart: a bidding strategy, an opponent model and an acceptance rule, as in the
// automated-negotiation literature, plus the diplomacy around them (statements, channels, keeping
// or delaying promises, verification). It sees only its own side's view and its own brief, and
// says why it does what it does, in the scenario's words.
import {
  allMoves,
  alliesAlarmed,
  brokenByDelays,
  cardUtility,
  concessionCost,
  concessionGain,
  declaredRedLines,
  escalationAtResolution,
  incidentChance,
  incidentEscalation,
  indexOf,
  makeRandom,
  nextStage,
  openCards,
  otherSide,
  packagePermission,
  packageUtility,
  pendingSides,
  ruledOut,
  stageShare,
  textOf,
  undecidedObligations,
  venueFactor,
  verifiable,
  whyNot,
  type CardDef,
  type CounterpartDef,
  type Format,
  type Move,
  type PublicScenario,
  type RefusalReason,
  type Scenario,
  type Side,
  type SideDef,
  type SideView,
  type Text,
  type Tone,
} from '../engine';
import { OpponentModel } from './opponent-model';
import { concession, stanceFor, TEXTBOOK_STANCE, type ConcessionStyle } from './personality';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

export interface Decision {
  move: Move;
  /** A sentence tied to the agent's interests, shown to the player ("Moscow wants something in exchange..."). */
  reason?: string;
  /**
   * For an answer to a package: the worth to the agent that decided it, every term of it, and the terms the sentence
   * names (the largest: see namedParts). Absent when a principle decided (a red line, its stance).
   */
  basis?: { utility: number; parts: Part[]; named: string[] };
}

/** How many gains (or costs) an explanation names at most. */
export const NAMED_PARTS = 2;

/**
 * The terms of a package an explanation names: for an acceptance, its largest gains and its largest cost; for a
 * refusal, its largest costs and its largest gain. Largest by how much each moved the worth that decided.
 */
export function namedParts(parts: readonly Part[], answer: 'accept' | 'reject'): Part[] {
  const gains = parts.filter((x) => x.amount > 0).sort((a, b) => b.amount - a.amount);
  const costs = parts.filter((x) => x.amount < 0).sort((a, b) => a.amount - b.amount);
  return answer === 'accept' ? [...gains.slice(0, NAMED_PARTS), ...costs.slice(0, 1)] : [...costs.slice(0, NAMED_PARTS), ...gains.slice(0, 1)];
}

/** What a difficulty level changes: the agent's skill and its generosity, never who it is (that is the scenario's stance). */
interface Knobs {
  /** At most this many cards from each side in a package it builds. */
  maxCards: number;
  /** Packages examined per decision, at most (keeps decisions well inside a frame). */
  candidateLimit: number;
  /** Never signs a package worth less than this to itself. */
  floor: number;
  /** Chance of settling for a good-enough package rather than the best one. */
  noise: number;
  /** Chance of verifying the other side's implementation. */
  verifies: number;
  counters: boolean;
  /** Discounts what the other side promises by how little it is trusted. */
  trustDiscount: boolean;
  hypotheses: number;
  /** How hard it bargains: where its demands end, as a multiple of where its concession style ends them. */
  firmness: number;
  /** How soon it gives ground: it feels the deadline this many times sooner than it is. */
  hurry: number;
  /** How much of the progress an agreement brings once implemented and verified it counts (a skill: 0 on Easy). */
  lookahead: number;
  /**
   * Whether it looks ahead before answering hostility in kind: it answers only if the risk of confrontation once
   * both sides' hostile words of this turn are counted stays below its stance's line (`tone.mirrorsBelow`).
   */
  foresight: boolean;
  /** How much of the fair trade it must get before it accepts an offer (0: anything worth more than its floor). */
  acceptShare: number;
  /**
   * How it reads the other side's answers (a skill): each package of its own the other side signed raises its demands
   * by this share, each it refused lowers them by `yields`. Against a side that signs readily it claims more of each
   * deal; against one as tough as itself it comes down to where deals close.
   */
  claims: number;
  yields: number;
  /** How much of a loss of its own it takes in a package both sides gain from together, when nothing else is left (0: none). */
  jointSlack: number;
  /** Whether, after the other side refuses a big package, it offers small ones (more agreements, each moving its tracks). */
  small: boolean;
  /**
   * Generosity: how much of the other side's (estimated) gain from a package it counts as its own (0: none). It still
   * signs and sends nothing that gives away more of what it values than it receives (see generousLoss).
   */
  concern: number;
  /** Generosity: the share of its demand above its floor it asks for (1: all of it). */
  demand: number;
  /** Chance, each decision, that it bargains as generously as GENEROUS says rather than by its own demand. */
  lapse: number;
  /**
   * Generosity (a teaching counterpart): how far below its floor it signs, in its own priority points, to close a deal
   * with a side whose hostile words it does not remember. A player learning the game still reaches its goal against it
   * when chance at home has set it back; a side that banks hostile words at home gets none of it.
   */
  gift: number;
}

/** How a counterpart bargains in a generous moment (see Knobs.lapse): it asks only for its floor, and takes any offer above it. */
const GENEROUS: Partial<Knobs> = { demand: 0, acceptShare: 0, concern: 0.5 };

const KNOBS: Record<Difficulty, Knobs> = {
  easy: { maxCards: 1, candidateLimit: 400, floor: 0, noise: 0.3, verifies: 0.5, counters: true, trustDiscount: false, hypotheses: 150, firmness: 0.3, hurry: 2, foresight: false, lookahead: 1, acceptShare: 0, claims: 0, yields: 0, jointSlack: 1.5, small: false, concern: 0, demand: 0, lapse: 0, gift: 2 },
  normal: { maxCards: 2, candidateLimit: 3000, floor: 0.3, noise: 0.1, verifies: 1, counters: true, trustDiscount: true, hypotheses: 300, firmness: 1.25, hurry: 1, foresight: false, lookahead: 1, acceptShare: 1, claims: 0, yields: 0.25, jointSlack: 1.5, small: true, concern: 0, demand: 1, lapse: 0.5, gift: 0 },
  hard: { maxCards: 2, candidateLimit: 6000, floor: 0.3, noise: 0, verifies: 1, counters: true, trustDiscount: true, hypotheses: 400, firmness: 1.25, hurry: 1, foresight: true, lookahead: 1, acceptShare: 1, claims: 0.15, yields: 0.25, jointSlack: 1.5, small: true, concern: 0, demand: 1, lapse: 0, gift: 0 },
};

/**
 * After hostile words it remembers, a Hard counterpart claims the larger share of a deal: of the packages worth its
 * demand whose appeal to the other side (its model's estimate) is within this much of the most appealing, it offers
 * the one with the widest edge for itself (its worth less theirs), not the one that gives the other side most.
 * (2017, Washington against a hardliner: the package that left Moscow its cheapest cards for a second deal, 30 games
 * a seat: the hardliner -7.7 against the agent's -7.9 before, -9.7 against 1.7 with a window of 1. Windows of 2.5 and
 * more lost the 2011 and 2016 Washington seats.)
 */
const CLAIM_WINDOW = 1;

/** What each remembered turn of the other side's hostile words adds to the agent's demand (in its own priority points). */
const GRUDGE = 0.75;

/** Past parts of its own the other side could have checked before a Hard counterpart will gamble on its not checking. */
const DECEIT_EVIDENCE = 2;

/** Worth of the deals a turn still to come could bring, lost with trust when a defection comes to light. */
const DEALS_AT_RISK = 1;

/** Refusals of its big packages after which a Hard counterpart offers small ones. */
const BIG_REFUSALS = 1;

/** Trust below which a skilled counterpart speaks warmly, unprovoked, to build it. */
const WARM_BELOW = 45;

/** How much of the fair trade's worth it stops asking for by the last turn (from half-way on, linearly). */
const LATE_DISCOUNT = 0.4;

/** The range of what its reading of the other side's answers does to its demands (see Knobs.claims). */
const CLAIM_RANGE = [0.6, 1.75] as const;

/**
 * Against a hardliner (see hardline()), how many times over the other side's edge in a deal counts against the deal:
 * it signs only what leaves it ahead by its own reckoning.
 */
const HARDLINE_GUARD = 10;

/**
 * How much further toward confrontation than its stance's line (`tone.mirrorsBelow`) a Hard counterpart answers a
 * hardliner's words in kind: restraint earns nothing at the table from a side that gives nothing, and would only let
 * it bank support at home.
 */
const HARDLINE_ANSWER = 15;

/** Refusals of its packages after which a skilled counterpart looks for joint gains at a small loss (Knobs.jointSlack). */
const JOINT_AFTER = 2;

/** Share of a hostile side's edge in a deal held against the deal, at full memory of hostile words. */
const SPITE = 1;

/** One term of a package's worth to the agent: a card, a track's progress, the format, the cost at home. */
export interface Part {
  key: string;
  label: string;
  amount: number;
}

/** What a card the stance wants most adds to a package's worth to the agent (in its own priority points). */
const WANTED = 1;

/** Where each style's demands end, as a share of the estimated Nash package's worth to itself. */
/** Escalation from which it speaks softly whatever the other side says, and below which it answers hostility in kind. */
const BRINK = 65;

/** Estimated worth to the other side lost per refusal of a package asking for that card. */
const REFUSAL_PENALTY = 2.5;

const END_SHARE: Record<CounterpartDef['concession'], number> = { boulware: 1, 'tit-for-tat': 0.75, conceder: 0.45 };

interface Package {
  give: string[];
  ask: string[];
  format: Format;
  /** Worth to the agent (its own priorities, domestic cost, trust). */
  mine: number;
  /** Estimated worth to the other side (from the opponent model). */
  theirs: number;
}

export interface AgentOptions {
  /**
   * 'historical' (the default, at every difficulty): the stance the scenario writes for this side. A textbook style
   * (boulware, conceder, tit-for-tat) plays that curve with no stance of the scenario's, for comparisons.
   */
  style?: ConcessionStyle;
  /** Hypotheses in the opponent model (fewer: faster, coarser). */
  hypotheses?: number;
  /**
   * Time budget per decision, in ms (the browser's worker sets one): past it, the package search stops with the
   * packages examined so far. Without one the search is bounded only by the difficulty's package count, and a
   * decision depends on nothing but the game (what tests and the server replay).
   */
  budgetMs?: number;
}

export class NegotiatorAgent {
  readonly them: Side;
  readonly style: ConcessionStyle;
  /** Who it is: the scenario's stance for its side, or the textbook stance. */
  readonly stance: CounterpartDef;
  /** The article the stance is drawn from, named in the reasons it gives ('' for the textbook stance). */
  private readonly source: string;
  /** Its difficulty's knobs, or in a generous moment (Knobs.lapse) those with GENEROUS's. */
  private knobs: Knobs;
  private readonly own: Knobs;
  private readonly model: OpponentModel;
  private readonly brief: SideDef;
  private readonly cards: Map<string, CardDef>;
  /** Its side's red lines and the cards its stance never gives: it offers neither. */
  private readonly redLines: Set<string>;
  /** Tracks whose cards the agent gives only with political capital in hand. */
  private readonly capitalTracks: Set<string>;
  private readonly delayTracks: Set<string>;
  private readonly venueTracks: Set<string>;
  private readonly wantedCards: Set<string>;
  private readonly wantedTracks: Set<string>;
  private readonly budgetMs: number;
  /** When the current decision's search must stop (performance.now()), or 0 for no limit. */
  private deadline = 0;
  /** Whether the current decision is a generous one (Knobs.lapse). */
  private generous = false;

  constructor(
    /** The scenario as this side knows it: the other side's brief is not in it. */
    readonly scenario: PublicScenario,
    readonly side: Side,
    readonly difficulty: Difficulty = 'normal',
    readonly seed = 1,
    options: AgentOptions = {},
  ) {
    this.them = otherSide(scenario.seats, side);
    this.own = KNOBS[difficulty];
    this.knobs = this.own;
    this.brief = scenario.sides[side] as SideDef;
    const wanted = options.style ?? 'historical';
    const written = wanted === 'historical' ? stanceFor(scenario, side) : null;
    this.stance = written ?? TEXTBOOK_STANCE;
    this.style = wanted === 'historical' && !written ? this.stance.concession : wanted;
    this.source = written?.cite[0]?.file ?? '';
    this.model = new OpponentModel(scenario, side, { hypotheses: options.hypotheses ?? this.knobs.hypotheses, seed: seed * 31 + 7 });
    this.cards = new Map(scenario.cards.map((c) => [c.id, c]));
    this.redLines = new Set([...this.brief.redLines, ...this.stance.neverGives].map((r) => r.card));
    this.capitalTracks = new Set(this.stance.capital?.tracks ?? []);
    this.delayTracks = new Set(this.stance.delayOnce?.tracks ?? []);
    this.venueTracks = new Set(scenario.tracks.filter((t) => t.venue).map((t) => t.id));
    this.wantedCards = new Set(this.stance.wants.cards);
    this.wantedTracks = new Set(this.stance.wants.tracks);
    this.budgetMs = options.budgetMs ?? 0;
  }

  /** Learn from the moves in a view without deciding (to catch up before the debrief's reveal). */
  follow(view: SideView): void {
    this.model.update(view);
  }

  /** The agent's estimate of the other side's priorities per track (0..10), for the debrief. */
  beliefs(): Record<string, number> {
    return this.model.beliefs();
  }

  /** How many of the other side's acts the estimate is built on. */
  get observations(): number {
    return this.model.observations;
  }

  /** Decide the next move from this side's view of the game. */
  decide(view: SideView): Decision {
    if (view.phase === 'ended') throw new Error('the game is over: there is nothing to decide');
    if (!pendingSides(view).includes(this.side)) throw new Error(`it is not ${this.side}'s move in the ${view.phase} phase`);
    this.model.update(view);
    // Half the budget for the package search: the rest of a decision (valuing, explaining) must fit too.
    this.deadline = this.budgetMs > 0 ? performance.now() + this.budgetMs / 2 : 0;
    const random = makeRandom((this.seed * 7919 + view.turn * 131 + allMoves(view).length) | 0);
    // Generosity (a generous moment in bargaining, Knobs.lapse; Easy's gift, Knobs.gift) is only for a side whose
    // hostile words it does not remember and that does not play the hardliner.
    const civil = this.hostileTurns(view) === 0 && !this.hardline(view);
    this.generous = this.own.lapse > 0 && (view.phase === 'proposals' || view.phase === 'responses') && random() < this.own.lapse && civil;
    this.knobs = this.generous ? { ...this.own, ...GENEROUS } : this.own;
    const gift = civil ? this.giftLeft(view) : 0;
    if (gift > 0) this.knobs = { ...this.knobs, floor: this.knobs.floor - gift };
    switch (view.phase) {
      case 'statements':
        return this.statement(view);
      case 'proposals':
        return this.propose(view, random);
      case 'responses':
        return this.respond(view, random);
      case 'implementation':
        return this.implementation(view, random);
      default:
        throw new Error(`${this.side} has nothing to decide in the ${view.phase} phase`);
    }
  }

  // ---------------------------------------------------------------- words

  private get me(): string {
    return textOf(this.brief.capital) || textOf(this.brief.name);
  }
  private get other(): string {
    return textOf(this.scenario.sides[this.them].capital) || textOf(this.scenario.sides[this.them].name);
  }
  private title(id: string): string {
    return `"${textOf(this.cards.get(id)?.title) || id}"`;
  }
  private trackName(id: string): string {
    return textOf(indexOf(this.scenario as unknown as Scenario).tracks.get(id)?.name) || id;
  }
  private list(ids: string[]): string {
    const t = ids.map((id) => this.title(id));
    return t.length <= 1 ? (t[0] ?? 'nothing') : `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
  }
  /** Its trust in the other side in words, and which way it is moving: never the meter's number. */
  private trustWords(view: SideView): string {
    const t = view.meters.trust[this.side];
    const before = view.history.length >= 2 ? view.history[view.history.length - 2].meters?.[`trust.${this.side}`] : undefined;
    const mood = t < 25 ? 'deeply mistrustful' : t < 40 ? 'wary' : t < 60 ? 'cautious' : 'trusting';
    const drift = before === undefined ? '' : t >= before + 3 ? ', and warming' : t <= before - 3 ? ', and cooling' : '';
    return `${this.me} is ${mood} of ${this.other}${drift}`;
  }

  /** The risk of confrontation in words. */
  private riskWords(view: SideView): string {
    const e = view.meters.escalation;
    return e < 30 ? 'low' : e < 50 ? 'rising' : e < 70 ? 'high' : 'near the brink';
  }

  /**
   * The track of the card this side would most like from the other, leaving out cards already on offer: among what its
   * stance wants most when any of that is still open, else by its priorities.
   */
  private wantedTrack(view: SideView, except: readonly string[] = []): string | null {
    const w = this.brief.priorities;
    const open = this.openCards(view, this.them).filter((c) => !except.includes(c.id));
    const wanted = open.filter((c) => this.isWanted(c));
    const best = (wanted.length ? wanted : open).sort((a, b) => b.value * (w[b.track] ?? 0) - a.value * (w[a.track] ?? 0))[0];
    return best ? best.track : null;
  }

  /** How many of these cards (of the other side) the stance wants most. */
  private wantedIn(ids: readonly string[]): number {
    let n = 0;
    for (const id of ids) if (this.isWanted(this.cards.get(id)!)) n++;
    return n;
  }

  /** Is this card (of the other side) among what the stance wants most? */
  private isWanted(c: CardDef): boolean {
    return this.wantedCards.has(c.id) || this.wantedTracks.has(c.track);
  }

  /** "(004_….txt)": the article the stance comes from, after a reason drawn from it. */
  private get cited(): string {
    return this.source ? ` (${this.source})` : '';
  }

  // ---------------------------------------------------------------- statements and channels

  private statement(view: SideView): Decision {
    const side = this.side;
    const m = view.meters;
    const channel = this.channelToAsk(view);
    if (channel) return channel;
    const theirTone = view.thisTurn.statements[this.them] ?? view.lastTone[this.them];
    const myLast = view.lastTone[side];
    let tone: Tone;
    let reason: string;
    const reading = this.stance.tone;
    const rules = this.scenario.rules;
    // A side that keeps up its hostility is answered every time it speaks so, up to its stance's line on the risk of
    // confrontation: it would bank the support at home otherwise.
    const persistent = theirTone === 'hostile' && this.hostileStatements(view) >= 2;
    if (persistent && m.escalation < this.answersBelow(view) && (reading.patience === 0 || this.hostileStatements(view) > reading.patience)) {
      tone = 'hostile';
      reason = `${this.other} keeps up its hostile rhetoric: ${this.me} answers in kind, and remembers it at the table.`;
    } else if (theirTone === 'hostile' && this.doomed(view)) {
      // Restraint cannot stop the slide, so it would only cost support at home.
      tone = 'hostile';
      reason = `${this.other}'s rhetoric drives the risk of confrontation toward the brink whatever ${this.me} says: ${this.me} answers in kind.`;
    } else if (m.escalation >= BRINK && theirTone === 'hostile') {
      // At the brink it no longer answers in kind, but warm words to a side still shouting would only cost it at home.
      tone = 'neutral';
      reason = `With the risk of confrontation ${this.riskWords(view)}, ${this.me} does not answer ${this.other}'s hostile rhetoric, but remembers it.`;
    } else if (m.escalation >= BRINK) {
      tone = 'conciliatory';
      reason = `With the risk of confrontation ${this.riskWords(view)}, ${this.me} lowers its voice to pull back from the brink.`;
    } else if (m.support[side] < 30 && m.escalation < 60) {
      tone = 'hostile';
      reason = `With support at home running thin, ${this.me} has to sound tough.`;
    } else if (theirTone === 'hostile') {
      // Reciprocity: hostile words are answered in kind (a side cannot bank them at home for free), within the line
      // its stance draws on the risk of confrontation; a patient stance lets some hostility pass first.
      const provoked = reading.patience === 0 || this.hostileStatements(view) > reading.patience;
      // Sealed statements: an answer in kind is a second hostile statement in the same turn as theirs; then the turn
      // ends as the rules end it (channels, time, the hawks).
      const exchanged = m.escalation + 2 * rules.statements.hostile.escalation + this.atTurnEnd(view);
      const risk = this.knobs.foresight ? exchanged : m.escalation;
      tone = provoked && risk < this.answersBelow(view) && m.hawks[side] < 70 ? 'hostile' : 'neutral';
      reason =
        tone === 'hostile'
          ? `${this.me} answers ${this.other}'s hostile rhetoric in kind, and will remember it at the table.`
          : !provoked
            ? `${this.me} lets ${this.other}'s hostile rhetoric pass, for now, but remembers it.`
            : this.knobs.foresight && m.escalation < this.answersBelow(view) && m.hawks[side] < 70
              ? `${this.me} will not match ${this.other}'s hostile rhetoric: an exchange of hostile words would carry the risk of confrontation past what ${this.me} will accept. It remembers the words at the table.`
              : `${this.me} will not match ${this.other}'s hostile rhetoric while the risk of confrontation is ${this.riskWords(view)}, but remembers it.`;
    } else if (theirTone === 'conciliatory') {
      tone = 'conciliatory';
      reason = `${this.me} returns ${this.other}'s conciliatory tone: ${this.trustWords(view)}.`;
    } else if (this.difficulty !== 'easy' && theirTone !== undefined && m.trust[side] < WARM_BELOW && this.hostileTurns(view) === 0) {
      // Deals need trust: with none of the other side's hostility to remember, a skilled counterpart builds it first.
      tone = 'conciliatory';
      reason = `${this.me} warms its tone: no agreement lasts without trust, and ${this.trustWords(view)}.`;
    } else {
      tone = reading.prefers;
      reason =
        tone === 'conciliatory'
          ? `${this.me} keeps the tone warm to build trust: ${this.trustWords(view)}.`
          : `${this.me} keeps its own counsel in public: ${this.trustWords(view)}.`;
    }
    // Switching straight from hostile to warm reads as mixed signals and costs trust.
    if (tone === 'conciliatory' && myLast === 'hostile' && m.escalation < BRINK) {
      tone = 'neutral';
      reason = `${this.me} steps back from last turn's hostility without mixed signals.`;
    }
    const line = this.toDeclare(view, tone);
    if (line) return { move: { type: 'statement', side, tone, redLine: line.card }, reason: `${reason} ${this.me} declares ${this.title(line.card)} a red line: ${sentence(textOf(line.why))}` };
    return { move: { type: 'statement', side, tone }, reason };
  }

  /**
   * The risk of confrontation below which it answers hostile words in kind: its stance's line; on Hard, further against
   * a hardliner (a stance that never answers, a line of 0, still never does).
   */
  private answersBelow(view: SideView): number {
    const line = this.stance.tone.mirrorsBelow;
    return line > 0 && this.difficulty === 'hard' && this.hardline(view) ? line + HARDLINE_ANSWER : line;
  }

  /**
   * A red line of its brief (or one its stance never gives) it has not yet declared in public, one per statement:
   * once said, the other side stops asking for it and the firmness is worth a little at home (a skill: not on Easy).
   */
  private toDeclare(view: SideView, tone: Tone): { card: string; why: Text } | null {
    if (this.difficulty === 'easy') return null;
    const said = new Set(declaredRedLines(view, this.side));
    for (const line of [...this.brief.redLines, ...this.stance.neverGives]) {
      if (said.has(line.card) || view.given[this.side].includes(line.card)) continue;
      if (this.legal(view, { type: 'statement', side: this.side, tone, redLine: line.card })) return line;
    }
    return null;
  }

  /**
   * Would escalation reach its maximum before the end even if this side spoke softly every turn,
   * while the other side stays hostile? (Hostile words, the hawks' shows of force, the incidents the risk itself
   * breeds, minus time, open channels and stepping back from the brink: turn by turn, with incidents and the hawks they feed at their expected size.)
   */
  private doomed(view: SideView): boolean {
    const rules = this.scenario.rules;
    const words = rules.statements.hostile.escalation + rules.statements.conciliatory.escalation;
    const anyOpen = this.scenario.channels.some((c) => view.channels[c.id]?.open);
    const incident = incidentEscalation(rules, anyOpen);
    const hawks = { ...view.meters.hawks };
    let escalation = view.meters.escalation;
    for (let turn = view.turn; turn <= this.scenario.turns; turn++) {
      const chance = incidentChance(rules, escalation);
      const atTurnEnd = escalationAtResolution(this.scenario, view.channels, hawks, escalation + words).reduce((sum, step) => sum + step.delta, 0);
      escalation += words + atTurnEnd + chance * incident;
      if (escalation >= 100) return true;
      hawks[this.them] += rules.statements.hostile.hawks + chance * rules.incidentHawks;
      hawks[this.side] += rules.statements.conciliatory.hawks + chance * rules.incidentHawks;
    }
    return false;
  }

  /** What the end of a turn would do to escalation now, as the rules apply it (open channels, time, stepping back, the hawks). */
  private atTurnEnd(view: SideView): number {
    return escalationAtResolution(this.scenario, view.channels, view.meters.hawks, view.meters.escalation).reduce((sum, step) => sum + step.delta, 0);
  }

  private channelToAsk(view: SideView): Decision | null {
    if (view.thisTurn.channelRequests.includes(this.side)) return null;
    const m = view.meters;
    for (const c of this.scenario.channels) {
      const ch = view.channels[c.id];
      if (!ch || ch.open || ch.requested.includes(this.side)) continue;
      const theyAsked = ch.requested.includes(this.them);
      const want =
        theyAsked ||
        m.escalation >= 40 ||
        this.stance.channelsEarly ||
        (view.turn <= 2 && this.difficulty !== 'easy');
      if (!want) continue;
      const move: Move = { type: 'openChannel', side: this.side, channel: c.id };
      if (!this.legal(view, move)) continue;
      const why = theyAsked
        ? `${this.other} has asked for it`
        : m.escalation >= 40
          ? `the risk of confrontation is ${this.riskWords(view)}, and an open channel damps incidents`
          : 'pauses in dialogue only bolster the hawks';
      return { move, reason: `${this.me} asks to open ${textOf(c.name)}: ${why}.` };
    }
    return null;
  }

  // ---------------------------------------------------------------- valuing packages

  /** The cards of `owner` a package may still hold: the engine's one answer (on the table, not conceded, no option of a settled issue). */
  private openCards(view: SideView, owner: Side): CardDef[] {
    return openCards(this.scenario as unknown as Scenario, view, owner);
  }

  /** Political capital earned: the worth of what the other side has conceded, plus what this package gives. */
  private capitalEarned(view: SideView, received: string[]): number {
    let v = 0;
    for (const id of [...view.given[this.them], ...received]) v += this.cards.get(id)?.value ?? 0;
    return v;
  }

  /** Why the agent's own principles forbid a package (its red lines and its stance), or null. */
  private forbidden(view: SideView, give: string[], ask: string[]): string | null {
    const red = give.find((id) => this.redLines.has(id));
    if (red) {
      const line = this.brief.redLines.find((r) => r.card === red);
      if (line) return `${this.title(red)} is a red line for ${this.me}: ${textOf(line.why).replace(/[.\s]+$/, '')}`;
      const never = this.stance.neverGives.find((r) => r.card === red)!;
      return `${this.title(red)} is not on offer from ${this.me}: ${textOf(never.why).replace(/[.\s]+$/, '')}${this.cited}`;
    }
    const s = this.stance;
    if (s.capital) {
      const onCapital = give.filter((id) => this.capitalTracks.has(this.cards.get(id)!.track));
      if (onCapital.length && this.capitalEarned(view, ask) < s.capital.value) {
        const track = this.trackName(this.cards.get(onCapital[0])!.track);
        return `${this.me} ${textOf(s.capital.why)}${this.cited}: nothing on ${track} until ${this.other} puts something real on the table`;
      }
    }
    if (s.quidProQuo && ask.length === 0 && give.length > 0) {
      const t = this.wantedTrack(view);
      return `${this.me} ${textOf(s.quidProQuo.why)}${this.cited}${t ? `: it wants something in exchange on ${this.trackName(t)}` : ''}`;
    }
    if (s.reassureAllies) {
      for (const party of this.scenario.thirdParties.filter((p) => p.patron === this.side)) {
        let after = view.meters.allies[party.id] ?? 0;
        for (const id of give) after += this.cards.get(id)?.allies[party.id] ?? 0;
        if (alliesAlarmed(this.scenario.rules, after) && !alliesAlarmed(this.scenario.rules, view.meters.allies[party.id] ?? 0))
          return `${this.me} must reassure ${textOf(party.name)}; this would leave them in the cold`;
      }
    }
    return null;
  }

  /** Per-card figures for the current view: worth to the agent, and estimated worth to the other side. */
  private figures(view: SideView) {
    const rules = this.scenario.rules;
    const m = view.meters;
    const mine = this.brief.priorities;
    const theirs = this.model.beliefs();
    const t = m.trust[this.side];
    // What the other side promises is discounted by mistrust, and more once it has dragged its feet or been caught.
    const record = this.unreliable(view) ? 0.7 : 1;
    // Against a hardliner it carries out its part only once the other side has carried out its own (see
    // implementation): what the hardliner promises is then as good as delivered.
    const hardliner = this.hardline(view);
    const deliver = this.knobs.trustDiscount && !hardliner ? (0.6 + (0.4 * Math.min(100, t)) / 100) * record : 1;
    // Domestic pressure: concessions weigh more when support is low and the hawks are loud.
    const pressure = 1 + Math.max(0, (45 - m.support[this.side]) / 15) + Math.max(0, (m.hawks[this.side] - 60) / 40);
    const turnsLeft = Math.max(1, this.scenario.turns - view.turn + 1);
    // The support a card costs its giver (at full price: the venue's discount is applied per package) and wins its receiver.
    const cost = (c: CardDef) => concessionCost(rules, m.hawks[c.side], c, 'bilateral');
    const card = (c: CardDef) => {
      const received = concessionGain(rules, c) / 5;
      if (c.side === this.side) {
        return {
          mine: cardUtility(c, this.side, mine) - (cost(c) / 5) * pressure,
          cost: cost(c),
          theirs: cardUtility(c, this.them, theirs) + received,
          theirCost: 0,
          allies: this.alliesPenalty(view, c, turnsLeft),
        };
      }
      return {
        mine: cardUtility(c, this.side, mine) * deliver + received,
        cost: 0,
        theirs: cardUtility(c, this.them, theirs) - cost(c) / 5,
        theirCost: cost(c),
        allies: 0,
      };
    };
    // What an agreement would move each track by, for each side by its own share and priority: the step signing takes,
    // and, as far as the agent expects promises kept, the steps implementing and verifying take after it. This is the
    // value the two sides create together, which a trade of cards alone leaves out.
    const step = new Map<string, Record<Side, number>>();
    for (const def of this.scenario.tracks) {
      const from = view.tracks[def.id]?.stage;
      if (from === undefined) continue;
      const share = (id: string, who: Side) => stageShare(def.stages.find((x) => x.id === id), who);
      const signed = nextStage(def, from, 'SIGN', view);
      const implemented = nextStage(def, signed, 'IMPLEMENT', view);
      const verified = nextStage(def, implemented, 'VERIFY', view);
      const gain = (who: Side) =>
        share(signed, who) - share(from, who) + this.knobs.lookahead * deliver * (share(verified, who) - share(signed, who));
      step.set(def.id, { [this.side]: gain(this.side), [this.them]: gain(this.them) });
    }
    const progress = (track: string, who: Side) => (step.get(track)?.[who] ?? 0) * ((who === this.side ? mine : theirs)[track] ?? 0);
    // How much of the other side's edge in a deal it holds against it, from the hostile words it remembers.
    const spite = hardliner ? HARDLINE_GUARD : Math.min(1, (SPITE * this.hostileTurns(view)) / Math.max(1, this.stance.tone.memory));
    // Against a hardliner, a deal must also make up for what it has banked at home with its words: the support it won
    // above the agent's since the start, in score points.
    const start = (x: Side) => this.scenario.sides[x].start.support;
    const homeEdge = hardliner ? Math.max(0, (m.support[this.them] - start(this.them) - (m.support[this.side] - start(this.side))) / 5) : 0;
    return { card, progress, theirs, pressure, deliver, spite, homeEdge, support: m.support[this.side], refusals: this.refusalsByCard(view), lopsidedRefusals: this.lopsidedRefusals(view) };
  }

  /** Support lost if allies fall into alarm, over the turns left (their alarm costs support every turn). */
  private alliesPenalty(view: SideView, c: CardDef, turnsLeft: number): number {
    let penalty = 0;
    for (const [id, delta] of Object.entries(c.allies)) {
      const party = this.scenario.thirdParties.find((p) => p.id === id);
      if (!party || party.patron !== this.side || delta >= 0) continue;
      const now = view.meters.allies[id] ?? 0;
      if (!alliesAlarmed(this.scenario.rules, now) && alliesAlarmed(this.scenario.rules, now + delta))
        penalty += (Math.abs(this.scenario.rules.allyAlarmSupport) / 5) * Math.min(turnsLeft, 6);
    }
    return penalty;
  }

  /** Worth of one package to the agent and (estimated) to the other side. */
  private value(view: SideView, give: string[], ask: string[], format: Format, f = this.figures(view)): Package {
    return this.appraise(view, give, ask, format, f, null);
  }

  /**
   * What each part of a package contributes to its worth to the agent: the same sums as value(), with every term
   * recorded. The explanations name the largest of these parts, so what they say is what decided.
   */
  private breakdown(view: SideView, give: string[], ask: string[], format: Format, f = this.figures(view)): { pkg: Package; parts: Part[] } {
    const parts: Part[] = [];
    const pkg = this.appraise(view, give, ask, format, f, parts);
    return { pkg, parts };
  }

  private appraise(view: SideView, give: string[], ask: string[], format: Format, f: ReturnType<NegotiatorAgent['figures']>, parts: Part[] | null): Package {
    const venue = venueFactor(this.scenario.rules, format);
    let mine = 0;
    let theirs = 0;
    let cost = 0;
    const tracks = new Set<string>();
    const add = (key: string, label: string, amount: number) => {
      mine += amount;
      if (parts && amount !== 0) parts.push({ key, label, amount });
    };
    for (const id of [...give, ...ask]) {
      const c = this.cards.get(id);
      if (!c) continue;
      const x = f.card(c);
      // The domestic cost is already in `mine`/`theirs` at full price; the venue refunds part of it. What its stance
      // wants most is worth more to it than its priorities alone say.
      const wanted = c.side === this.them && this.isWanted(c) ? WANTED : 0;
      // A concession of its own is two terms: what the card is worth to it, and its price at home (support, by how
      // thin support is and how loud the hawks are, less what a multilateral venue spares).
      const home = c.side === this.side ? -(venue * x.cost * f.pressure) / 5 : 0;
      add(id, this.title(id), x.mine + ((1 - venue) * x.cost * f.pressure) / 5 - home - x.allies + wanted);
      add(`home:${id}`, `the price at home of ${this.title(id)}`, home);
      theirs += x.theirs + ((1 - venue) * x.theirCost) / 5;
      cost += x.cost * venue;
      tracks.add(c.track);
    }
    for (const t of tracks) {
      add(`track:${t}`, `progress on ${this.trackName(t)}`, f.progress(t, this.side));
      theirs += f.progress(t, this.them);
    }
    // Cards the other side kept refusing to give may be its red lines: expect it to refuse again.
    for (const id of ask) theirs -= REFUSAL_PENALTY * (f.refusals.get(id) ?? 0);
    // A side that keeps refusing lopsided packages (asked more cards than offered) will refuse the next.
    if (ask.length > give.length) theirs -= REFUSAL_PENALTY * f.lopsidedRefusals;
    // A deal that costs more support than the side has left would cost it office.
    if (cost > 0 && f.support - cost <= 8) add('office', 'the cost at home, which the government could not survive', -100);
    if (this.stance.multilateral && format === 'multilateral') add('format', 'the multilateral format', 0.3);
    // Reciprocity remembered: after hostile words, the other side's edge in a deal counts against it.
    if (f.spite > 0 && theirs + f.homeEdge > mine) add('words', `what ${this.other} would gain over ${this.me} after its hostile words`, -f.spite * (theirs + f.homeEdge - mine));
    if (this.knobs.concern > 0 && theirs !== 0) add('concern', `what ${this.other} gains from it`, this.knobs.concern * theirs);
    return { give, ask, format, mine, theirs };
  }

  private formatFor(ids: string[]): Format {
    return ids.length > 0 && ids.every((id) => this.venueTracks.has(this.cards.get(id)!.track)) ? 'multilateral' : 'bilateral';
  }

  /** Every package of at most k cards a side (k shrinks until the count fits the limit), valued. */
  private candidates(view: SideView): Package[] {
    const gives = this.openCards(view, this.side).filter((c) => !this.redLines.has(c.id));
    // What the other side has declared a red line is never asked for.
    const declared = new Set(declaredRedLines(view, this.them));
    const asks = this.openCards(view, this.them).filter((c) => !declared.has(c.id));
    let k = this.knobs.maxCards;
    const count = (n: number, kk: number) => {
      let total = 0;
      let term = 1;
      for (let i = 0; i <= kk && i <= n; i++) {
        total += term;
        term = (term * (n - i)) / (i + 1);
      }
      return total;
    };
    while (k > 1 && count(gives.length, k) * count(asks.length, k) > this.knobs.candidateLimit) k--;
    const gs = subsets(gives.map((c) => c.id), k);
    const as = subsets(asks.map((c) => c.id), k);
    const f = this.figures(view);
    // Per-card figures once, then sums per subset: the search stays linear in the packages examined.
    const out: Package[] = [];
    for (const g of gs) {
      for (const a of as) {
        if (g.length + a.length === 0) continue;
        if (out.length >= this.knobs.candidateLimit) return out;
        if (this.deadline && (out.length & 127) === 0 && out.length > 0 && performance.now() > this.deadline) return out;
        const ids = [...g, ...a];
        const p = this.value(view, g, a, this.formatFor(ids), f);
        out.push(p);
      }
    }
    return out;
  }

  /** The agent's demand now: what a package must be worth to it, from its style, time, trust and pressure. */
  private aspiration(view: SideView, candidates: Package[]): { level: number; best: number; fair: number } {
    const plausible = candidates.filter((p) => p.theirs >= 0);
    const best = Math.max(this.knobs.floor, ...plausible.map((p) => p.mine));
    let fair = this.knobs.floor;
    let product = -Infinity;
    for (const p of candidates) {
      if (p.mine <= 0 || p.theirs <= 0) continue;
      if (p.mine * p.theirs > product) {
        product = p.mine * p.theirs;
        fair = p.mine;
      }
    }
    const style = this.style === 'historical' ? this.stance.concession : this.style;
    const end = Math.max(this.knobs.floor, Math.min(best, fair * END_SHARE[style] * this.knobs.firmness * this.claim(view)));
    const t = Math.min(1, (view.turn / this.scenario.turns) * this.knobs.hurry);
    let given = concession(style, t);
    if (style === 'tit-for-tat') given = Math.min(1, 0.5 * given + this.theirConcession(view) / Math.max(1, best - end));
    // Wariness and pressure at home raise every demand: low trust, loud hawks, thin support.
    const m = view.meters;
    const trust = m.trust[this.side];
    const wary = Math.max(0, (40 - trust) / 40) + Math.max(0, (m.hawks[this.side] - 60) / 20) + Math.max(0, (40 - m.support[this.side]) / 20) + GRUDGE * this.hostileTurns(view);
    // A generous counterpart asks only part of the way from its floor to that demand (Knobs.demand).
    const asked = best - (best - end) * given;
    const { floor } = this.knobs;
    const level = (this.knobs.demand === 1 ? asked : floor + (asked - floor) * this.knobs.demand) + wary;
    return { level: Math.max(this.knobs.floor, level), best, fair: fair + wary };
  }

  /**
   * How much more (above 1) or less than its usual demand it asks, from how the other side has answered its packages:
   * signed ones raise it (`claims`), refused ones lower it (`yields`).
   */
  private claim(view: SideView): number {
    if (this.knobs.claims === 0 && this.knobs.yields === 0) return 1;
    let signed = 0;
    let refused = 0;
    const moves = allMoves(view);
    moves.forEach((m, i) => {
      if ((m.type !== 'propose' && m.type !== 'counter') || m.side !== this.side) return;
      if (moves[i + 1]?.type === 'accept') signed++;
      else if (moves[i + 1]?.type === 'reject') refused++;
    });
    return Math.max(CLAIM_RANGE[0], Math.min(CLAIM_RANGE[1], 1 + this.knobs.claims * signed - this.knobs.yields * refused));
  }

  /** How far the other side's offers have come toward the agent (worth to the agent, best minus first). */
  private theirConcession(view: SideView): number {
    const offers = allMoves(view).filter(
      (m): m is Extract<Move, { type: 'propose' | 'counter' }> => (m.type === 'propose' || m.type === 'counter') && m.side === this.them,
    );
    if (offers.length < 2) return 0;
    const worth = (m: { give: string[]; ask: string[] }) => this.worthInPriorities(m.give, m.ask);
    const first = worth(offers[0]);
    return Math.max(0, Math.max(...offers.map(worth)) - first);
  }

  /** How often each of the other side's cards was in a package of the agent's that it refused. */
  private refusalsByCard(view: SideView): Map<string, number> {
    const out = new Map<string, number>();
    const moves = allMoves(view);
    moves.forEach((m, i) => {
      if ((m.type === 'propose' || m.type === 'counter') && m.side === this.side && moves[i + 1]?.type === 'reject')
        for (const id of m.ask) out.set(id, (out.get(id) ?? 0) + 1);
    });
    return out;
  }

  /** Refused packages of the agent's that asked for more cards than they gave, beyond the first (0 once one such was signed). */
  private lopsidedRefusals(view: SideView): number {
    let refused = 0;
    const moves = allMoves(view);
    for (let i = 0; i < moves.length; i++) {
      const m = moves[i];
      if ((m.type !== 'propose' && m.type !== 'counter') || m.side !== this.side || m.ask.length <= m.give.length) continue;
      if (moves[i + 1]?.type === 'accept') return 0;
      if (moves[i + 1]?.type === 'reject') refused++;
    }
    return Math.max(0, refused - 1);
  }

  /** The turns its stance remembers words for: the last `memory` turns, this one included. */
  private remembered(view: SideView): SideView['history'] {
    const memory = this.stance.tone.memory;
    return memory > 0 ? view.history.slice(-memory) : [];
  }

  /**
   * Remembered turns in which the other side spoke with hostility, answered in kind or not: words are remembered, so
   * a side that wins support at home with hostile rhetoric pays for it at the table.
   */
  private hostileTurns(view: SideView): number {
    let n = 0;
    for (const log of this.remembered(view)) if (toneIn(log, this.them) === 'hostile') n++;
    return n;
  }

  /**
   * Hostile statements of the other side that a patient stance counts before it answers: this turn's, when it can
   * already hear it, and those of the `memory` turns before.
   */
  private hostileStatements(view: SideView): number {
    const memory = this.stance.tone.memory;
    return view.history.slice(-(memory + 1)).filter((log) => toneIn(log, this.them) === 'hostile').length;
  }

  /**
   * Is the other side playing the hardliner: hostile words in most of its statements (two at least) and, in every
   * package it has sent, nothing of its own? Against such a side deals are weighed by who gains more from them, and
   * what it promises counts in full, for the agent carries out its own part only after the hardliner's.
   */
  private hardline(view: SideView): boolean {
    let hostile = 0;
    let spoke = 0;
    for (const log of view.history) {
      const tone = toneIn(log, this.them);
      if (tone === undefined) continue;
      spoke++;
      if (tone === 'hostile') hostile++;
    }
    if (hostile < 2 || hostile * 3 < spoke * 2) return false;
    const offers = allMoves(view).filter((m) => (m.type === 'propose' || m.type === 'counter') && m.side === this.them);
    return offers.every((m) => (m as Extract<Move, { type: 'propose' }>).give.length === 0);
  }

  /** Packages the agent offered that the other side turned down in the last three turns. */
  private refused(view: SideView): Set<string> {
    const out = new Set<string>();
    for (const log of view.history.slice(-3)) {
      log.moves.forEach((m, i) => {
        if ((m.type === 'propose' || m.type === 'counter') && m.side === this.side && log.moves[i + 1]?.type === 'reject')
          out.add(keyOf(m.give, m.ask));
      });
    }
    return out;
  }

  /**
   * Cards the other side has refused to give twice or more (in packages of this side's it rejected) and never
   * gave: most likely its red lines, so asking for them again only wastes a turn.
   */
  private refusedAsks(view: SideView): Set<string> {
    const count = new Map<string, number>();
    for (const log of view.history)
      log.moves.forEach((m, i) => {
        if ((m.type === 'propose' || m.type === 'counter') && m.side === this.side && log.moves[i + 1]?.type === 'reject')
          for (const id of m.ask) count.set(id, (count.get(id) ?? 0) + 1);
      });
    const given = new Set(view.given[this.them]);
    return new Set([...count].filter(([id, n]) => n >= 2 && !given.has(id)).map(([id]) => id));
  }

  /** The package to offer: worth the aspiration to the agent, and the best it can find for the other side. */
  private allowedCandidates(view: SideView): Package[] {
    // Never again what a refusal with a reason ruled out; nothing for nothing unless the other side owes it.
    // A debt is asked for once: after the other side has refused to pay it, the agent trades again.
    const owed = this.owed(view) > 0 && !this.debtRefused(view);
    // A side that turns down big packages is offered small ones: more agreements, each moving its tracks forward,
    // find more of the value the two sides can make together than a few large trades (a skill: not on Easy). To a
    // hardliner only on Hard, which carries out its part of an agreement only once the hardliner has carried out its
    // own (see implementation): on Normal, small packages to a side that asks and never gives would only feed it.
    const small = this.knobs.small && this.bigRefusals(view) >= BIG_REFUSALS && (this.difficulty === 'hard' || !this.hardline(view));
    return this.candidates(view).filter(
      (p) =>
        this.forbidden(view, p.give, p.ask) === null &&
        (p.give.length > 0 || owed) &&
        !this.generousLoss(p.give, p.ask) &&
        (!small || p.give.length + p.ask.length <= 2) &&
        ruledOut(view, this.side, p) === null,
    );
  }

  /**
   * Would generosity (Knobs.concern) make it give away more than it gets? A generous counterpart settles for less of
   * the deal, but never for a package whose cards are worth less than nothing to it by its own priorities.
   */
  private generousLoss(give: string[], ask: string[]): boolean {
    return this.knobs.concern > 0 && this.worthInPriorities(give, ask) < 0;
  }

  /**
   * What is left of its gift (Knobs.gift) this game: the whole of it while the agreements it has signed leave it even
   * or ahead in its own priorities, less what they already leave it behind.
   */
  private giftLeft(view: SideView): number {
    if (this.own.gift === 0) return 0;
    let balance = 0;
    for (const a of view.agreements) if (a.status !== 'broken') balance += this.worthInPriorities(a.obligations[this.side].cards, a.obligations[this.them].cards);
    return Math.max(0, this.own.gift + Math.min(0, balance));
  }

  /** What cards given and received are worth to it by its own priorities alone (the engine's package worth). */
  private worthInPriorities(give: string[], ask: string[]): number {
    return packageUtility(this.scenario as unknown as Scenario, { give, ask }, this.side, this.brief.priorities);
  }

  /** Has the other side refused a package of the agent's that asked without giving (a debt it was asked to pay)? */
  private debtRefused(view: SideView): boolean {
    const moves = allMoves(view);
    return moves.some((m, i) => (m.type === 'propose' || m.type === 'counter') && m.side === this.side && m.give.length === 0 && moves[i + 1]?.type === 'reject');
  }

  /** Has the other side signed a package of the agent's and never answered one with a counter of its own? */
  private yesSayer(view: SideView): boolean {
    const moves = allMoves(view);
    if (moves.some((m) => m.type === 'counter' && m.side === this.them)) return false;
    return moves.some((m, i) => (m.type === 'propose' || m.type === 'counter') && m.side === this.side && moves[i + 1]?.type === 'accept');
  }

  /** Packages of the agent's that the other side refused. */
  private refusedPackages(view: SideView): number {
    const moves = allMoves(view);
    return moves.filter((m, i) => (m.type === 'propose' || m.type === 'counter') && m.side === this.side && moves[i + 1]?.type === 'reject').length;
  }

  /** Packages of more than two cards that the agent sent and the other side refused. */
  private bigRefusals(view: SideView): number {
    let n = 0;
    const moves = allMoves(view);
    moves.forEach((m, i) => {
      if ((m.type === 'propose' || m.type === 'counter') && m.side === this.side && m.give.length + m.ask.length > 2 && moves[i + 1]?.type === 'reject') n++;
    });
    return n;
  }

  /**
   * What the other side owes the agent from signed agreements: the public worth (card values) of what the agent
   * gave, less what it received. Above zero, asking without giving collects a debt.
   */
  private owed(view: SideView): number {
    let debt = 0;
    for (const id of view.given[this.side]) debt += this.cards.get(id)?.value ?? 0;
    for (const id of view.given[this.them]) debt -= this.cards.get(id)?.value ?? 0;
    return debt;
  }

  private bid(view: SideView, random: () => number, all: Package[], exclude?: string): { pkg: Package | null; level: number; claims?: boolean } {
    const { level } = this.aspiration(view, all);
    const refused = this.refused(view);
    const fresh = all.filter((p) => !refused.has(keyOf(p.give, p.ask)) && keyOf(p.give, p.ask) !== exclude);
    const stubborn = this.refusedAsks(view);
    const promising = fresh.filter((p) => !p.ask.some((id) => stubborn.has(id)));
    const pool = promising.length ? promising : fresh.length ? fresh : all;
    // Of the packages worth its demand, the one likeliest to be accepted, leaning to what its stance wants most.
    const pull = (p: Package) => p.theirs + (p.theirs > 0 ? WANTED * this.wantedIn(p.ask) : 0);
    // In a generous moment more packages meet its demand (it asks only for its floor), and it picks among them the same
    // way: what its stance wants most weighs in `pull`, but does not go first (asking first for the cards it wants most
    // made its generous packages the ones a cooperative player gained least from).
    let good = pool.filter((p) => p.mine >= level).sort((a, b) => pull(b) - pull(a) || b.mine - a.mine);
    // After hostile words it remembers, a Hard counterpart claims the larger share (CLAIM_WINDOW).
    const claims = this.difficulty === 'hard' && good.length > 1 && this.hostileTurns(view) > 0;
    if (claims) {
      const top = pull(good[0]);
      const edge = (p: Package) => p.mine - p.theirs;
      good = good.filter((p) => pull(p) >= top - CLAIM_WINDOW).sort((a, b) => edge(b) - edge(a) || pull(b) - pull(a));
    }
    if (good.length) {
      const pick = this.knobs.noise > 0 && random() < this.knobs.noise ? good[Math.floor(random() * Math.min(5, good.length))] : good[0];
      return { pkg: pick, level, claims };
    }
    // Nothing meets the demand: offer the best the agent can still stand behind.
    const fallback = pool.filter((p) => p.mine >= this.knobs.floor && p.theirs >= 0).sort((a, b) => b.mine - a.mine)[0];
    if (fallback) return { pkg: fallback, level };
    // Nothing it could stand behind alone: with a side that trades (not a hardliner) and has turned its packages down,
    // a skilled counterpart looks for what both gain together (the integrative part), taking a small loss of its own
    // when the other side's gain is larger, rather than let the talks go quiet.
    if (this.knobs.jointSlack > 0 && this.refusedPackages(view) >= JOINT_AFTER && !this.hardline(view)) {
      const joint = pool.filter((p) => p.mine >= -this.knobs.jointSlack && p.theirs > -p.mine && p.give.length > 0).sort((a, b) => b.mine + b.theirs - (a.mine + a.theirs))[0];
      if (joint) return { pkg: joint, level };
    }
    return { pkg: null, level };
  }

  private describeOffer(p: Package): string {
    const tracks = [...new Set([...p.give, ...p.ask].map((id) => this.cards.get(id)!.track))].map((t) => this.trackName(t));
    const across = tracks.length > 1 ? ` — a trade across ${tracks.join(' and ')}` : '';
    const venue = p.format === 'multilateral' ? ', in a multilateral format that costs both sides less at home' : '';
    if (p.give.length === 0) return `${this.me} asks for ${this.list(p.ask)}${venue}`;
    if (p.ask.length === 0) return `${this.me} offers ${this.list(p.give)} as a gesture${venue}`;
    return `${this.me} offers ${this.list(p.give)} in exchange for ${this.list(p.ask)}${across}${venue}`;
  }

  // ---------------------------------------------------------------- proposals and answers

  private propose(view: SideView, random: () => number): Decision {
    const { pkg, claims } = this.bid(view, random, this.allowedCandidates(view));
    if (pkg) {
      const move: Move = { type: 'propose', side: this.side, give: pkg.give, ask: pkg.ask, format: pkg.format };
      if (this.legal(view, move)) {
        const why =
          pkg.mine < Math.max(this.knobs.floor, 0)
            ? `${this.me} gives a little more than it gets, for what both sides gain together rather than let the talks go quiet`
            : pkg.give.length === 0
            ? `${this.other} owes ${this.me} for what it has conceded so far (${this.list(view.given[this.side])}) and received too little in return`
            : claims && pkg.mine > pkg.theirs
            ? `after ${this.other}'s hostile words, ${this.me} claims the larger share`
            : pkg.theirs > 0
              ? 'it should suit both sides'
              : `${this.me} will not settle for less`;
        return { move, reason: `${this.describeOffer(pkg)}: ${why}.` };
      }
    }
    // A turn without any proposal and no open channel freezes the talks (STALL) and bolsters the hawks: rather than
    // let that happen, a side with nothing worth offering still asks for something, which costs it nothing.
    const stalls = !view.thisTurn.proposed && !this.scenario.channels.some((c) => view.channels[c.id]?.open);
    if (stalls) {
      const asks = this.candidates(view)
        .filter((p) => p.give.length === 0 && this.forbidden(view, p.give, p.ask) === null && ruledOut(view, this.side, p) === null)
        .sort((a, b) => a.ask.length - b.ask.length || b.mine - a.mine);
      for (const p of asks) {
        const move: Move = { type: 'propose', side: this.side, give: p.give, ask: p.ask, format: p.format };
        if (!this.legal(view, move)) continue;
        return {
          move,
          reason: `${this.describeOffer(p)}: ${this.me} sees nothing it could offer that is worth it while ${this.trustWords(view)}, but a turn without talks would freeze them and bolster the hawks.`,
        };
      }
    }
    return {
      move: { type: 'pass', side: this.side },
      reason: `${this.me} sees nothing it could offer that is worth it while ${this.trustWords(view)}.`,
    };
  }

  private respond(view: SideView, random: () => number): Decision {
    const p = view.proposal!;
    const give = p.ask; // what the agent would give
    const ask = p.give; // what it would receive
    const side = this.side;
    const f = this.figures(view);
    const { pkg: offer, parts } = this.breakdown(view, give, ask, p.format, f);
    const bar = this.forbidden(view, give, ask);
    const candidates = this.allowedCandidates(view);
    const { level, fair } = this.aspiration(view, candidates);
    const lastChance = view.turn >= this.scenario.turns;
    // However firm its own demands, it takes an offer as good as the fair trade it estimates.
    // As the end nears, a share of that is enough: an agreement signed is worth more than a better one never reached.
    const late = Math.max(0, (2 * view.turn) / this.scenario.turns - 1);
    const bar2 = Math.min(level, Math.max(this.knobs.floor, this.knobs.acceptShare * this.claim(view) * fair * (1 - LATE_DISCOUNT * late)));
    // A skilled counterpart reads a side that signs its packages readily and never counters: from such a side it takes
    // no package that, by its estimate, gives the other side more than itself (it claims more of each deal).
    const claimsEdge = this.knobs.claims > 0 && this.yesSayer(view) && offer.mine < offer.theirs;
    const enough = offer.mine >= this.knobs.floor && ((offer.mine >= bar2 && !claimsEdge) || lastChance) && !this.generousLoss(give, ask);
    if (!bar && enough && this.legal(view, { type: 'accept', side })) {
      const named = namedParts(parts, 'accept');
      const gains = this.listParts(named.filter((x) => x.amount > 0));
      const costs = named.filter((x) => x.amount < 0);
      const weigh = costs.length ? `${gains} ${named.filter((x) => x.amount > 0).length > 1 ? 'weigh' : 'weighs'} more for ${this.me} than ${this.listParts(costs)}` : `${this.me} gains ${gains}`;
      // A teaching counterpart's gift (Knobs.gift): it says that it signs at a loss, and why.
      const reason =
        offer.mine < 0 && costs.length
          ? `${this.me} accepts, though it gives more than it gets (${gains} against ${this.listParts(costs)}): it wants an agreement. ${capital(this.trustWords(view))}.`
          : `${this.me} accepts: ${weigh}. ${capital(this.trustWords(view))}.`;
      return { move: { type: 'accept', side }, reason, basis: { utility: offer.mine, parts, named: named.map((x) => x.key) } };
    }
    const named = bar ? [] : namedParts(parts, 'reject');
    const why = bar ?? this.rejection(view, offer, f, named);
    const basis = bar ? undefined : { utility: offer.mine, parts, named: named.map((x) => x.key) };
    if (this.knobs.counters && packagePermission(this.scenario, view, side, 'counter').may) {
      const { pkg } = this.bid(view, random, candidates, keyOf(give, ask));
      if (pkg && pkg.theirs > 0 && pkg.mine > offer.mine) {
        const move: Move = { type: 'counter', side, give: pkg.give, ask: pkg.ask, format: pkg.format };
        // A counter that gives nothing collects a debt (allowedCandidates offers such packages only then): it says so.
        const debt = pkg.give.length === 0 ? `: ${this.other} owes ${this.me} for what it has conceded so far (${this.list(view.given[this.side])}) and received too little in return` : '';
        if (this.legal(view, move)) return { move, reason: `${sentence(why)} Instead, ${this.describeOffer(pkg)}${debt}.`, basis };
      }
    }
    const reason = this.refusalReason(view, give, bar, offer, f);
    const reject: Move = { type: 'reject', side, reason };
    return { move: this.legal(view, reject) ? reject : { type: 'reject', side }, reason: sentence(why), basis };
  }

  /** Parts of a package in words: "X and progress on Y". */
  private listParts(parts: Part[]): string {
    const t = parts.map((x) => x.label);
    return t.length <= 1 ? (t[0] ?? 'nothing') : `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
  }

  /** Why it refuses, in the rules' three words: its red lines, too little in return, or not while trust is low. */
  private refusalReason(view: SideView, give: string[], bar: string | null, offer: Package, f: ReturnType<NegotiatorAgent['figures']>): RefusalReason {
    if (bar && give.some((id) => this.redLines.has(id))) return 'red-line';
    if (f.deliver < 0.9 && view.meters.trust[this.side] < 35 && offer.mine > 0) return 'not-now';
    return 'not-enough';
  }

  /** Has the other side delayed an obligation, or been caught breaking one? */
  private unreliable(view: SideView): boolean {
    return view.agreements.some((a) => a.obligations[this.them].delays > 0 || a.obligations[this.them].exposed);
  }

  /** Worth of one card to the agent, ignoring who gives it. */
  private worth(id: string): number {
    const c = this.cards.get(id);
    return c ? Math.abs(cardUtility(c, this.side, this.brief.priorities)) : 0;
  }

  /** Why an offer falls short, in terms of the agent's interests, its trust and its politics at home. */
  private rejection(view: SideView, offer: Package, f: ReturnType<NegotiatorAgent['figures']>, named: Part[]): string {
    // What it would still want beyond this offer, said so that it never asks for what is already offered.
    const wanted = this.wantedTrack(view, offer.ask);
    const offeredOn = new Set(offer.ask.map((id) => this.cards.get(id)!.track));
    const inExchange = !wanted
      ? `${this.me} wants something more in exchange`
      : offeredOn.has(wanted)
        ? `${this.me} wants more on ${this.trackName(wanted)} than this`
        : `${this.me} wants something in exchange on ${this.trackName(wanted)}`;
    const costs = named.filter((x) => x.amount < 0);
    const gains = named.filter((x) => x.amount > 0);
    const trust = f.deliver < 0.9 && view.meters.trust[this.side] < 35 ? `; ${this.trustWords(view)}, so it counts little on ${this.other}'s promises` : '';
    if (offer.mine <= 0 && costs.length)
      return `${capital(this.listParts(costs))} ${costs.length > 1 ? 'weigh' : 'weighs'} more for ${this.me} than ${gains.length ? this.listParts(gains) : `anything ${this.other} offers`}${trust}: ${inExchange}`;
    return `${capital(gains.length ? this.listParts(gains) : 'what it gains')} is not enough for ${costs.length ? this.listParts(costs) : 'its signature'}${trust}: ${inExchange}`;
  }

  // ---------------------------------------------------------------- keeping promises

  private implementation(view: SideView, random: () => number): Decision {
    const side = this.side;
    const rules = this.scenario.rules;
    const pending = undecidedObligations(view, side);
    if (pending.length) {
      const a = view.agreements.find((x) => x.id === pending[0])!;
      const mine = a.obligations[side];
      const theirs = a.obligations[this.them];
      const trust = view.meters.trust[side];
      // It never delays into breaking the agreement.
      const canDelay = !brokenByDelays(rules, mine.delays + 1);
      const betrayed = view.agreements.some((x) => x.obligations[this.them].exposed);
      if (canDelay && betrayed && trust < 30)
        return { move: { type: 'delay', side, agreement: a.id }, reason: `After a broken promise, ${this.me} holds back on agreement ${a.id}: ${this.trustWords(view)}.` };
      if (canDelay && this.difficulty !== 'easy' && theirs.status === 'pending' && theirs.cards.length > 0 && theirs.delays > mine.delays)
        return { move: { type: 'delay', side, agreement: a.id }, reason: `${this.me} will move on agreement ${a.id} when ${this.other} does: ${this.other} has delayed its part.` };
      // With a side that drags its feet, it moves second: it waits for their part once (a second wait would leave no
      // delay in hand); a hardliner's it waits out as long as waiting cannot break the deal, so that a crisis or a slip
      // cannot leave the agent having given alone.
      const waits = this.hardline(view) || (this.unreliable(view) && !brokenByDelays(rules, mine.delays + 2));
      if (canDelay && this.difficulty === 'hard' && waits && theirs.status === 'pending' && theirs.cards.length > 0)
        return { move: { type: 'delay', side, agreement: a.id }, reason: `${this.me} will carry out agreement ${a.id} once ${this.other} has carried out its part: ${this.other} has dragged its feet before.` };
      const cheat = this.defectionPays(view, a.id);
      if (cheat) return { move: { type: 'defect', side, agreement: a.id }, reason: cheat };
      const onDelayTrack = mine.cards.some((id) => this.delayTracks.has(this.cards.get(id)!.track));
      if (this.stance.delayOnce && onDelayTrack && mine.delays === 0 && trust < 50)
        return { move: { type: 'delay', side, agreement: a.id }, reason: `${this.me} drags its feet on agreement ${a.id} — ${textOf(this.stance.delayOnce.why)}${this.cited}.` };
      return { move: { type: 'implement', side, agreement: a.id }, reason: `${this.me} implements agreement ${a.id}: ${this.list(mine.cards)}. Leaders sign agreements, but citizens fulfil them.` };
    }
    const check = verifiable(view, side);
    if (check.length && (this.knobs.verifies >= 1 || random() < this.knobs.verifies))
      return { move: { type: 'verify', side, agreement: check[0] }, reason: `Trust, but verify: ${this.me} checks ${this.other}'s implementation of agreement ${check[0]}.` };
    return { move: { type: 'done', side }, reason: `${this.me} has nothing more to do on its agreements this turn.` };
  }

  /**
   * Deception where it pays (Hard only): it secretly leaves its part of an agreement undone when its record of the
   * other side says verification is unlikely and what it keeps outweighs what being caught would cost (trust, the
   * tracks collapsing, a rise in the risk of confrontation). So verifying is a real decision for the other side.
   * The sentence is for the debrief: the table hides it with the defection.
   */
  private defectionPays(view: SideView, id: string): string | null {
    if (this.difficulty !== 'hard') return null;
    const a = view.agreements.find((x) => x.id === id)!;
    const mine = a.obligations[this.side];
    // How often the other side checked the agent's past parts, given the chance: a side never seen checking is
    // assumed to check one time in two (evidence is needed before it gambles).
    let chances = 0;
    let checked = 0;
    for (const x of view.agreements) {
      const o = x.obligations[this.side];
      if (x.id === id || o.cards.length === 0 || o.status === 'pending' || o.decidedTurn >= view.turn) continue;
      chances++;
      if (o.verified || o.exposed) checked++;
    }
    if (chances < DECEIT_EVIDENCE) return null;
    const verify = (checked + 1) / (chances + 2);
    // Intelligence may expose it at the end of this turn and of every turn still to come.
    const turnsLeft = Math.max(0, this.scenario.turns - view.turn);
    const caught = 1 - (1 - verify) * (1 - this.scenario.rules.exposeChance) ** (turnsLeft + 1);
    // What it keeps: the worth to it of the cards it would not deliver.
    let kept = 0;
    for (const c of mine.cards) kept += Math.max(0, -cardUtility(this.cards.get(c)!, this.side, this.brief.priorities));
    // What being caught costs: the agreement's tracks collapse (from where they would stand, to the collapsed stage),
    // the risk of confrontation rises, and trust is gone for the deals still to come.
    let lost = 0;
    for (const t of a.tracks) {
      const def = this.scenario.tracks.find((x) => x.id === t)!;
      const now = stageShare(def.stages.find((x) => x.id === view.tracks[t].stage), this.side);
      const collapsed = stageShare(def.stages.find((x) => x.id === nextStage(def, view.tracks[t].stage, 'DEFECT', view)), this.side);
      lost += Math.max(0, now - collapsed) * (this.brief.priorities[t] ?? 0);
    }
    lost += 0.5 + DEALS_AT_RISK * Math.min(turnsLeft, 4);
    if ((1 - caught) * kept <= caught * lost) return null;
    return `${this.me} leaves its part of agreement ${id} undone in secret: ${this.other} has rarely checked, and ${this.list(mine.cards)} ${mine.cards.length > 1 ? 'are' : 'is'} worth the risk of being found out.`;
  }

  private legal(view: SideView, move: Move): boolean {
    return whyNot(this.scenario as unknown as Scenario, view, move) === null;
  }
}

/** The tone a side's statement took in one turn's record, if it made one. */
function toneIn(log: SideView['history'][number], side: Side): Tone | undefined {
  for (const m of log.moves) if (m.type === 'statement' && m.side === side) return m.tone;
  return undefined;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** End a clause as a sentence, without doubling its full stop. */
const sentence = (s: string) => `${s.replace(/[.\s]+$/, '')}.`;

const keyOf = (give: string[], ask: string[]) => `${[...give].sort().join('+')}>${[...ask].sort().join('+')}`;

/** All subsets of at most k items (the empty one first). */
function subsets(items: string[], k: number): string[][] {
  const out: string[][] = [[]];
  const walk = (from: number, acc: string[]) => {
    if (acc.length === k) return;
    for (let i = from; i < items.length; i++) {
      const next = [...acc, items[i]];
      out.push(next);
      walk(i + 1, next);
    }
  };
  walk(0, []);
  return out;
}
