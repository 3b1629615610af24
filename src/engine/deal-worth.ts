// What a package is worth to each side: the change in that side's score that proposing, signing, implementing and
// verifying it in one turn would bring, from a given state. Built from the engine's own rules — the signing costs
// and gains below (moves.ts applies them), trustAfter, nextStage, cardUtility, progressUtility and the score's
// parts — so the deal analysis (src/ai/analysis.ts) and the game cannot drift apart; tests/unit/deal-worth.test.ts
// plays packages through applyMove and compares.
import { conditionCuts, conditionTracks } from './conditions';
import { METER_MAX, METER_MIN, clampMeter, trustAfterInTurn, trustGainedThisTurn } from './meters';
import { escalationScore, supportScore } from './outcome';
import { indexOf, onTable, settledBy } from './scenario-index';
import { nextStage } from './track-machine';
import { cardUtility, progressUtility } from './utility';
import {
  otherSide,
  type Agreement,
  type CardDef,
  type Format,
  type GameState,
  type MeterPath,
  type Rules,
  type Scenario,
  type Seats,
  type Side,
  type TrackDef,
  type TrackEventType,
} from './types';

// ------------------------------------------------------------------ rules of signing (moves.ts applies these)

/** Support the giver loses for a concession when the agreement is signed: its cost, more when its hawks are loud, less in a multilateral format. */
export function concessionCost(rules: Rules, hawks: number, card: CardDef, format: Format): number {
  return card.cost * hawkFactor(rules, hawks) * venueFactor(rules, format);
}

/** Concessions cost their giver more at home the louder its hawks are. */
export const hawkFactor = (rules: Rules, hawks: number): number => 1 + hawks * rules.hawkCostPerPoint;

/** A multilateral venue (P5+1, the NRC) makes every concession of a package cheaper at home. */
export const venueFactor = (rules: Rules, format: Format | undefined): number => (format === 'multilateral' ? rules.multilateralCost : 1);

/** Support the receiver wins for a concession when the agreement is signed. */
export function concessionGain(rules: Rules, card: CardDef): number {
  return (rules.receiveSupport * card.value) / 2;
}

/** The trust each side gains when an agreement is signed, in the order applied: for signing; then for reciprocity, when both sides give. */
export function signingTrust(rules: Rules, reciprocal: boolean): { amount: number; reciprocity: boolean }[] {
  const steps = [{ amount: rules.signTrust, reciprocity: false }];
  if (reciprocal) steps.push({ amount: rules.reciprocityTrust, reciprocity: true });
  return steps;
}

/** A third party this unsure of its patron feels abandoned: the patron loses support at the end of every turn. */
export const alliesAlarmed = (rules: Rules, confidence: number): boolean => confidence < rules.allyAlarmBelow;

// ------------------------------------------------------------------ the model of a package's turn

/** What the engine sends a package's tracks, in order: proposing it, signing it, both sides implementing it, both verifying it. */
export type DealEvent = Extract<TrackEventType, 'TALKS' | 'SIGN' | 'IMPLEMENT' | 'VERIFY'>;
export const DEAL_EVENTS: readonly DealEvent[] = ['TALKS', 'SIGN', 'IMPLEMENT', 'VERIFY'];

/** A concession a package may hold, and what it does on its own. */
export interface Concession {
  card: CardDef;
  /** Its place in the scenario's list of cards. */
  index: number;
  /** What it is worth to each side once delivered (the deals part of the score). */
  deals: Record<Side, number>;
  /**
   * The meters signing it moves — both sides' support, third parties' confidence, escalation — in whole points as
   * the engine applies them, for each format (null: its track has no multilateral venue).
   */
  signing: { bilateral: Record<MeterPath, number>; multilateral: Record<MeterPath, number> | null };
  /** Its deals, support and escalation parts of each side's score, per format (null as above). */
  worth: { bilateral: Record<Side, number>; multilateral: Record<Side, number> | null };
}

