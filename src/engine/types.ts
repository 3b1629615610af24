// The game's vocabulary: scenario data (what an author writes, with defaults filled in)
// and game state (plain serialisable data, changed only through immer).

/** A seat at the table, by the id its scenario gives it ('us', 'ru'; 'india', 'pakistan'). */
export type Side = string;
/** The two seats of a game, in the order the scenario declares its sides. */
export type Seats = readonly [Side, Side];
/** The seat across the table from `side`. */
export const otherSide = (seats: Seats, side: Side): Side => (side === seats[0] ? seats[1] : seats[0]);

/** Text shown to people: plain English, or English with translations. */
export type Text = string | { en: string; ru?: string };

/** A citation of one of the source articles, by file name, optionally with its own words. */
export interface Cite {
  file: string;
  quote?: string;
}

// ---------------------------------------------------------------- scenario

/** Conditions shared by track guards and event triggers. Every key given must hold. */
export interface Conditions {
  /** Both sides' trust in the other is at least this. */
  trustAtLeast?: number;
  /** Either side's trust in the other is below this. */
  trustBelow?: number;
  /** Both sides' domestic support is at least this. */
  supportAtLeast?: number;
  escalationAtLeast?: number;
  escalationBelow?: number;
  turnAtLeast?: number;
  turnAtMost?: number;
  /** Linkage: other tracks must stand at one of the given stages. */
  trackAtStage?: { track: string; stages: string[] }[];
  /** Cards of this track in signed agreements (track guards only). */
  concessionsAtLeast?: number;
  /** Any meter (see meters.ts for paths) at least / below a value. */
  meterAtLeast?: { meter: MeterPath; value: number }[];
  meterBelow?: { meter: MeterPath; value: number }[];
  /** A channel is open / closed. */
  channelOpen?: string;
  channelClosed?: string;
}

/** What happens to a track; the engine sends these, the scenario maps them to stages. */
export type TrackEventType =
  | 'TALKS' // a proposal touching the track was made
  | 'SIGN' // an agreement with cards on the track was signed
  | 'IMPLEMENT' // such an agreement was (seen to be) implemented by both sides
  | 'VERIFY' // its implementation was verified
  | 'DELAY' // an obligation on the track was delayed
  | 'DEFECT' // a defection on the track was exposed
  | 'STALL' // a turn passed with no dialogue at all
  | 'SHOCK'; // an outside event hit the track
export const TRACK_EVENTS: readonly TrackEventType[] = [
  'TALKS',
  'SIGN',
  'IMPLEMENT',
  'VERIFY',
  'DELAY',
  'DEFECT',
  'STALL',
  'SHOCK',
];

export interface TransitionDef {
  to: string;
  needs?: Conditions;
}

export interface StageDef {
  id: string;
  name: Text;
  description?: Text;
  /** Share of the track's worth realised at this stage, 0..1 (negative for a collapse). */
  value: number;
  /** The share for each side when the stage is not worth the same to both (an outcome good for one, bad for the other). */
  worth?: Record<Side, number>;
  final?: boolean;
  on: Partial<Record<TrackEventType, TransitionDef>>;
}

export interface TrackDef {
  id: string;
  name: Text;
  description: Text;
  cite: Cite[];
  start: string;
  stages: StageDef[];
  /** A multilateral venue (P5+1, NATO–Russia Council) where concessions cost less at home, but carrying them out slips more often. */
  venue?: Text;
}

