// What a package is worth to each side: the change in that side's score that proposing, signing, implementing and
// verifying it in one turn would bring, from a given state. Built from the engine's own rules — the signing costs
// and gains below (moves.ts applies them), trustAfter, nextStage, cardUtility, progressUtility and the score's
// parts — so the deal analysis (src/ai/analysis.ts) and the game cannot drift apart; tests/unit/deal-worth.test.ts
// plays packages through applyMove and compares.
import { conditionCuts, conditionTracks } from './conditions';
import { METER_MAX, METER_MIN, clampMeter, trustAfter } from './meters';
import { escalationScore, supportScore } from './outcome';
import { indexOf } from './scenario-index';
import { nextStage } from './track-machine';
import { cardUtility, progressUtility } from './utility';
import {
  SIDES,
  otherSide,
  type Agreement,
  type CardDef,
  type Format,
  type GameState,
  type MeterPath,
  type Rules,
  type Scenario,
  type Side,
  type TrackDef,
  type TrackEventType,
} from './types';

// ------------------------------------------------------------------ rules of signing (moves.ts applies these)

/** Support the giver loses for a concession when the agreement is signed: its cost, more when its hawks are loud, less in a multilateral format. */
export function concessionCost(rules: Rules, hawks: number, card: CardDef, format: Format): number {
  const hawkFactor = 1 + hawks * rules.hawkCostPerPoint;
  const venue = format === 'multilateral' ? rules.multilateralCost : 1;
  return card.cost * hawkFactor * venue;
}

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
  signing: Record<Format, Record<MeterPath, number> | null>;
  /** Its deals, support and escalation parts of each side's score, per format (null as above). */
  worth: Record<Format, Record<Side, number> | null>;
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
}

