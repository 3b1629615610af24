// Inside an immer recipe, the values a move changes again and again (meters, track positions, this
// turn's acts, agreements, the current turn's record of moves, ledger and news) are changed on plain
// working copies and handed to the draft frozen. Immer drafts cost about a microsecond for every object
// a recipe touches (reading an object through a draft makes a draft of it), and every assignment to a
// draft costs too; most of a move's time went there. So a recipe neither reads nor writes the draft
// until it ends: the random generator's state, the initiative, the proposal, the last answer, the last
// tones and the end are kept beside it like the working copies, and commitWorking assigns each changed
// value once. The state is still produced by immer: the working copies are new objects assigned to the
// draft, exactly as a recipe may assign any new value.
//
// A recipe opts in with beginWorking(draft) and ends with commitWorking(draft). For any other state or
// draft the readers read it directly and the writers write it directly: slower, but the same result.
import { isDraft, original } from 'immer';
import type { Agreement, GameState, TurnLog } from './types';

// Copies below use [...list], never list.slice(): V8 slices a frozen array some 30 times slower, and
// reads its elements several times slower than a plain array's; a spread copy is cheap.

/** A state list (frozen by immer) as a plain array, for loops over it: see above. */
export const readable = <T>(list: readonly T[]): T[] => [...list];

type Meters = GameState['meters'];
type Tracks = GameState['tracks'];
type ThisTurn = GameState['thisTurn'];
/** The meters kept per side or per third party (escalation is a number of its own). */
export type MeterGroup = 'trust' | 'support' | 'hawks' | 'allies';
/** This turn's acts that are lists or tables (the rest are flags). */
export type ThisTurnPart = 'statements' | 'channelRequests' | 'done';

type TurnList = 'moves' | 'ledger' | 'news';

interface TurnWrite {
  index: number;
  record: TurnLog;
  /** How many moves, ledger entries and news the record held before (0 for a new record). */
  before: [number, number, number];
  /** The lists already copied (a new record owns all of them). */
  own: Record<TurnList, boolean>;
}

/** Top-level values a recipe replaces whole (read and written beside the draft, like the turn and phase). */
export type Field = 'rng' | 'initiative' | 'proposal' | 'lastAnswer' | 'lastTone' | 'end';

/** The draft's own keys a recipe gives new values to, other than the turn, the phase and the history. */
type Assigned = Field | 'meters' | 'tracks' | 'thisTurn' | 'agreements' | 'firedEvents' | 'given';

interface Working {
  /** The draft this working set belongs to. */
  draft: GameState;
  /** The state the recipe began from (plain, frozen). */
  base: GameState;
  /** The replaced top-level values as they stand (the base's until set). */
  fields: Pick<GameState, Field>;
  /**
   * The keys given new values, in the order of their first change: they are assigned to the draft in
   * this order when the recipe ends, the order in which they were once assigned as they changed (so
   * immer's patches come in the same order).
   */
  assigned: Assigned[];
  /** The channels were written through the draft: read them there from then on. */
  channelsDrafted: boolean;
  /** The turn and phase as they stand; written to the draft when the recipe ends (every read or write of them through the draft costs more than it seems). */
  turn: number;
  phase: GameState['phase'];
  meters?: Meters;
  tracks?: Tracks;
  thisTurn?: ThisTurn;
  agreements?: Agreement[];
  firedEvents?: string[];
  given?: GameState['given'];
  /** Agreements (by index) copied or added by this recipe. */
  ownAgreements?: Set<number>;
  /** The meter groups (trust, support, hawks, allies) already copied into the working meters. */
  ownMeterGroups: MeterGroup[];
  /** The lists of this turn's acts already copied into the working copy. */
  ownTurnParts: ThisTurnPart[];
  /** Turn records copied or added by this recipe, in order. */
  turns: TurnWrite[];
}

// Recipes do not nest, so one working set at a time: every reader and writer asks for it, and a
// comparison with the draft it belongs to is cheaper than a WeakMap look-up keyed by a proxy.
let active: Working | undefined;

/** The working set of this draft, if a recipe began one. */
function workingOf(g: GameState): Working | undefined {
  return active !== undefined && active.draft === g ? active : undefined;
}