export interface CardDef {
  id: string;
  /** Who gives this concession. */
  side: Side;
  track: string;
  title: Text;
  text: Text;
  cite: Cite[];
  /** Worth to the side that receives it, 1..5 (weighted by each side's priority for the track: see worth). */
  value: number;
  /**
   * Graded options: the issue this card is one option of, and its place among the issue's options (1 = the least).
   * A package holds at most one option of an issue, and an issue conceded once is settled.
   */
  issue?: string;
  level?: number;
  /**
   * What the concession is worth to each side when delivered, in score points, when not the default (the receiver
   * gains value × priority / 5, the giver loses as much). Both positive: common value; any sign for either side.
   */
  worth?: Record<Side, number>;
  /** Domestic support the giver loses when the deal is signed. */
  cost: number;
  /** Receiver's trust gained when it is implemented. */
  trust: number;
  /** Confidence of third parties when it is signed (e.g. allies alarmed). */
  allies: Record<string, number>;
  escalation: number;
}

export interface RedLine {
  card: string;
  why: Text;
}

/** How a side's flag is drawn at the table (the scenario's own choice; the game draws a plain one in the side's colour without it). */
export interface FlagDef {
  /** Colours as #rrggbb, in the pattern's order (top to bottom, left to right; stripes: the two stripes, then the canton). */
  colours: string[];
  pattern?: 'bands' | 'columns' | 'stripes' | 'cross' | 'diagonal';
  emblem?: 'none' | 'star' | 'stars' | 'circle' | 'crescent' | 'wheel';
  emblemColour?: string;
}

export interface SideDef {
  name: Text;
  /** The side's flag at the table. */
  flag?: FlagDef;
  capital: Text;
  leader: Text;
  brief: Text;
  /** Score at which this side counts the game a success. */
  goal: number;
  /**
   * What this side can get without any deal (its best alternative), in score points: the disagreement point of the
   * deal analysis, and the least a deal must bring it. 0 unless the scenario says.
   */
  reservation: number;
  start: { trust: number; support: number; hawks: number };
  /** Hidden weights 0..10 per track id. */
  priorities: Record<string, number>;
  redLines: RedLine[];
  /** This side's stance when the computer plays it; read only by the computer playing this side. */
  counterpart?: CounterpartDef;
}

export interface ThirdPartyDef {
  id: string;
  name: Text;
  /** The side whose allies (or partners) they are. */
  patron: Side;
  start: number;
  cite: Cite[];
}

export interface ChannelDef {
  id: string;
  name: Text;
  text: Text;
  cite: Cite[];
  /** Escalation removed each turn while open; incidents are halved. */
  damp: number;
  startOpen: boolean;
}

export type Effect =
  | { meter: MeterPath; delta: number; cause?: Text }
  | { meter: MeterPath; set: number; cause?: Text }
  | { track: string; send: TrackEventType }
  | { channel: string; open: boolean }
  /** The event brings this concession card (or every option of this graded card) to the table: until an event that brings it has fired, it cannot be given or asked. */
  | { card: string };

export interface EventDef {
  id: string;
  title: Text;
  text: Text;
  cite: Cite[];
  /** Fires on this turn, and/or when the conditions hold, and/or with this chance per turn. */
  trigger: { turn?: number; when?: Conditions; chance?: number };
  /** Fires at most once (default) or every time its trigger holds. */
  repeat: boolean;
  effects: Effect[];
}

export interface ToneRule {
  support: number;
  trust: number;
  escalation: number;
  hawks: number;
}

