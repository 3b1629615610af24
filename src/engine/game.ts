// The engine's front door: start a game, apply a move, replay a log.
import { Immer, enableArrayMethods, freeze } from 'immer';
import { alliesAlarmed } from './deal-worth';
import { runBriefing, draw } from './events';
import { escalationAtResolution } from './escalation';
import { settledPhase, undecidedObligations, whyNotNow } from './game-machine';
import { changeMeter, changeTrust, meterSnapshot, sideMeter } from './meters';
import { applyMoveEffects, breakAgreement, sendTrack, whyNotValid } from './moves';
import { seedState } from './rng';
import { textOf } from './text';
import { allMoves } from './history';
import { appendToTurn, peek, startTurnRecord, updateTurnRecord, withTurnLog } from './turn-log';
import { otherSide, type Agreement, type GameState, type LedgerEntry, type Move, type TurnLog, type MoveResult, type Scenario, type Seats, type Side } from './types';

// The game state is plain data (no symbols, no non-enumerable keys): immer's loose iteration is exact for it, and faster.
// Array searches on a draft (find, filter, some, every, includes...) run on the plain array: a search makes no draft of
// every element it looks at, only of what it returns. Callbacks read, never change, what they are given.
enableArrayMethods();
const immer = new Immer({ useStrictIteration: false });
/** A recipe on the game state; what it appends to the turn's record is written once, when it ends. */
const produce = (state: GameState, recipe: (g: GameState) => void): GameState => immer.produce(state, (g) => withTurnLog(g, recipe));

/**
 * The version of the rules a game is played under: a log, a save or an export replays exactly only under
 * the rules that made it. Raise it with every change to what a move does (a number in the rules, a new
 * effect, a new draw from the generator), and re-record the golden corpus (npm run golden:record -- --write).
 */
export const RULES_VERSION = 6;

/** A new game at the start of turn 1, with turn 1's events already fired. */
export function createGame(scenario: Scenario, seed: number): GameState {
  const seats = scenario.seats;
  const perSide = <T>(value: (side: Side) => T): Record<Side, T> => Object.fromEntries(seats.map((s) => [s, value(s)]));
  const start: GameState = {
    scenario: scenario.id,
    seats: [...seats] as unknown as Seats,
    seed,
    rng: seedState(seed),
    turn: 1,
    phase: 'briefing',
    initiative: scenario.firstMover,
    meters: {
      trust: perSide((s) => scenario.sides[s].start.trust),
      support: perSide((s) => scenario.sides[s].start.support),
      hawks: perSide((s) => scenario.sides[s].start.hawks),
      allies: Object.fromEntries(scenario.thirdParties.map((t) => [t.id, t.start])),
      escalation: scenario.escalationStart,
    },
    tracks: Object.fromEntries(scenario.tracks.map((t) => [t.id, { stage: t.start, since: 0 }])),
    channels: Object.fromEntries(scenario.channels.map((c) => [c.id, { open: c.startOpen, requested: [] }])),
    given: perSide(() => []),
    proposal: null,
    lastAnswer: null,
    agreements: [],
    thisTurn: freshTurn(),
    lastTone: {},
    firedEvents: [],
    history: [{ turn: 0, moves: [], ledger: [], news: [] }],
    end: null,
  };
  start.history[0].meters = meterSnapshot(start);
  start.history[0].stages = stagesOf(start);
  start.history.push({ turn: 1, moves: [], ledger: [], news: [] });
  // Frozen all the way down like every later state (recipes freeze what they make; the turn log keeps frozen records).
  const briefed = produce(freeze(start, true), (g) => runBriefing(scenario, g));
  return settle(scenario, briefed);
}

function freshTurn(): GameState['thisTurn'] {
  return { statements: {}, channelRequests: [], proposed: false, passed: false, settled: false, signed: false, done: [] };
}