export interface AlarmRule {
  party: string;
  patron: Side;
  /** The meter (allies.<id>), and the lowest confidence at which the party is not alarmed. */
  meter: MeterPath;
  calmFrom: number;
  /** Whether it is alarmed already in the state the model starts from. */
  before: boolean;
  /** The patron's support change at each turn end while it is alarmed, in whole points. */
  supportPerTurn: number;
  /** What becoming alarmed costs each side's score over the turn ends left (0 for the side that is not its patron). */
  worth: Record<Side, number>;
}

export interface DealModel {
  scenario: Scenario;
  /** The two seats, in the scenario's order. */
  seats: Seats;
  /** The state the package would be proposed in. */
  from: GameState;
  /** Who proposes (the engine sends track events in the order of the proposal's cards: the proposer's first). */
  proposer: Side;
  /** The concessions a package may hold, in scenario order: not conceded yet, and no side's red line. */
  open: Concession[];
  byId: Map<string, Concession>;
  /** Turn ends still to come, this turn's included (a party left alarmed costs support at each). */
  turnsLeft: number;
  /** What carrying out an agreement brings each side's score (support at home when it delivers). */
  delivered: Record<Side, number>;
  /** Each side's support change when the agreement delivers, in whole points. */
  deliveredSupport: Record<Side, number>;
  alarms: AlarmRule[];
  /** The track progress part of each side's score in `from`. */
  progressFrom: Record<Side, number>;
}

/** The model of packages proposed in `from` (by the side with the initiative unless told). */
export function dealModel(scenario: Scenario, from: GameState, options: { proposer?: Side } = {}): DealModel {
  const rules = scenario.rules;
  const seats = from.seats;
  const perSeat = <T>(f: (s: Side) => T): Record<Side, T> => Object.fromEntries(seats.map((s) => [s, f(s)]));
  const red = new Set(seats.flatMap((s) => scenario.sides[s].redLines.map((r) => r.card)));
  const given = new Set(seats.flatMap((s) => from.given[s]));
  const venues = new Set(scenario.tracks.filter((t) => t.venue !== undefined).map((t) => t.id));
  // The change a meter shows for a delta, rounded as changeMeter rounds it, away from the meter's bounds (whether a
  // package takes a meter to its bounds is checked on the sums: boundsCaveats).
  const middle = Math.round((METER_MIN + METER_MAX) / 2);
  const applied = (_path: MeterPath, delta: number) => clampMeter(middle + delta) - middle;
  const open: Concession[] = [];
  scenario.cards.forEach((card, index) => {
    // An issue conceded once is settled: none of its options is open any more.
    // A card events have still to bring is not on the table yet.
    if (red.has(card.id) || given.has(card.id) || settledBy(scenario, from.given[card.side], card) || !onTable(scenario, from.firedEvents, card)) return;
    const deals = perSeat((s) => cardUtility(card, s, scenario.sides[s].priorities));
    const signingIn = (format: Format): Record<MeterPath, number> => {
      const m: Record<MeterPath, number> = {};
      const add = (path: MeterPath, delta: number) => {
        const d = applied(path, delta);
        if (d !== 0) m[path] = (m[path] ?? 0) + d;
      };
      add(`support.${card.side}`, -concessionCost(rules, from.meters.hawks[card.side], card, format));
      add(`support.${otherSide(seats, card.side)}`, concessionGain(rules, card));
      for (const [ally, delta] of Object.entries(card.allies)) add(`allies.${ally}`, delta);
      add('escalation', card.escalation);
      return m;
    };
    const worthOf = (m: Record<MeterPath, number>): Record<Side, number> => {
      return perSeat((s) => deals[s] + supportScore(m[`support.${s}`] ?? 0) + escalationScore(m.escalation ?? 0));
    };
    const bilateral = signingIn('bilateral');
    const multilateral = venues.has(card.track) ? signingIn('multilateral') : null;
    open.push({
      card,
      index,
      deals,
      signing: { bilateral, multilateral },
      worth: { bilateral: worthOf(bilateral), multilateral: multilateral && worthOf(multilateral) },
    });
  });
  const turnsLeft = from.phase === 'ended' ? 0 : Math.max(0, scenario.turns - from.turn + 1);
  const deliveredSupport = perSeat((s) => applied(`support.${s}`, rules.implementSupport));
  let calmFrom = METER_MIN;
  while (calmFrom <= METER_MAX && alliesAlarmed(rules, calmFrom)) calmFrom++;
  const alarms: AlarmRule[] = scenario.thirdParties.map((t) => {
    const meter = `allies.${t.id}`;
    const supportPerTurn = applied(`support.${t.patron}`, rules.allyAlarmSupport);
    const worth = perSeat((s) => (s === t.patron ? supportScore(turnsLeft * supportPerTurn) : 0));
    return { party: t.id, patron: t.patron, meter, calmFrom, before: alliesAlarmed(rules, meterOf(from, meter)), supportPerTurn, worth };
  });
  return {
    scenario,
    seats,
    from,
    proposer: options.proposer ?? from.initiative,
    open,
    byId: new Map(open.map((c) => [c.card.id, c])),
    turnsLeft,
    delivered: perSeat((s) => supportScore(deliveredSupport[s])),
    deliveredSupport,
    alarms,
    progressFrom: perSeat((s) => progressUtility(scenario, from, s)),
  };
}