/** The numbers of the rules; every one has a default in rules.ts. */
export interface Rules {
  statements: Record<Tone, ToneRule>;
  /** Trust gains shrink as trust grows: gain × (1 − trust / trustCeiling). */
  trustCeiling: number;
  /** Trust lost is multiplied by this: trust is quick to lose. */
  trustLossFactor: number;
  /** The most trust a side gains in one turn, all causes together: trust is slow to build. */
  trustGainPerTurn: number;
  signTrust: number;
  reciprocityTrust: number;
  receiveSupport: number;
  delayTrust: number;
  /** Chance that carrying out an obligation slips to next turn (bureaucratic delays): a seeded draw. */
  slipChance: number;
  /** Trust change of the other side when a part slips. */
  slipTrust: number;
  maxDelays: number;
  defectTrust: number;
  defectSupport: number;
  exposeChance: number;
  verifyTrust: number;
  /** Trust change of the side whose implementation is verified: checking signals distrust. */
  verifyDistrust: number;
  rejectTrust: number;
  mixedSignalsTrust: number;
  pauseHawks: number;
  pauseTrust: number;
  multilateralCost: number;
  /** Carrying out a multilateral agreement slips to next turn this many times as often (slipChance × this, at most 1). */
  multilateralSlip: number;
  allyAlarmBelow: number;
  allyAlarmSupport: number;
  hawkCostPerPoint: number;
  escalationDecay: number;
  /** Share of escalation removed at every turn's end (rounded): the nearer the brink, the more both sides pull back. */
  escalationPullback: number;
  /** Chance of an incident at a turn's end at escalation 100 (a fifth of it at 0). */
  incidentChance: number;
  /** Escalation an incident adds (halved while any channel is open). */
  incidentEscalation: number;
  /** Hawks an incident feeds on each side, channel or not. */
  incidentHawks: number;
  /** Trust change on both sides after an incident. */
  incidentTrust: number;
  channelCost: number;
  /** Both sides' support when an agreement is implemented: the deal delivers. */
  implementSupport: number;
  /** Support at home of a side that publicly declares one of its concessions a red line (it is seen standing firm). */
  declareSupport: number;
}

export interface SourceDef {
  file: string;
  title: Text;
  author: Text;
  date: Text;
}

export interface Scenario {
  id: string;
  /** The two sides' ids, in the order the scenario declares them (the first moves first unless firstMover says). */
  seats: Seats;
  title: Text;
  year: number;
  turns: number;
  firstMover: Side;
  escalationStart: number;
  summary: Text;
  history: HistoryDef;
  sources: SourceDef[];
  sides: Record<Side, SideDef>;
  thirdParties: ThirdPartyDef[];
  tracks: TrackDef[];
  cards: CardDef[];
  channels: ChannelDef[];
  events: EventDef[];
  rules: Rules;
  /** Only the classroom server reads this (the engine never does): how far a table's hidden briefs may vary. */
  classroom?: ClassroomDef;
  /** A short game for one lesson (classVersion plays it): fewer turns, goals to suit, a short summary. */
  classLength?: ClassLengthDef;
}

/** The scenario's short "class" length: a game that fits a 50-minute lesson with its debrief. */
export interface ClassLengthDef {
  turns: number;
  /** Each side's goal in the short game (by side id). */
  goals: Record<Side, number>;
  /** The situation in at most 150 words, in place of the summary. */
  summary: Text;
}

/** Limits within which the classroom server may vary one side's hidden brief at each table (src/scenario/vary.ts). */
export interface BriefLimits {
  /** Why these parts of the brief may differ from one table to the next, for the author and the teacher. */
  why: Text;
  cite: Cite[];
  /** How far each listed track's hidden priority may move, up or down, in whole points (kept within 0–10). */
  priorities: Record<string, number>;
  /** Cards of this side that are a red line at some tables and not at others: `pick` of them are, at each table. */
  redLines: { pick: number; from: RedLine[] } | null;
}

export interface ClassroomDef {
  vary: Partial<Record<Side, BriefLimits>>;
}

// ---------------------------------------------------------------- the computer's stance and what history did
// Scenario knowledge the rules never read: the computer counterpart reads a side's stance (src/ai), the
// debriefs read what history did. Both are the author's, with the article they come from.

/** How a counterpart gives ground over the game: Boulware holds firm until late, Conceder gives early, tit-for-tat mirrors. */
export type ConcessionStyleDef = 'boulware' | 'conceder' | 'tit-for-tat';

/** How the counterpart reads the other side's words. */
export interface ToneReadingDef {
  /** The statement it makes when nothing calls for another. */
  prefers: Tone;
  /** Hostile statements of the other side it lets pass, within `memory` turns, before it answers in kind. */
  patience: number;
  /** It answers hostility in kind only while the risk of confrontation is below this (0: it never does). */
  mirrorsBelow: number;
  /** Turns it remembers hostile words it did not answer; each such turn raises what it asks. */
  memory: number;
}

