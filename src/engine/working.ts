// Inside an immer recipe, the values a move changes again and again (the meters, the current turn's
// record of moves, ledger and news) are changed on plain working copies and handed to the draft once,
// frozen, when the recipe ends. Immer drafts cost about a microsecond for every object a recipe
// touches; most of a move's time went there. The state is still produced by immer: the working copies
// are new objects assigned to the draft, exactly as a recipe may assign any new value.
import { isDraft, original } from 'immer';
import type { Agreement, GameState, TurnLog } from './types';

type Meters = GameState['meters'];
type Tracks = GameState['tracks'];
type ThisTurn = GameState['thisTurn'];

interface Working {
  meters?: Meters;
  tracks?: Tracks;
  thisTurn?: ThisTurn;
  agreements?: Agreement[];
  /** Agreements (by index) copied by this recipe, ready to be written. */
  ownAgreements?: Set<number>;
  /** The history array as it will be, with working copies of the turn records this recipe changed. */
  history?: TurnLog[];
  /** Turn records copied or added by this recipe, with how many moves, ledger entries and news they held before. */
  changed?: Map<number, [number, number, number]>;
  /** How many turn records the state had when the recipe began. */
  baseTurns?: number;
}

const workings = new WeakMap<GameState, Working>();

function workingOf(g: GameState): Working {
  let w = workings.get(g);
  if (!w) workings.set(g, (w = {}));
  return w;
}

/** The state as it was when the recipe began (the state itself outside a recipe). */
export const baseOf = (g: GameState): GameState => (isDraft(g) ? original(g)! : g);

/** The meters as they stand now, for reading (never through a draft). */
export function metersOf(g: GameState): Meters {
  return workings.get(g)?.meters ?? baseOf(g).meters;
}

/** The meters, ready to be written: on a draft, a working copy put in place at the first write. */
export function writableMeters(g: GameState): Meters {
  if (!isDraft(g)) return g.meters;
  const w = workingOf(g);
  if (!w.meters) {
    const b = baseOf(g).meters;
    // Same keys in the same order, so the state's JSON does not change.
    w.meters = { ...b, trust: { ...b.trust }, support: { ...b.support }, hawks: { ...b.hawks }, allies: { ...b.allies } };
    g.meters = w.meters;
  }
  return w.meters;
}

/** Where the tracks stand now, for reading. */
export function tracksOf(g: GameState): Tracks {
  return workings.get(g)?.tracks ?? baseOf(g).tracks;
}

/** Move a track to a stage (on a draft: in a working copy of the tracks put in place at the first move). */
export function setTrack(g: GameState, track: string, position: Tracks[string]): void {
  if (!isDraft(g)) {
    g.tracks[track] = position;
    return;
  }
  const w = workingOf(g);
  if (!w.tracks) {
    w.tracks = { ...baseOf(g).tracks };
    g.tracks = w.tracks;
  }
  w.tracks[track] = position;
}

/** This turn's acts, ready to be written (on a draft: a working copy put in place at the first write). */
export function writableThisTurn(g: GameState): ThisTurn {
  if (!isDraft(g)) return g.thisTurn;
  const w = workingOf(g);
  if (!w.thisTurn) {
    const b = baseOf(g).thisTurn;
    w.thisTurn = { ...b, statements: { ...b.statements }, channelRequests: b.channelRequests.slice(), done: b.done.slice() };
    g.thisTurn = w.thisTurn;
  }
  return w.thisTurn;
}

/** This turn's acts as they stand now, for reading. */
export function thisTurnOf(g: GameState): ThisTurn {
  return workings.get(g)?.thisTurn ?? baseOf(g).thisTurn;
}

/** The agreements as they stand now, for reading. */
export function agreementsOf(g: GameState): Agreement[] {
  return workings.get(g)?.agreements ?? baseOf(g).agreements;
}

function workingAgreements(g: GameState): Working {
  const w = workingOf(g);
  if (!w.agreements) {
    w.agreements = baseOf(g).agreements.slice();
    w.ownAgreements = new Set();
    g.agreements = w.agreements;
  }
  return w;
}