/** A record with a value for each seat. */
const bySeat = <T>(model: DealModel, f: (s: Side) => T): Record<Side, T> => Object.fromEntries(model.seats.map((s) => [s, f(s)]));

function meterOf(g: GameState, path: MeterPath): number {
  if (path === 'escalation') return g.meters.escalation;
  const [group, key] = path.split('.');
  return (g.meters as unknown as Record<string, Record<string, number>>)[group]?.[key] ?? 0;
}

/** The order the engine follows for a package: its cards as the proposal lists them (the proposer's first, each in scenario order), its tracks by first card. */
export function packageOrder(model: DealModel, cards: readonly Concession[]): { gives: Record<Side, Concession[]>; tracks: string[]; counts: Record<string, number> } {
  const sorted = [...cards].sort((a, b) => Number(a.card.side !== model.proposer) - Number(b.card.side !== model.proposer) || a.index - b.index);
  const gives: Record<Side, Concession[]> = Object.fromEntries(model.seats.map((s) => [s, []]));
  const counts: Record<string, number> = {};
  const tracks: string[] = [];
  for (const c of sorted) {
    gives[c.card.side].push(c);
    if (counts[c.card.track] === undefined) tracks.push(c.card.track);
    counts[c.card.track] = (counts[c.card.track] ?? 0) + 1;
  }
  return { gives, tracks, counts };
}

/** A side's trust through a turn: each change as changeTrust makes it, gains counted against the turn's limit. */
class TrustInTurn {
  readonly value: Record<Side, number>;
  private readonly gained: Record<Side, number>;
  constructor(
    private readonly rules: Rules,
    from: GameState,
    seats: readonly Side[],
  ) {
    this.value = { ...from.meters.trust };
    this.gained = Object.fromEntries(seats.map((s) => [s, trustGainedThisTurn(from, s)]));
  }
  change(side: Side, amount: number): void {
    const before = this.value[side];
    this.value[side] = trustAfterInTurn(this.rules, before, amount, this.gained[side]);
    if (this.value[side] > before) this.gained[side] += this.value[side] - before;
  }
  copy(): Record<Side, number> {
    return { ...this.value };
  }
}

/** Each side's trust once the agreement is signed (reciprocal: both sides give). */
export function trustWhenSigned(model: DealModel, reciprocal: boolean): Record<Side, number> {
  return signedTrust(model, reciprocal).copy();
}

