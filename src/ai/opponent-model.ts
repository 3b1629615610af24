// What the other side values, learned from what it does (a Bayesian opponent model).
// Hypotheses are candidate priority vectors (0..10 per track, like the scenario's hidden ones);
// each public act of the other side reweighs them by how likely that act was under each:
// a side asks for what it values, gives what it values least, accepts what is worth it to it.
// It reads only public moves from the side's own view; the other side's brief is never touched.
import { allMoves, makeRandom, otherSide, type CardDef, type Move, type PublicScenario, type Side, type SideView } from '../engine';

/** How sharply a side picks the cards it values (per point of worth). */
const ASK_SHARPNESS = 0.7;
const GIVE_SHARPNESS = 0.5;
/** How fast the weight of a side's later offers falls (the k-th counts 1 / (1 + decay·k)). */
const OFFER_DECAY = 0.5;
/** How reliably an answer follows the package's worth to the one answering. */
const ANSWER_SHARPNESS = 0.5;
/** Weight of the evidence from answers, against that of the side's own proposals. A refusal says
 *  less than a signature: red lines, politics at home and the package's shape refuse deals too. */
const ACCEPT_WEIGHT = 0.6;
const REJECT_WEIGHT = 0.2;

export interface OpponentModelOptions {
  hypotheses?: number;
  /** Seed for drawing the hypotheses (agent-local, never the game's generator). */
  seed?: number;
}

/** What each side has conceded in signed deals, by the scenario's own seats (india, pakistan). */
const noneGiven = (seats: readonly Side[]): Record<Side, Set<string>> => Object.fromEntries(seats.map((s) => [s, new Set<string>()]));

export class OpponentModel {
  readonly tracks: string[];
  readonly them: Side;
  private readonly weights: Float64Array[];
  private readonly logPost: Float64Array;
  private readonly cards: Map<string, CardDef>;
  private seen = 0;
  private offersSeen = 0;
  private given: Record<Side, Set<string>>;
  /** My cards the other side has asked for in its packages so far. */
  private askedBefore = new Set<string>();
  private proposal: { by: Side; give: string[]; ask: string[] } | null = null;
  private cachedMean: Record<string, number> | null = null;
  /** Acts learned from, for the debrief ("learned from 7 of Washington's moves"). */
  observations = 0;

  constructor(
    private readonly scenario: PublicScenario,
    readonly me: Side,
    options: OpponentModelOptions = {},
  ) {
    this.them = otherSide(scenario.seats, me);
    this.given = noneGiven(scenario.seats);
    this.tracks = scenario.tracks.map((t) => t.id);
    this.cards = new Map(scenario.cards.map((c) => [c.id, c]));
    const n = options.hypotheses ?? 400;
    const random = makeRandom(options.seed ?? 7);
    this.weights = [];
    // One "flat" hypothesis (all tracks equal), the rest drawn at random. Each is scaled to an average
    // of 5, the middle of the 0..10 scale: only the priorities' proportions can be learned from choices,
    // and a free scale would let refusals drag every weight down together.
    // Every drawn vector comes with all its rotations across the tracks, so that before any evidence
    // the estimate favours no track at all.
    this.weights.push(Float64Array.from(this.tracks, () => 5));
    const t = this.tracks.length;
    while (this.weights.length + t <= Math.max(n, t + 1)) {
      const w = Float64Array.from(this.tracks, () => random() * 10);
      const mean = w.reduce((a, b) => a + b, 0) / w.length || 1;
      const scaled = w.map((x) => Math.min(10, (x * 5) / mean));
      for (let r = 0; r < t; r++) this.weights.push(Float64Array.from(this.tracks, (_, i) => scaled[(i + r) % t]));
    }
    this.logPost = new Float64Array(this.weights.length);
  }

  /** Learn from every public move the view shows that has not been seen yet. */
  update(view: SideView): void {
    const moves = allMoves(view);
    if (moves.length < this.seen) this.reset();
    for (let i = this.seen; i < moves.length; i++) this.observe(moves[i]);
    this.seen = moves.length;
  }

  private reset(): void {
    this.seen = 0;
    this.logPost.fill(0);
    this.given = noneGiven(this.scenario.seats);
    this.proposal = null;
    this.askedBefore.clear();
    this.observations = 0;
    this.offersSeen = 0;
    this.cachedMean = null;
  }

  private observe(m: Move): void {
    if (m.type === 'propose' || m.type === 'counter') {
      if (m.side === this.them) this.learnFromPackage(m.give, m.ask);
      this.proposal = { by: m.side, give: [...m.give], ask: [...m.ask] };
    } else if (m.type === 'accept' || m.type === 'reject') {
      const p = this.proposal;
      if (p && m.side === this.them && p.by === this.me) this.learnFromAnswer(p, m.type === 'accept');
      if (p && m.type === 'accept') {
        for (const id of p.give) this.given[p.by].add(id);
        for (const id of p.ask) this.given[otherSide(this.scenario.seats, p.by)].add(id);
      }
      this.proposal = null;
    }
  }