/** Why a move cannot be made now (null if it can). Nothing is changed. */
export function whyNot(scenario: Scenario, state: GameState, move: Move): string | null {
  if (!move || typeof move !== 'object') return 'a move must be an object';
  if (typeof move.side !== 'string' || !state.seats.includes(move.side)) return `unknown side "${String((move as { side: unknown }).side)}"`;
  if (state.phase === 'ended') return 'the game is over';
  return whyNotNow(state, move) ?? whyNotValid(scenario, state, move);
}

/** Apply one move. A refused move leaves the state exactly as it was and says why. */
export function applyMove(scenario: Scenario, state: GameState, move: Move): MoveResult {
  const reason = whyNot(scenario, state, move);
  if (reason) return { ok: false, reason, state };
  return { ok: true, state: settle(scenario, produce(state, (g) => play(scenario, g, move))) };
}

function play(scenario: Scenario, g: GameState, move: Move): void {
  appendToTurn(g, 'moves', structuredCopy(move));
  applyMoveEffects(scenario, g, move);
}

/** Keep only a move's own fields, so a log holds exactly what replays (what a JSON round trip keeps). */
function structuredCopy(move: Move): Move {
  return jsonCopy(move) as Move;
}

/**
 * What a JSON round trip makes of a value, copied directly for plain data (objects, lists, strings, numbers, booleans,
 * null): a move is, and writing it out as text and reading it back cost more than the rest of a statement's rules.
 */
function jsonCopy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // + 0: -0 is written as 0
  if (typeof value === 'bigint') return JSON.parse(JSON.stringify(value)) as unknown; // throws, as the round trip does
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value) && proto === Array.prototype) return value.map((v) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : jsonCopy(v)));
  if (proto !== Object.prototype && proto !== null) return JSON.parse(JSON.stringify(value)) as unknown; // Dates, toJSON, boxed values...
  if ('toJSON' in value) return JSON.parse(JSON.stringify(value)) as unknown;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') out[k] = jsonCopy(v);
  return out;
}

/**
 * Let the game machine move the phase on as far as it can, running resolutions and briefings. The machine reads the
 * plain state a move left; each step it takes is a recipe of its own. Whether the game has ended is read there too,
 * after every recipe (reading the meters through a draft cost a draft of them in every move).
 */
function settle(scenario: Scenario, state: GameState): GameState {
  for (;;) {
    const end = state.end ? null : endOf(state);
    if (end) state = produce(state, (g) => void (g.end = end));
    const finished = sidesFinishedImplementing(state);
    if (finished.length > 0) state = produce(state, (g) => void g.thisTurn.done.push(...finished));
    const next = settledPhase(state);
    if (next === state.phase) return state;
    state = produce(state, (g) => {
      g.phase = next;
      if (next === 'resolution') resolveTurn(scenario, g);
      else if (next === 'briefing') {
        startTurn(scenario, g);
        runBriefing(scenario, g);
      }
    });
    if (next === 'resolution') state = produce(state, closeTurnRecord(state));
  }
}

/**
 * A side with nothing to decide and nothing to verify needs no "done" of its own, once the other side
 * has decided too: until then the other side's implementation may yet be there to verify this turn.
 */
function sidesFinishedImplementing(g: GameState): Side[] {
  if (g.phase !== 'implementation') return [];
  return g.seats.filter(
    (s) =>
      !g.thisTurn.done.includes(s) &&
      undecidedObligations(g, s).length === 0 &&
      verifiable(g, s).length === 0 &&
      undecidedObligations(g, otherSide(g.seats, s)).length === 0,
  );
}

/** Agreements whose other side reports implementation that `side` has not yet verified. */
export function verifiable(g: GameState, side: Side): string[] {
  const them = otherSide(g.seats, side);
  const out: string[] = [];
  for (const a of g.agreements) {
    const o = a.obligations[them];
    if (a.status !== 'broken' && o.cards.length > 0 && o.status !== 'pending' && !o.verified && !o.exposed) out.push(a.id);
  }
  return out;
}

function startTurn(scenario: Scenario, g: GameState): void {
  // This turn's record is replaced whole below: its statements are read as they stand, without drafting them.
  g.lastTone = { ...peek(g, 'thisTurn').statements };
  g.turn += 1;
  startTurnRecord(g, g.turn);
  g.initiative = otherSide(scenario.seats, g.initiative);
  g.thisTurn = freshTurn();
  g.proposal = null;
}