/** Start using working copies for this draft (call first thing in a recipe). */
export function beginWorking(g: GameState): void {
  const base = isDraft(g) ? original(g)! : g;
  active = {
    draft: g,
    base,
    turn: base.turn,
    phase: base.phase,
    fields: { rng: base.rng, initiative: base.initiative, proposal: base.proposal, lastAnswer: base.lastAnswer, lastTone: base.lastTone, end: base.end },
    assigned: [],
    channelsDrafted: false,
    ownMeterGroups: [],
    ownTurnParts: [],
    turns: [],
  };
}

function noteAssigned(w: Working, key: Assigned): void {
  if (!w.assigned.includes(key)) w.assigned.push(key);
}

/** A top-level value as it stands now (rng, initiative, proposal, lastAnswer, lastTone, end). */
export function fieldOf<K extends Field>(g: GameState, key: K): Pick<GameState, Field>[K] {
  const w = workingOf(g);
  return w ? w.fields[key] : g[key];
}

/** Give a top-level value a new value (a new object, never a changed one). */
export function setField<K extends Field>(g: GameState, key: K, value: GameState[K]): void {
  const w = workingOf(g);
  if (!w) {
    g[key] = value;
    return;
  }
  if (w.fields[key] === value) return; // as immer: the same value is no change
  w.fields[key] = value;
  noteAssigned(w, key);
}

/** The channels as they stand now, for reading. */
export function channelsOf(g: GameState): GameState['channels'] {
  const w = workingOf(g);
  return w && !w.channelsDrafted ? w.base.channels : g.channels;
}

/**
 * The channels, ready to be written. They are written through the draft (channel changes are rare, and
 * immer's patches then name the channel's fields); reads go there too from then on.
 */
export function writableChannels(g: GameState): GameState['channels'] {
  const w = workingOf(g);
  if (w) w.channelsDrafted = true;
  return g.channels;
}

/** The turn being played. */
export function turnOf(g: GameState): number {
  const w = workingOf(g);
  return w ? w.turn : g.turn;
}

/** The phase the game is in. */
export function phaseOf(g: GameState): GameState['phase'] {
  const w = workingOf(g);
  return w ? w.phase : g.phase;
}

export function setPhase(g: GameState, phase: GameState['phase']): void {
  const w = workingOf(g);
  if (w) w.phase = phase;
  else g.phase = phase;
}

/** Move on to the next turn; returns its number. */
export function advanceTurn(g: GameState): number {
  const w = workingOf(g);
  const turn = turnOf(g) + 1;
  if (w) w.turn = turn;
  else g.turn = turn;
  return turn;
}

/** The state as it was when the recipe began (the state itself outside a working recipe). */
export const baseOf = (g: GameState): GameState => workingOf(g)?.base ?? g;

/** The meters as they stand now, for reading. */
export function metersOf(g: GameState): Meters {
  const w = workingOf(g);
  return w ? (w.meters ?? w.base.meters) : g.meters;
}

/** The meters, ready to be written (escalation): a working copy put in place at the first write. */
export function writableMeters(g: GameState): Meters {
  const w = workingOf(g);
  if (!w) return g.meters;
  if (!w.meters) {
    // Same keys in the same order, so the state's JSON does not change; the groups are copied when written.
    w.meters = { ...w.base.meters };
    noteAssigned(w, 'meters');
  }
  return w.meters;
}

/** One group of meters (trust, support, hawks, allies), ready to be written. */
export function writableMeterGroup(g: GameState, group: MeterGroup): Record<string, number> {
  const w = workingOf(g);
  if (!w) return g.meters[group];
  const meters = writableMeters(g);
  if (!w.ownMeterGroups.includes(group)) {
    (meters as Record<MeterGroup, Record<string, number>>)[group] = { ...meters[group] };
    w.ownMeterGroups.push(group);
  }
  return meters[group];
}

/** Where the tracks stand now, for reading. */
export function tracksOf(g: GameState): Tracks {
  const w = workingOf(g);
  return w ? (w.tracks ?? w.base.tracks) : g.tracks;
}

/** Move a track to a stage. */
export function setTrack(g: GameState, track: string, position: Tracks[string]): void {
  const w = workingOf(g);
  if (!w) {
    g.tracks[track] = position;
    return;
  }
  if (!w.tracks) {
    w.tracks = { ...w.base.tracks };
    noteAssigned(w, 'tracks');
  }
  w.tracks[track] = Object.freeze(position);
}

/** This turn's acts as they stand now, for reading. */
export function thisTurnOf(g: GameState): ThisTurn {
  const w = workingOf(g);
  return w ? (w.thisTurn ?? w.base.thisTurn) : g.thisTurn;
}