function signedTrust(model: DealModel, reciprocal: boolean): TrustInTurn {
  const rules = model.scenario.rules;
  const t = new TrustInTurn(rules, model.from, model.seats);
  for (const s of model.seats) for (const step of signingTrust(rules, reciprocal)) t.change(s, step.amount);
  return t;
}

/**
 * Each side's trust when the engine sends each event to a package's tracks. `gives`: the concessions each side gives;
 * each side's trust grows as the other's are implemented, in this order, then by verifying them.
 */
export function trustAt(model: DealModel, gives: Record<Side, readonly { card: CardDef }[]>): Record<DealEvent, Record<Side, number>> {
  const rules = model.scenario.rules;
  const seats = model.seats;
  const t = signedTrust(model, seats.every((s) => (gives[s]?.length ?? 0) > 0));
  const SIGN = t.copy();
  // Each side implements in seat order; the other's trust moves with each card.
  for (const giver of seats) for (const c of gives[giver] ?? []) t.change(otherSide(seats, giver), c.card.trust);
  const IMPLEMENT = t.copy();
  // Each side verifies in seat order: its trust grows, the checked side's falls (checking signals distrust).
  for (const s of seats) {
    if ((gives[otherSide(seats, s)]?.length ?? 0) === 0) continue;
    t.change(s, rules.verifyTrust);
    t.change(otherSide(seats, s), rules.verifyDistrust);
  }
  return { TALKS: model.from.meters.trust, SIGN, IMPLEMENT, VERIFY: t.copy() };
}

/** The meters the guards see when the engine sends `event`, given each side's trust then and what signing moved (`signed`, by meter). */
export function metersAt(model: DealModel, event: DealEvent, trust: Record<Side, number>, signed: Record<MeterPath, number>): GameState['meters'] {
  const m = model.from.meters;
  if (event === 'TALKS') return m;
  const out: GameState['meters'] = {
    trust: { ...trust },
    support: { ...m.support },
    hawks: m.hawks,
    allies: { ...m.allies },
    escalation: m.escalation + (signed.escalation ?? 0),
  };
  for (const s of model.seats) out.support[s] += (signed[`support.${s}`] ?? 0) + (event === 'SIGN' ? 0 : model.deliveredSupport[s]);
  for (const id of Object.keys(out.allies)) out.allies[id] += signed[`allies.${id}`] ?? 0;
  return out;
}

/**
 * Where a package leaves its tracks: each gets TALKS, SIGN, IMPLEMENT and VERIFY in turn, in `order`, the engine's
 * own track machines deciding each step with the meters `meters(event)` returns.
 */
export function runTracks(
  model: DealModel,
  order: readonly string[],
  counts: Record<string, number>,
  meters: (event: DealEvent) => GameState['meters'],
): GameState['tracks'] {
  const { tracks } = indexOf(model.scenario);
  const from = model.from;
  const signed: Agreement = { id: 'package', turn: from.turn, proposer: model.proposer, format: 'bilateral', tracks: [...order], cardsPerTrack: counts, status: 'signed', obligations: Object.fromEntries(model.seats.map((s) => [s, emptyObligation()])) };
  const world: GameState = { ...from, tracks: { ...from.tracks } };
  const withPackage = [...from.agreements, signed];
  for (const event of DEAL_EVENTS) {
    world.meters = meters(event);
    world.agreements = event === 'TALKS' ? from.agreements : withPackage;
    for (const t of order) {
      const stage = world.tracks[t].stage;
      const to = nextStage(tracks.get(t)!, stage, event, world);
      if (to !== stage) world.tracks[t] = { stage: to, since: from.turn };
    }
  }
  return world.tracks;
}

const emptyObligation = () => ({ cards: [], status: 'pending' as const, delays: 0, decidedTurn: 0, verified: false, exposed: false });

/** What the change of stages on some tracks adds to each side's score. */
export function progressWorth(model: DealModel, tracks: GameState['tracks']): Record<Side, number> {
  const after = { ...model.from, tracks } as GameState;
  return Object.fromEntries(model.seats.map((s) => [s, progressUtility(model.scenario, after, s) - model.progressFrom[s]]));
}