function stagesOf(g: GameState): Record<string, string> {
  return Object.fromEntries(Object.entries(g.tracks).map(([id, t]) => [id, t.stage]));
}

/** End of turn: hidden defections may surface, pauses feed hawks, channels calm things, allies react. */
function resolveTurn(scenario: Scenario, g: GameState): void {
  const rules = scenario.rules;
  // Only an agreement still standing with a defection not yet exposed can be exposed (filtering reads the others without drafting them).
  const hidesDefection = (a: Agreement) => a.status !== 'broken' && scenario.seats.some((s) => a.obligations[s].status === 'defected' && !a.obligations[s].exposed);
  for (const a of g.agreements.filter(hidesDefection)) {
    // An exposure breaks the agreement, so its other side is not checked again.
    let broken = false;
    for (const s of scenario.seats) {
      const o = a.obligations[s];
      if (!broken && o.status === 'defected' && !o.exposed && draw(g) < rules.exposeChance) {
        breakAgreement(scenario, g, a, s, 'was exposed by intelligence reports');
        broken = true;
      }
    }
  }
  const anyChannel = scenario.channels.some((c) => g.channels[c.id].open);
  if (!g.thisTurn.proposed) {
    // 002: a pause bolsters the hawks, channel or not; an open channel keeps the talking (no trust lost, no stall).
    for (const s of scenario.seats) changeMeter(g, sideMeter('hawks', s), rules.pauseHawks, 'a pause in dialogue bolsters the hawks');
    if (!anyChannel) {
      for (const s of scenario.seats) changeTrust(g, rules, s, rules.pauseTrust, 'a pause in dialogue');
      for (const t of scenario.tracks) sendTrack(scenario, g, t.id, 'STALL');
    }
  }
  for (const step of escalationAtResolution(scenario, g.channels, g.meters.hawks, g.meters.escalation)) changeMeter(g, 'escalation', step.delta, step.cause, step.cite);
  incident(scenario, g, anyChannel);
  for (const t of scenario.thirdParties) {
    if (alliesAlarmed(rules, g.meters.allies[t.id]))
      changeMeter(g, sideMeter('support', t.patron), rules.allyAlarmSupport, `${textOf(t.name)} feel abandoned`);
  }
  // The last turn's resolution ends the game, unless a crisis or a fall from office ended it first.
  if (!g.end) {
    const end = endOf(g) ?? (g.turn >= scenario.turns ? { reason: 'turns' as const, turn: g.turn } : null);
    if (end) g.end = end;
  }
}

/** The chance of an incident at a turn's end: incidentChance at escalation 100, a fifth of it at 0. */
export const incidentChance = (rules: Scenario['rules'], escalation: number): number => (rules.incidentChance * (25 + escalation)) / 125;

/** What an incident adds to escalation: half while a channel is open (channels damp accidents). */
export const incidentEscalation = (rules: Scenario['rules'], anyChannel: boolean): number => (anyChannel ? rules.incidentEscalation / 2 : rules.incidentEscalation);

/**
 * 002: incidents happen, and the higher escalation the likelier (a seeded draw every turn): an incident raises
 * escalation, by half while a channel is open (channels damp accidents), and feeds the hawks on both sides either way.
 */
function incident(scenario: Scenario, g: GameState, anyChannel: boolean): void {
  const rules = scenario.rules;
  if (draw(g) >= incidentChance(rules, g.meters.escalation)) return;
  const cause = anyChannel ? 'a military incident, contained by the open channel' : 'a military incident';
  changeMeter(g, 'escalation', incidentEscalation(rules, anyChannel), cause);
  for (const s of scenario.seats) {
    changeMeter(g, sideMeter('hawks', s), rules.incidentHawks, `${cause} feeds the hawks`);
    changeTrust(g, rules, s, rules.incidentTrust, cause);
  }
}