/** This turn's acts, ready to be written (its flags: the lists through writableThisTurnPart). */
export function writableThisTurn(g: GameState): ThisTurn {
  const w = workingOf(g);
  if (!w) return g.thisTurn;
  if (!w.thisTurn) {
    w.thisTurn = { ...w.base.thisTurn };
    noteAssigned(w, 'thisTurn');
  }
  return w.thisTurn;
}

/** One of this turn's lists (statements, channel requests, done), ready to be written. */
export function writableThisTurnPart<P extends ThisTurnPart>(g: GameState, part: P): ThisTurn[P] {
  const w = workingOf(g);
  if (!w) return g.thisTurn[part];
  const t = writableThisTurn(g);
  if (!w.ownTurnParts.includes(part)) {
    const old = t[part];
    t[part] = (Array.isArray(old) ? [...old] : { ...old }) as ThisTurn[P];
    w.ownTurnParts.push(part);
  }
  return t[part];
}

/** A new turn's empty record of acts. */
export function resetThisTurn(g: GameState, fresh: ThisTurn): void {
  const w = workingOf(g);
  if (!w) {
    g.thisTurn = fresh;
    return;
  }
  w.thisTurn = fresh;
  w.ownTurnParts = ['statements', 'channelRequests', 'done'];
  noteAssigned(w, 'thisTurn');
}

/** The agreements as they stand now, for reading. */
export function agreementsOf(g: GameState): Agreement[] {
  const w = workingOf(g);
  return w?.agreements ?? readable(w ? w.base.agreements : g.agreements);
}

function workingAgreements(g: GameState, w: Working): { list: Agreement[]; own: Set<number> } {
  if (!w.agreements) {
    w.agreements = [...w.base.agreements];
    w.ownAgreements = new Set();
    noteAssigned(w, 'agreements');
  }
  return { list: w.agreements, own: w.ownAgreements! };
}

/** One agreement, ready to be written (a working copy of it and of its obligations). */
export function writableAgreement(g: GameState, id: string): Agreement {
  const w = workingOf(g);
  if (!w) return g.agreements.find((a) => a.id === id)!;
  const { list, own } = workingAgreements(g, w);
  const i = list.findIndex((a) => a.id === id);
  if (!own.has(i)) {
    const a = list[i];
    list[i] = { ...a, obligations: { us: { ...a.obligations.us }, ru: { ...a.obligations.ru } } };
    own.add(i);
  }
  return list[i];
}

/** Add a newly signed agreement. */
export function addAgreement(g: GameState, a: Agreement): void {
  const w = workingOf(g);
  if (!w) {
    g.agreements.push(a);
    return;
  }
  const { list, own } = workingAgreements(g, w);
  own.add(list.length);
  list.push(a);
}

function turnWrite(w: Working, turn: number): TurnWrite {
  for (const t of w.turns) if (t.index === turn) return t;
  const t = w.base.history[turn];
  const write = { index: turn, record: { ...t }, before: [t.moves.length, t.ledger.length, t.news.length] as [number, number, number], own: { moves: false, ledger: false, news: false } };
  w.turns.push(write);
  return write;
}

function ownList(write: TurnWrite, list: TurnList): void {
  if (write.own[list]) return;
  (write.record[list] as unknown[]) = [...write.record[list]];
  write.own[list] = true;
}

/** Note that an event has fired. */
export function addFiredEvent(g: GameState, id: string): void {
  const w = workingOf(g);
  if (!w) {
    g.firedEvents.push(id);
    return;
  }
  if (!w.firedEvents) {
    w.firedEvents = [...w.base.firedEvents];
    noteAssigned(w, 'firedEvents');
  }
  w.firedEvents.push(id);
}

/** Note that `side` has conceded a card in a signed agreement. */
export function addGiven(g: GameState, side: keyof GameState['given'], id: string): void {
  const w = workingOf(g);
  if (!w) {
    g.given[side].push(id);
    return;
  }
  if (!w.given) {
    w.given = { ...w.base.given, us: [...w.base.given.us], ru: [...w.base.given.ru] };
    noteAssigned(w, 'given');
  }
  w.given[side].push(id);
}

/** The record of turn `turn` (history[turn]), ready to be written (all its lists). */
export function writableTurn(g: GameState, turn: number): TurnLog {
  const w = workingOf(g);
  if (!w) return g.history[turn];
  const write = turnWrite(w, turn);
  for (const list of ['moves', 'ledger', 'news'] as const) ownList(write, list);
  return write.record;
}