  /** Index of a card's track in the hypothesis vectors. */
  private trackIndex(card: CardDef): number {
    return this.tracks.indexOf(card.track);
  }

  private open(owner: Side): CardDef[] {
    return this.scenario.cards.filter((c) => c.side === owner && !this.given[owner].has(c.id));
  }

  /** Their asks (my cards) are picked in proportion to exp(sharpness × worth to them). */
  private learnFromPackage(give: string[], ask: string[]): void {
    // A card it asked for before and asks for no longer was not passed over: a side that does not repeat a refused
    // package walks down its list, so its later asks are chosen from what it has not asked for yet.
    const mine = this.open(this.me).filter((c) => !this.askedBefore.has(c.id) || ask.includes(c.id));
    for (const id of ask) this.askedBefore.add(id);
    const theirs = this.open(this.them);
    const asked = ask.map((id) => this.cards.get(id)).filter((c): c is CardDef => !!c);
    const gave = give.map((id) => this.cards.get(id)).filter((c): c is CardDef => !!c);
    if (asked.length === 0 && gave.length === 0) return;
    // Opening offers say most about what a side wants; later ones are shaped by what was refused.
    const weight = 1 / (1 + OFFER_DECAY * this.offersSeen++);
    this.observations++;
    this.cachedMean = null;
    const askChoice = choiceOf(asked, mine);
    const giveChoice = choiceOf(gave, theirs);
    const askTracks = askChoice.pool.map((c) => this.trackIndex(c));
    const giveTracks = giveChoice.pool.map((c) => this.trackIndex(c));
    for (let h = 0; h < this.weights.length; h++) {
      const w = this.weights[h];
      let lp = 0;
      if (asked.length) lp += choiceLogLikelihood(askChoice, w, askTracks, ASK_SHARPNESS);
      if (gave.length) lp += choiceLogLikelihood(giveChoice, w, giveTracks, -GIVE_SHARPNESS);
      this.logPost[h] += weight * lp;
    }
  }

  /** An answer to my package: likelier to be "yes" the more the package is worth to them. */
  private learnFromAnswer(p: { give: string[]; ask: string[] }, accepted: boolean): void {
    this.observations++;
    this.cachedMean = null;
    const received = p.give.map((id) => this.cards.get(id)).filter((c): c is CardDef => !!c);
    const paid = p.ask.map((id) => this.cards.get(id)).filter((c): c is CardDef => !!c);
    for (let h = 0; h < this.weights.length; h++) {
      const w = this.weights[h];
      let u = 0;
      for (const c of received) u += (c.value * w[this.trackIndex(c)]) / 5;
      for (const c of paid) u -= (c.value * w[this.trackIndex(c)]) / 5;
      const x = ANSWER_SHARPNESS * u;
      this.logPost[h] += accepted ? ACCEPT_WEIGHT * logSigmoid(x) : REJECT_WEIGHT * logSigmoid(-x);
    }
  }

  /** Posterior probabilities of the hypotheses. */
  private posterior(): Float64Array {
    let max = -Infinity;
    for (const x of this.logPost) max = Math.max(max, x);
    const p = new Float64Array(this.logPost.length);
    let sum = 0;
    for (let h = 0; h < p.length; h++) {
      p[h] = Math.exp(this.logPost[h] - max);
      sum += p[h];
    }
    for (let h = 0; h < p.length; h++) p[h] /= sum;
    return p;
  }

  /** The estimate of the other side's priorities, per track on the scenario's 0..10 scale. */
  beliefs(): Record<string, number> {
    if (this.cachedMean) return { ...this.cachedMean };
    const p = this.posterior();
    const mean: Record<string, number> = {};
    this.tracks.forEach((t, i) => {
      let m = 0;
      for (let h = 0; h < p.length; h++) m += p[h] * this.weights[h][i];
      mean[t] = Math.round(m * 100) / 100;
    });
    this.cachedMean = mean;
    return { ...mean };
  }
}

/** Cards a side chose from a pool: the pool (with the chosen ones in it) and their positions in it. */
interface Choice {
  pool: CardDef[];
  picked: number[];
}

function choiceOf(picked: CardDef[], pool: CardDef[]): Choice {
  const all = [...pool];
  for (const c of picked) if (!all.some((x) => x.id === c.id)) all.push(c);
  return { pool: all, picked: picked.map((c) => all.findIndex((x) => x.id === c.id)) };
}

/** Log-likelihood of picking the cards (in order, without replacement) by a softmax on worth to the picker. */
function choiceLogLikelihood(choice: Choice, w: Float64Array, trackIndex: number[], sharpness: number): number {
  const { pool, picked } = choice;
  const score = pool.map((c, i) => Math.exp((sharpness * c.value * w[trackIndex[i]]) / 5));
  let lp = 0;
  let norm = 0;
  for (const x of score) norm += x;
  for (const i of picked) {
    lp += Math.log(score[i] / norm);
    norm -= score[i];
  }
  return lp;
}

const logSigmoid = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