/** The resolved turn's record keeps every meter and stage as the turn left them, and what moved a meter most. */
function closeTurnRecord(resolved: GameState): (g: GameState) => void {
  const meters = Object.freeze(meterSnapshot(resolved));
  const stages = Object.freeze(stagesOf(resolved));
  return (g) =>
    updateTurnRecord(g, (record) => {
      const biggest = record.ledger.reduce<LedgerEntry | undefined>((m, e) => (!m || Math.abs(e.delta) > Math.abs(m.delta) ? e : m), undefined);
      const closed: TurnLog = { ...record, meters, stages };
      if (biggest && Math.abs(biggest.delta) >= 8) closed.turningPoint = `${biggest.delta > 0 ? '+' : ''}${biggest.delta} ${biggest.meter}: ${biggest.cause}`;
      return closed;
    });
}

/** Escalation at 100 ends the game for both; a side whose support collapses loses office (null: the game goes on). */
function endOf(g: GameState): GameState['end'] {
  if (g.meters.escalation >= 100) return { reason: 'escalation', turn: g.turn };
  const fallen = g.seats.find((s) => g.meters.support[s] <= 0);
  return fallen ? { reason: 'office', side: fallen, turn: g.turn } : null;
}

/** The sides that must act before the game can go on. */
export function pendingSides(g: GameState): Side[] {
  switch (g.phase) {
    case 'statements':
      return g.seats.filter((s) => g.thisTurn.statements[s] === undefined);
    case 'proposals':
      return [g.initiative];
    case 'responses':
      return g.proposal ? [otherSide(g.seats, g.proposal.by)] : [];
    case 'implementation':
      return g.seats.filter((s) => !g.thisTurn.done.includes(s));
    default:
      return [];
  }
}

/**
 * Who is asked to move now, first to act first: the pending sides, except that in implementation a side still
 * deciding on its obligations goes before one that has only to verify, so that the other can verify what it
 * carried out in the same turn. The browser, the classroom server and the simulations all ask this.
 */
export function nextActors(g: GameState): Side[] {
  const pending = pendingSides(g);
  if (g.phase !== 'implementation') return pending;
  const deciding = pending.filter((side) => undecidedObligations(g, side).length > 0);
  return deciding.length ? deciding : pending;
}

export interface GameLog {
  scenario: string;
  seed: number;
  moves: Move[];
}

export function logOf(state: GameState): GameLog {
  return { scenario: state.scenario, seed: state.seed, moves: allMoves(state) };
}

/** Replay a log from the start; throws on a move the rules refuse (the log is not of this scenario). */
export function replay(scenario: Scenario, log: GameLog): GameState {
  if (log.scenario !== scenario.id) throw new Error(`log is for scenario "${log.scenario}", not "${scenario.id}"`);
  let state = createGame(scenario, log.seed);
  log.moves.forEach((move, i) => {
    const r = applyMove(scenario, state, move);
    if (!r.ok) throw new Error(`move ${i + 1} (${move.type} by ${move.side}) was refused: ${r.reason}`);
    state = r.state;
  });
  return state;
}

/**
 * Every move `side` can make now except package proposals (which are composed from cards):
 * what the UI enables and what simple agents choose from.
 */
export function legalMoves(scenario: Scenario, state: GameState, side: Side): Move[] {
  if (!pendingSides(state).includes(side) && state.phase !== 'statements') return [];
  const candidates: Move[] = [];
  switch (state.phase) {
    case 'statements':
      for (const tone of ['conciliatory', 'neutral', 'hostile'] as const) candidates.push({ type: 'statement', side, tone });
      for (const c of scenario.channels) candidates.push({ type: 'openChannel', side, channel: c.id });
      break;
    case 'proposals':
      candidates.push({ type: 'pass', side });
      break;
    case 'responses':
      candidates.push({ type: 'accept', side }, { type: 'reject', side });
      break;
    case 'implementation':
      for (const a of state.agreements) {
        for (const type of ['implement', 'delay', 'defect', 'verify'] as const) candidates.push({ type, side, agreement: a.id });
      }
      candidates.push({ type: 'done', side });
      break;
    default:
  }
  return candidates.filter((m) => whyNot(scenario, state, m) === null);
}