/** A side's stance when the computer plays it: who it is at every difficulty (difficulty changes only its skill). */
export interface CounterpartDef {
  /** How it gives ground over the game. */
  concession: ConcessionStyleDef;
  /** What it asks for first: tracks, and the other side's cards. */
  wants: { tracks: string[]; cards: string[] };
  /** Its own cards it will not give when the computer plays it, beyond the side's red lines. */
  neverGives: RedLine[];
  tone: ToneReadingDef;
  /** It gives on these tracks only once the other side has conceded cards worth this much ("political capital"). */
  capital?: { tracks: string[]; value: number; why: Text };
  /** It never signs a package in which the other side gives nothing. */
  quidProQuo?: { why: Text };
  /** It delays its obligations on these tracks once while its trust is low. */
  delayOnce?: { tracks: string[]; why: Text };
  /** It proposes in a multilateral format wherever the cards allow it. */
  multilateral: boolean;
  /** It asks for channels from the first turn. */
  channelsEarly: boolean;
  /** It refuses deals that would leave its allies alarmed. */
  reassureAllies: boolean;
  /** Why it plays so, in a sentence. */
  why: Text;
  /** The article the stance comes from, with its words. */
  cite: Cite[];
}

/** Where one track stood in history by the scenario's end. */
export interface TrackHistoryDef {
  /** The track's stage that history reached, when one of its stages says it. */
  stage?: string;
  /** What happened on the track, in a sentence (beside the stage, or instead of it). */
  text?: Text;
  cite: Cite[];
}

/** What history agreed in the scenario's period, as the scenario's cards (either side's). */
export interface HistoricalDealDef {
  cards: string[];
  /** What was agreed and what was not, in a sentence. */
  text: Text;
  cite: Cite[];
}

export interface HistoryDef {
  /** What happened after this moment, for the debrief. */
  text: Text;
  cite: Cite[];
  /** By track id: where history left each track. */
  tracks: Record<string, TrackHistoryDef>;
  deal?: HistoricalDealDef;
}

// ---------------------------------------------------------------- moves

export type Tone = 'conciliatory' | 'neutral' | 'hostile';
export const TONES: readonly Tone[] = ['conciliatory', 'neutral', 'hostile'];

/**
 * Why a side refuses a package, when it says: the package asks for one of its red lines, gives too little for what it
 * asks, or comes at the wrong moment. The proposer reads it (refusals.ts says which later packages it rules out).
 */
export type RefusalReason = 'red-line' | 'not-enough' | 'not-now';
export const REFUSAL_REASONS: readonly RefusalReason[] = ['red-line', 'not-enough', 'not-now'];
export type Format = 'bilateral' | 'multilateral';

export interface PackageTerms {
  /** Cards the proposing side gives. */
  give: string[];
  /** Cards the proposing side asks of the other. */
  ask: string[];
  format?: Format;
}

export type Move =
  /** `redLine`: one of the side's own cards it declares, in this statement, that it will never give. */
  | { type: 'statement'; side: Side; tone: Tone; redLine?: string }
  | { type: 'openChannel'; side: Side; channel: string }
  | ({ type: 'propose'; side: Side } & PackageTerms)
  | { type: 'pass'; side: Side }
  | { type: 'accept'; side: Side }
  | { type: 'reject'; side: Side; reason?: RefusalReason }
  | ({ type: 'counter'; side: Side } & PackageTerms)
  | { type: 'implement'; side: Side; agreement: string }
  | { type: 'delay'; side: Side; agreement: string }
  | { type: 'defect'; side: Side; agreement: string }
  | { type: 'verify'; side: Side; agreement: string }
  | { type: 'done'; side: Side };