export interface PackageWorth {
  /** The change in each side's score, by the scenario's side ids. */
  worth: Record<Side, number>;
  /** The same, part by part (in score points): the concessions, track progress, support at home, escalation. */
  parts: Record<Side, { deals: number; progress: number; support: number; escalation: number }>;
  /** The change in meters by the end of the turn (support includes what alarmed third parties cost over the turns left). */
  meters: { support: Record<Side, number>; escalation: number; allies: Record<string, number> };
  /** Where the tracks stand after it. */
  tracks: GameState['tracks'];
  /**
   * The sides it would cost their office: support at 0 once it is signed, or by the last turn end through the third
   * parties it leaves alarmed (no side signs its own fall: the analysis leaves such packages out).
   */
  losesOffice: Side[];
  /** Empty when the figures are what the engine would do; otherwise why they may not be (a meter at its bounds). */
  caveats: string[];
}

/** Whether a side keeps its office after a package moved its support by `signed` on signing, given what the third parties it newly alarms cost at each turn end. */
export function keepsOffice(model: DealModel, side: Side, signed: number, alarmsPerTurn: number): boolean {
  const v = model.from.meters.support[side];
  return v + signed > 0 && v + signed + model.deliveredSupport[side] + model.turnsLeft * alarmsPerTurn > 0;
}

/**
 * What a package is worth to each side (cards by id, none already conceded; multilateral only where every card's track
 * has a venue). `caveats: false` skips checking the meters' bounds (a caller that checked them for all packages).
 */
export function packageWorth(model: DealModel, ids: readonly string[], format: Format = 'bilateral', options: { caveats?: boolean } = {}): PackageWorth {
  const cards = ids.map((id) => {
    const c = model.byId.get(id);
    if (!c) throw new Error(`packageWorth: "${id}" is not an open concession in this state`);
    if (format === 'multilateral' && !c.signing.multilateral) throw new Error(`packageWorth: "${id}" has no multilateral venue`);
    return c;
  });
  const rules = model.scenario.rules;
  const zero = { deals: 0, progress: 0, support: 0, escalation: 0 };
  if (cards.length === 0)
    return {
      worth: bySeat(model, () => 0),
      parts: bySeat(model, () => ({ ...zero })),
      meters: { support: bySeat(model, () => 0), escalation: 0, allies: {} },
      tracks: model.from.tracks,
      losesOffice: [],
      caveats: [],
    };
  const { gives, tracks: order, counts } = packageOrder(model, cards);
  const signed: Record<MeterPath, number> = {};
  for (const c of cards) for (const [path, d] of Object.entries(c.signing[format]!)) signed[path] = (signed[path] ?? 0) + d;
  const trust = trustAt(model, gives);
  const tracks = runTracks(model, order, counts, (e) => metersAt(model, e, trust[e], signed));
  const progress = progressWorth(model, tracks);

  const allies: Record<string, number> = {};
  const support = bySeat(model, (s) => (signed[`support.${s}`] ?? 0) + model.deliveredSupport[s]);
  const alarmWorth = bySeat(model, () => 0);
  const newlyAlarmed = bySeat(model, () => 0);
  for (const a of model.alarms) {
    const d = signed[a.meter] ?? 0;
    if (d !== 0) allies[a.party] = d;
    const after = alliesAlarmed(rules, meterOf(model.from, a.meter) + d);
    if (after === a.before) continue;
    const sign = after ? 1 : -1;
    for (const s of model.seats) alarmWorth[s] += sign * a.worth[s];
    support[a.patron] += sign * model.turnsLeft * a.supportPerTurn;
    if (after) newlyAlarmed[a.patron] += a.supportPerTurn;
  }
  const escalation = signed.escalation ?? 0;
  const parts = bySeat(model, (s) => ({
    deals: cards.reduce((n, c) => n + c.deals[s], 0),
    progress: progress[s],
    support: supportScore((signed[`support.${s}`] ?? 0) + model.deliveredSupport[s]) + alarmWorth[s],
    escalation: escalationScore(escalation),
  }));
  const worth = bySeat(model, (s) => parts[s].deals + parts[s].progress + parts[s].support + parts[s].escalation);
  const losesOffice = model.seats.filter((s) => !keepsOffice(model, s, signed[`support.${s}`] ?? 0, newlyAlarmed[s]));
  return { worth, parts, meters: { support, escalation, allies }, tracks, losesOffice, caveats: options.caveats === false ? [] : boundsCaveats(model, cards, format) };
}