/** The model of packages proposed in `from` (by the side with the initiative unless told). */
export function dealModel(scenario: Scenario, from: GameState, options: { proposer?: Side } = {}): DealModel {
  const rules = scenario.rules;
  const red = new Set(SIDES.flatMap((s) => scenario.sides[s].redLines.map((r) => r.card)));
  const given = new Set([...from.given.us, ...from.given.ru]);
  const venues = new Set(scenario.tracks.filter((t) => t.venue !== undefined).map((t) => t.id));
  // The change a meter shows for a delta: rounded as changeMeter rounds it (exact while no meter reaches its bounds).
  const applied = (path: MeterPath, delta: number) => {
    const before = meterOf(from, path);
    return clampMeter(before + delta) - before;
  };
  const open: Concession[] = [];
  scenario.cards.forEach((card, index) => {
    if (red.has(card.id) || given.has(card.id)) return;
    const deals = { us: cardUtility(card, 'us', scenario.sides.us.priorities), ru: cardUtility(card, 'ru', scenario.sides.ru.priorities) };
    const signingIn = (format: Format): Record<MeterPath, number> => {
      const m: Record<MeterPath, number> = {};
      const add = (path: MeterPath, delta: number) => {
        const d = applied(path, delta);
        if (d !== 0) m[path] = (m[path] ?? 0) + d;
      };
      add(`support.${card.side}`, -concessionCost(rules, from.meters.hawks[card.side], card, format));
      add(`support.${otherSide(card.side)}`, concessionGain(rules, card));
      for (const [ally, delta] of Object.entries(card.allies)) add(`allies.${ally}`, delta);
      add('escalation', card.escalation);
      return m;
    };
    const worthOf = (m: Record<MeterPath, number>): Record<Side, number> => {
      const w = { us: deals.us, ru: deals.ru };
      for (const s of SIDES) w[s] += supportScore(m[`support.${s}`] ?? 0) + escalationScore(m.escalation ?? 0);
      return w;
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
  const deliveredSupport = { us: applied('support.us', rules.implementSupport), ru: applied('support.ru', rules.implementSupport) };
  let calmFrom = METER_MIN;
  while (calmFrom <= METER_MAX && alliesAlarmed(rules, calmFrom)) calmFrom++;
  const alarms: AlarmRule[] = scenario.thirdParties.map((t) => {
    const meter = `allies.${t.id}`;
    const supportPerTurn = applied(`support.${t.patron}`, rules.allyAlarmSupport);
    const worth = { us: 0, ru: 0 };
    worth[t.patron] = supportScore(turnsLeft * supportPerTurn);
    return { party: t.id, patron: t.patron, meter, calmFrom, before: alliesAlarmed(rules, meterOf(from, meter)), supportPerTurn, worth };
  });
  return {
    scenario,
    from,
    proposer: options.proposer ?? from.initiative,
    open,
    byId: new Map(open.map((c) => [c.card.id, c])),
    turnsLeft,
    delivered: { us: supportScore(deliveredSupport.us), ru: supportScore(deliveredSupport.ru) },
    deliveredSupport,
    alarms,
  };
}

function meterOf(g: GameState, path: MeterPath): number {
  if (path === 'escalation') return g.meters.escalation;
  const [group, key] = path.split('.');
  return (g.meters as unknown as Record<string, Record<string, number>>)[group]?.[key] ?? 0;
}

/** The order the engine follows for a package: its cards as the proposal lists them (the proposer's first, each in scenario order), its tracks by first card. */
export function packageOrder(model: DealModel, cards: readonly Concession[]): { gives: Record<Side, Concession[]>; tracks: string[]; counts: Record<string, number> } {
  const sorted = [...cards].sort((a, b) => Number(a.card.side !== model.proposer) - Number(b.card.side !== model.proposer) || a.index - b.index);
  const gives: Record<Side, Concession[]> = { us: [], ru: [] };
  const counts: Record<string, number> = {};
  const tracks: string[] = [];
  for (const c of sorted) {
    gives[c.card.side].push(c);
    if (counts[c.card.track] === undefined) tracks.push(c.card.track);
    counts[c.card.track] = (counts[c.card.track] ?? 0) + 1;
  }
  return { gives, tracks, counts };
}

/** Each side's trust once the agreement is signed (reciprocal: both sides give). */
export function trustWhenSigned(model: DealModel, reciprocal: boolean): Record<Side, number> {
  const rules = model.scenario.rules;
  const t = { ...model.from.meters.trust };
  for (const s of SIDES) for (const step of signingTrust(rules, reciprocal)) t[s] = trustAfter(rules, t[s], step.amount);
  return t;
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
  for (const s of SIDES) out.support[s] += (signed[`support.${s}`] ?? 0) + (event === 'SIGN' ? 0 : model.deliveredSupport[s]);
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
  const signed: Agreement = { id: 'package', turn: from.turn, proposer: model.proposer, format: 'bilateral', tracks: [...order], cardsPerTrack: counts, status: 'signed', obligations: { us: emptyObligation(), ru: emptyObligation() } };
  const world: GameState = { ...from, tracks: { ...from.tracks } };
  for (const event of DEAL_EVENTS) {
    world.meters = meters(event);
    world.agreements = event === 'TALKS' ? from.agreements : [...from.agreements, signed];
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
  return {
    us: progressUtility(model.scenario, after, 'us') - progressUtility(model.scenario, model.from, 'us'),
    ru: progressUtility(model.scenario, after, 'ru') - progressUtility(model.scenario, model.from, 'ru'),
  };
}

export interface PackageWorth {
  /** The change in each side's score. */
  us: number;
  ru: number;
  /** The same, part by part (in score points): the concessions, track progress, support at home, escalation. */
  parts: Record<Side, { deals: number; progress: number; support: number; escalation: number }>;
  /** The change in meters by the end of the turn (support includes what alarmed third parties cost over the turns left). */
  meters: { support: Record<Side, number>; escalation: number; allies: Record<string, number> };
  /** Where the tracks stand after it. */
  tracks: GameState['tracks'];
  /** Empty when the figures are what the engine would do; otherwise why they may not be (a meter at its bounds). */
  caveats: string[];
}

/** What a package is worth to each side (cards by id, none already conceded; multilateral only where every card's track has a venue). */
export function packageWorth(model: DealModel, ids: readonly string[], format: Format = 'bilateral'): PackageWorth {
  const cards = ids.map((id) => {
    const c = model.byId.get(id);
    if (!c) throw new Error(`packageWorth: "${id}" is not an open concession in this state`);
    if (format === 'multilateral' && !c.signing.multilateral) throw new Error(`packageWorth: "${id}" has no multilateral venue`);
    return c;
  });
  const rules = model.scenario.rules;
  const zero = { deals: 0, progress: 0, support: 0, escalation: 0 };
  if (cards.length === 0)
    return { us: 0, ru: 0, parts: { us: { ...zero }, ru: { ...zero } }, meters: { support: { us: 0, ru: 0 }, escalation: 0, allies: {} }, tracks: model.from.tracks, caveats: [] };
  const { gives, tracks: order, counts } = packageOrder(model, cards);
  const signed: Record<MeterPath, number> = {};
  for (const c of cards) for (const [path, d] of Object.entries(c.signing[format]!)) signed[path] = (signed[path] ?? 0) + d;
  const reciprocal = gives.us.length > 0 && gives.ru.length > 0;
  const trust = { TALKS: model.from.meters.trust, SIGN: trustWhenSigned(model, reciprocal) } as Record<DealEvent, Record<Side, number>>;
  trust.IMPLEMENT = { ...trust.SIGN };
  for (const s of SIDES) for (const c of gives[otherSide(s)]) trust.IMPLEMENT[s] = trustAfter(rules, trust.IMPLEMENT[s], c.card.trust);
  trust.VERIFY = { ...trust.IMPLEMENT };
  for (const s of SIDES) if (gives[otherSide(s)].length > 0) trust.VERIFY[s] = trustAfter(rules, trust.VERIFY[s], rules.verifyTrust);
  const tracks = runTracks(model, order, counts, (e) => metersAt(model, e, trust[e], signed));
  const progress = progressWorth(model, tracks);

  const allies: Record<string, number> = {};
  const support = { us: (signed['support.us'] ?? 0) + model.deliveredSupport.us, ru: (signed['support.ru'] ?? 0) + model.deliveredSupport.ru };
  const alarmWorth = { us: 0, ru: 0 };
  for (const a of model.alarms) {
    const d = signed[a.meter] ?? 0;
    if (d !== 0) allies[a.party] = d;
    const after = alliesAlarmed(rules, meterOf(model.from, a.meter) + d);
    if (after === a.before) continue;
    const sign = after ? 1 : -1;
    for (const s of SIDES) alarmWorth[s] += sign * a.worth[s];
    support[a.patron] += sign * model.turnsLeft * a.supportPerTurn;
  }
  const escalation = signed.escalation ?? 0;
  const parts = {} as PackageWorth['parts'];
  for (const s of SIDES) {
    parts[s] = {
      deals: cards.reduce((n, c) => n + c.deals[s], 0),
      progress: progress[s],
      support: supportScore((signed[`support.${s}`] ?? 0) + model.deliveredSupport[s]) + alarmWorth[s],
      escalation: escalationScore(escalation),
    };
  }
  const total = (s: Side) => parts[s].deals + parts[s].progress + parts[s].support + parts[s].escalation;
  return { us: total('us'), ru: total('ru'), parts, meters: { support, escalation, allies }, tracks, caveats: boundsCaveats(model, cards, format) };
}

/**
 * Why the figures for a set of packages might not be the engine's: a meter that could reach its bounds on the way
 * (a change is then cut short, or the game ends). `cards`: the concessions the packages choose from.
 */
export function boundsCaveats(model: DealModel, cards: readonly Concession[], format: Format | 'either'): string[] {
  const out: string[] = [];
  const lo: Record<MeterPath, number> = {};
  const hi: Record<MeterPath, number> = {};
  for (const c of cards) {
    for (const f of format === 'either' ? (['bilateral', 'multilateral'] as const) : [format]) {
      const m = c.signing[f];
      if (!m) continue;
      for (const [path, d] of Object.entries(m)) {
        if (d < 0) lo[path] = (lo[path] ?? 0) + d;
        else hi[path] = (hi[path] ?? 0) + d;
      }
    }
  }
  for (const s of SIDES) {
    const path = `support.${s}`;
    const v = meterOf(model.from, path);
    const alarms = model.alarms.filter((a) => a.patron === s).reduce((n, a) => n + model.turnsLeft * Math.min(0, a.supportPerTurn), 0);
    if (v + (lo[path] ?? 0) + alarms <= 0) out.push(`${path} could fall to 0 (office lost) from ${v}`);
    if (v + (hi[path] ?? 0) + Math.max(0, model.deliveredSupport[s]) > 100) out.push(`${path} could pass 100 from ${v}`);
  }
  for (const path of new Set([...Object.keys(lo), ...Object.keys(hi)])) {
    if (path.startsWith('support.')) continue;
    const v = meterOf(model.from, path);
    if (v + (lo[path] ?? 0) < 0) out.push(`${path} could fall below 0 from ${v}`);
    if (v + (hi[path] ?? 0) > 100 || (path === 'escalation' && v + (hi[path] ?? 0) >= 100)) out.push(`${path} could reach its top from ${v}`);
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
      if (t.needs) out.push({ track, event, cuts: conditionCuts(t.needs), tracks: conditionTracks(t.needs) });
    }
    stages = next;
  }
  return out;
}