export type MoveType = Move['type'];

// ---------------------------------------------------------------- state

/** 'trust.<side>' is a side's trust in the other ('trust.us'), 'support.<side>', 'hawks.<side>', 'allies.<id>' a third party's confidence, 'escalation'. */
export type MeterPath = string;

export type Phase =
  | 'briefing'
  | 'statements'
  | 'proposals'
  | 'responses'
  | 'implementation'
  | 'resolution'
  | 'ended';

export interface LedgerEntry {
  turn: number;
  meter: MeterPath;
  delta: number;
  value: number;
  cause: string;
  cite?: string;
}

export interface Proposal {
  by: Side;
  give: string[];
  ask: string[];
  format: Format;
  /** A counter-proposal can only be accepted or rejected. */
  isCounter: boolean;
}

export type ObligationStatus = 'pending' | 'implemented' | 'defected';

export interface Obligation {
  cards: string[];
  status: ObligationStatus;
  delays: number;
  /** Decided this turn (implement, delay or defect). */
  decidedTurn: number;
  verified: boolean;
  exposed: boolean;
}

export type AgreementStatus = 'signed' | 'implemented' | 'verified' | 'broken';

export interface Agreement {
  id: string;
  turn: number;
  proposer: Side;
  format: Format;
  tracks: string[];
  /** How many of its cards stand on each track. */
  cardsPerTrack: Record<string, number>;
  status: AgreementStatus;
  obligations: Record<Side, Obligation>;
}

export interface NewsItem {
  turn: number;
  event: string;
  title: string;
  text: string;
  cite: string[];
}

/**
 * One turn's record. Kept per turn so that a move copies only the current turn's lists
 * (immer copies every array it touches), and because the ledger is read turn by turn.
 */
export interface TurnLog {
  turn: number;
  moves: Move[];
  ledger: LedgerEntry[];
  news: NewsItem[];
  /** Every meter and stage once the turn is resolved (turn 0: the start). */
  meters?: Record<MeterPath, number>;
  stages?: Record<string, string>;
  /** What moved a meter most this turn: the debrief marks turning points. */
  turningPoint?: string;
}

export interface GameState {
  scenario: string;
  /** The scenario's two seats, in order (every per-side record in the state is keyed by them). */
  seats: Seats;
  seed: number;
  /** PRNG state; hidden from both sides' views. */
  rng: number;
  turn: number;
  phase: Phase;
  /** Who proposes this turn. */
  initiative: Side;
  meters: {
    trust: Record<Side, number>;
    support: Record<Side, number>;
    hawks: Record<Side, number>;
    allies: Record<string, number>;
    escalation: number;
  };
  tracks: Record<string, { stage: string; since: number }>;
  channels: Record<string, { open: boolean; requested: Side[] }>;
  /** Card ids each side has already put into signed agreements. */
  given: Record<Side, string[]>;
  proposal: Proposal | null;
  /** Last answer to a proposal, with its reason, for the UI. */
  lastAnswer: { side: Side; answer: 'accept' | 'reject' | 'counter'; turn: number; reason?: RefusalReason } | null;
  agreements: Agreement[];
  /** This turn's acts, for phase flow and rules such as mixed signals. */
  thisTurn: {
    statements: Partial<Record<Side, Tone>>;
    channelRequests: Side[];
    proposed: boolean;
    passed: boolean;
    settled: boolean;
    signed: boolean;
    done: Side[];
  };
  /** Each side's statement of the previous turn, for mixed signals. */
  lastTone: Partial<Record<Side, Tone>>;
  firedEvents: string[];
  /** history[t] is turn t's record; history[0] holds the starting meters. */
  history: TurnLog[];
  end: null | { reason: 'turns' | 'escalation' | 'office'; side?: Side; turn: number };
}

export type MoveResult =
  | { ok: true; state: GameState }
  | { ok: false; reason: string; state: GameState };