/**
 * Why the figures for packages of these concessions might not be the engine's: a meter that could reach its bounds
 * on the way (a change is then cut short, or the game ends). `format`: the packages' format, or either.
 */
export function boundsCaveats(model: DealModel, cards: readonly Concession[], format: Format | 'either'): string[] {
  const lo: Record<MeterPath, number> = {};
  const hi: Record<MeterPath, number> = {};
  const add = (path: MeterPath, down: number, up: number) => {
    if (down < 0) lo[path] = (lo[path] ?? 0) + down;
    if (up > 0) hi[path] = (hi[path] ?? 0) + up;
  };
  for (const c of cards) {
    if (format !== 'either') {
      const m = c.signing[format]!;
      for (const path in m) add(path, m[path], m[path]);
      continue;
    }
    const b = c.signing.bilateral;
    const m = c.signing.multilateral ?? b;
    for (const path in b) add(path, Math.min(b[path], m[path] ?? 0), Math.max(b[path], m[path] ?? 0));
    for (const path in m) if (!(path in b)) add(path, Math.min(0, m[path]), Math.max(0, m[path]));
  }
  const out: string[] = [];
  for (const path of new Set([...Object.keys(lo), ...Object.keys(hi)])) {
    const v = meterOf(model.from, path);
    const top = path.startsWith('support.') ? (hi[path] ?? 0) + Math.max(0, model.deliveredSupport[path.slice(8) as Side]) : hi[path] ?? 0;
    // A third party's confidence is only compared with levels inside its bounds: cut short while it only falls (or
    // only rises), it is on the same side of every such level as the sum.
    const compared = !path.startsWith('support.') && path !== 'escalation';
    if (compared && (lo[path] === undefined || hi[path] === undefined)) continue;
    if (v + (lo[path] ?? 0) < METER_MIN) out.push(`${path} could be cut short at ${METER_MIN} on the way from ${v}`);
    if (v + top > METER_MAX) out.push(`${path} could be cut short at ${METER_MAX} on the way from ${v}`);
    if (path === 'escalation' && v + top >= METER_MAX) out.push(`escalation could reach ${METER_MAX} and end the game, from ${v}`);
  }
  return out;
}

// ------------------------------------------------------------------ what the analysis must know about the tracks

/** A guard a package may meet on a track: the event, and the meters and other tracks it reads. */
export interface GuardRead {
  track: string;
  event: DealEvent;
  cuts: { meter: MeterPath; at: number }[];
  tracks: string[];
}

/** The guards a package can meet on `track` from where it stands: every transition its four events could take, whatever the guards decide. */
export function guardsAhead(model: DealModel, track: string): GuardRead[] {
  const def: TrackDef = indexOf(model.scenario).tracks.get(track)!;
  const out: GuardRead[] = [];
  let stages = new Set([model.from.tracks[track].stage]);
  for (const event of DEAL_EVENTS) {
    const next = new Set(stages);
    for (const id of stages) {
      const stage = def.stages.find((s) => s.id === id);
      const t = stage && !stage.final ? stage.on[event] : undefined;
      if (!t) continue;
      next.add(t.to);
      if (t.needs) out.push({ track, event, cuts: conditionCuts(t.needs, model.seats), tracks: conditionTracks(t.needs) });
    }
    stages = next;
  }
  return out;
}