/** Add to one list of the record of the turn being played. */
export function recordInTurn<L extends TurnList>(g: GameState, list: L, item: TurnLog[L][number]): void {
  const w = workingOf(g);
  if (!w) {
    (g.history[g.turn][list] as unknown[]).push(item);
    return;
  }
  const write = turnWrite(w, w.turn);
  ownList(write, list);
  // Frozen as it is recorded (nothing changes an entry once made): a ledger entry is flat.
  (write.record[list] as unknown[]).push(list === 'ledger' ? Object.freeze(item) : deepFreeze(item));
}

/** Start the record of a new turn (history[turn]). */
export function addTurnRecord(g: GameState, record: TurnLog): void {
  const w = workingOf(g);
  if (!w) {
    g.history.push(record);
    return;
  }
  w.turns.push({ index: record.turn, record, before: [0, 0, 0], own: { moves: true, ledger: true, news: true } });
}

/** Freeze what this recipe made, stopping at what is frozen already (everything older). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  // Children first: reading a frozen array's elements is slow (see above).
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  // A draft inside a working copy (a bug: read values with baseOf() or the *Of() readers) makes immer
  // throw here: freezing a draft is refused ("Object.defineProperty() cannot be used on an Immer draft").
  return Object.freeze(value);
}

/** Freeze a turn record this recipe wrote: the record and its lists (their new entries were frozen as they were recorded). */
function freezeTurn({ record: t, own }: TurnWrite): void {
  if (own.moves) Object.freeze(t.moves); // a list not copied is the old, frozen one
  if (own.ledger) Object.freeze(t.ledger);
  if (own.news) Object.freeze(t.news);
  if (t.meters) deepFreeze(t.meters);
  if (t.stages) deepFreeze(t.stages);
  Object.freeze(t);
}

/**
 * End of a recipe: freeze the working copies and give them to the draft. `wholeHistory` replaces the
 * history array at once (cheapest); otherwise each changed turn record is set or added on its own,
 * so that immer's patches name only those records (for sending the change elsewhere).
 */
export function commitWorking(g: GameState, wholeHistory: boolean): void {
  const w = workingOf(g);
  if (!w) return;
  active = undefined;
  for (const key of w.assigned) {
    switch (key) {
      case 'meters': {
        // Only the groups copied are new (and flat); the others are the old, frozen ones.
        const m = w.meters!;
        for (const group of w.ownMeterGroups) Object.freeze(m[group]);
        g.meters = Object.freeze(m);
        break;
      }
      case 'tracks':
        g.tracks = Object.freeze(w.tracks!); // each new position was frozen as it was set
        break;
      case 'thisTurn': {
        const t = w.thisTurn!;
        for (const part of w.ownTurnParts) Object.freeze(t[part]); // flat: sides and tones
        g.thisTurn = Object.freeze(t);
        break;
      }
      case 'agreements':
        g.agreements = deepFreeze(w.agreements!);
        break;
      case 'firedEvents':
        g.firedEvents = Object.freeze(w.firedEvents!) as string[];
        break;
      case 'given':
        g.given = deepFreeze(w.given!);
        break;
      default:
        (g as unknown as Record<Field, unknown>)[key] = deepFreeze(w.fields[key]);
    }
  }
  if (w.turn !== w.base.turn) g.turn = w.turn;
  if (w.phase !== w.base.phase) g.phase = w.phase;
  if (w.turns.length === 0) return;
  for (const t of w.turns) freezeTurn(t);
  const baseTurns = w.base.history.length;
  if (wholeHistory) {
    const history = [...w.base.history];
    for (const t of w.turns) history[t.index] = t.record;
    g.history = Object.freeze(history) as TurnLog[];
  } else {
    // Patches name the entries added and the fields set, as if each had been written to the draft.
    for (const t of w.turns) {
      if (t.index >= baseTurns) {
        g.history.push(t.record);
        continue;
      }
      const old = w.base.history[t.index];
      const draft = g.history[t.index];
      for (const key of Object.keys(t.record) as (keyof TurnLog)[]) {
        if (t.record[key] === old[key]) continue;
        if (key === 'moves' || key === 'ledger' || key === 'news') {
          const added = (t.record[key] as unknown[]).filter((_, i) => i >= old[key].length);
          if (added.length > 0) (draft[key] as unknown[]).push(...added);
        } else (draft as unknown as Record<string, unknown>)[key] = t.record[key];
      }
    }
  }
}