/** One agreement, ready to be written (on a draft: a working copy of it and of its obligations). */
export function writableAgreement(g: GameState, id: string): Agreement {
  if (!isDraft(g)) return g.agreements.find((a) => a.id === id)!;
  const w = workingAgreements(g);
  const i = w.agreements!.findIndex((a) => a.id === id);
  if (!w.ownAgreements!.has(i)) {
    const a = w.agreements![i];
    w.agreements![i] = { ...a, obligations: { us: { ...a.obligations.us }, ru: { ...a.obligations.ru } } };
    w.ownAgreements!.add(i);
  }
  return w.agreements![i];
}

/** Add a newly signed agreement. */
export function addAgreement(g: GameState, a: Agreement): void {
  if (!isDraft(g)) {
    g.agreements.push(a);
    return;
  }
  const w = workingAgreements(g);
  w.ownAgreements!.add(w.agreements!.length);
  w.agreements!.push(a);
}

/** A new turn's empty record of acts. */
export function resetThisTurn(g: GameState, fresh: ThisTurn): void {
  if (isDraft(g)) workingOf(g).thisTurn = fresh;
  g.thisTurn = fresh;
}

/** Freeze a turn record this recipe wrote: the record, its lists and what was added to them. */
function freezeTurn(t: TurnLog, [moves, ledger, news]: [number, number, number]): void {
  for (let i = moves; i < t.moves.length; i++) deepFreeze(t.moves[i]);
  for (let i = ledger; i < t.ledger.length; i++) deepFreeze(t.ledger[i]);
  for (let i = news; i < t.news.length; i++) deepFreeze(t.news[i]);
  Object.freeze(t.moves);
  Object.freeze(t.ledger);
  Object.freeze(t.news);
  if (t.meters) deepFreeze(t.meters);
  if (t.stages) deepFreeze(t.stages);
  Object.freeze(t);
}

/** Freeze what this recipe made, stopping at what is frozen already (everything older). */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  // A draft inside a working copy would be frozen in as a dead proxy: a bug in the engine.
  if (isDraft(value)) throw new Error('a working copy holds an immer draft; read the value with baseOf() or the *Of() readers');
  Object.freeze(value);
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k]);
}

function workingHistory(g: GameState): { history: TurnLog[]; changed: Map<number, [number, number, number]> } {
  const w = workingOf(g);
  if (!w.history) {
    const base = baseOf(g).history;
    w.history = base.slice();
    w.changed = new Map();
    w.baseTurns = base.length;
  }
  return { history: w.history, changed: w.changed! };
}

/** The record of turn `turn` (history[turn]), ready to be written. */
export function writableTurn(g: GameState, turn: number): TurnLog {
  if (!isDraft(g)) return g.history[turn];
  const { history, changed } = workingHistory(g);
  if (!changed.has(turn)) {
    const t = history[turn];
    history[turn] = { ...t, moves: t.moves.slice(), ledger: t.ledger.slice(), news: t.news.slice() };
    changed.set(turn, [t.moves.length, t.ledger.length, t.news.length]);
  }
  return history[turn];
}

/** The record of the turn being played, ready to be written. */
export const writableCurrentTurn = (g: GameState): TurnLog => writableTurn(g, g.turn);

/** Start the record of a new turn (history[turn]). */
export function addTurnRecord(g: GameState, record: TurnLog): void {
  if (!isDraft(g)) {
    g.history.push(record);
    return;
  }
  const { history, changed } = workingHistory(g);
  changed.set(history.length, [0, 0, 0]);
  history.push(record);
}

/**
 * End of a recipe: freeze the working copies and give them to the draft. `wholeHistory` replaces the
 * history array at once (cheapest); otherwise each changed turn record is set or added on its own,
 * so that immer's patches name only those records (for sending the change elsewhere).
 */
export function commitWorking(g: GameState, wholeHistory: boolean): void {
  const w = workings.get(g);
  if (!w) return;
  workings.delete(g);
  if (w.meters) deepFreeze(w.meters);
  if (w.tracks) deepFreeze(w.tracks);
  if (w.thisTurn) deepFreeze(w.thisTurn);
  if (w.agreements) deepFreeze(w.agreements);
  if (w.history) {
    for (const [i, before] of w.changed!) freezeTurn(w.history[i], before);
    if (wholeHistory) g.history = Object.freeze(w.history) as TurnLog[];
    else {
      for (const i of [...w.changed!.keys()].sort((a, b) => a - b)) {
        if (i < w.baseTurns!) g.history[i] = w.history[i];
        else g.history.push(w.history[i]);
      }
    }
  }
}
