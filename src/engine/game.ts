// The engine's front door: start a game, apply a move, replay a log.
import { Immer, enablePatches, type Patch } from 'immer';
import { runBriefing, draw } from './events';
import { settledPhase, undecidedObligations, whyNotNow } from './game-machine';
import { SIDE_METERS, changeMeter, changeTrust, meterSnapshot } from './meters';
import { applyMoveEffects, breakAgreement, sendTrack, whyNotValid } from './moves';
import { seedState } from './rng';
import { sideName } from './scenario-index';
import { possessive, textOf } from './text';
import { allMoves } from './history';
import { addTurnRecord, agreementsOf, beginWorking, advanceTurn, channelsOf, commitWorking, deepFreeze, fieldOf, metersOf, phaseOf, recordInTurn, setField, setPhase, turnOf, resetThisTurn, thisTurnOf, tracksOf, writableAgreement, writableThisTurnPart, writableTurn } from './working';
import { SIDES, otherSide, type GameState, type LedgerEntry, type Move, type MoveResult, type Scenario, type Side } from './types';

enablePatches();

/**
 * The version of the rules a game is played under: a log, a save or an export replays exactly only under
 * the rules that made it. Raise it with every change to what a move does (a number in the rules, a new
 * effect, a new draw from the generator), and re-record the golden corpus (npm run golden:record -- --write).
 */
export const RULES_VERSION = 1;

// The engine's own immer, without auto-freeze: the working copies a recipe hands to the draft are frozen
// already (see working.ts), so immer's walk over every key of the new state to freeze it again was pure
// cost. sealed() freezes what the recipe changed instead, so every state is still frozen all the way down.
const immer = new Immer({ autoFreeze: false });

/** Freeze a produced state: the values that differ from the base's (deeply, stopping at frozen ones), then the state. */
function sealed(base: GameState, next: GameState): GameState {
  if (next === base) return next;
  for (const key in next) {
    const k = key as keyof GameState;
    if (next[k] !== base[k]) deepFreeze(next[k]);
  }
  return Object.freeze(next);
}

/** A new game at the start of turn 1, with turn 1's events already fired. */
export function createGame(scenario: Scenario, seed: number): GameState {
  const start: GameState = {
    scenario: scenario.id,
    seed,
    rng: seedState(seed),
    turn: 1,
    phase: 'briefing',
    initiative: scenario.firstMover,
    meters: {
      trust: { us: scenario.sides.us.start.trust, ru: scenario.sides.ru.start.trust },
      support: { us: scenario.sides.us.start.support, ru: scenario.sides.ru.start.support },
      hawks: { us: scenario.sides.us.start.hawks, ru: scenario.sides.ru.start.hawks },
      allies: Object.fromEntries(scenario.thirdParties.map((t) => [t.id, t.start])),
      escalation: scenario.escalationStart,
    },
    tracks: Object.fromEntries(scenario.tracks.map((t) => [t.id, { stage: t.start, since: 0 }])),
    channels: Object.fromEntries(scenario.channels.map((c) => [c.id, { open: c.startOpen, requested: [] }])),
    given: { us: [], ru: [] },
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
  // Frozen like every later state (the recipe's working copies freeze only what they make).
  const base = deepFreeze(start);
  return sealed(
    base,
    immer.produce(base, (g) => {
      beginWorking(g);
      runBriefing(scenario, g);
      checkEnd(g);
      settle(scenario, g);
      commitWorking(g, true);
    }),
  );
}

function freshTurn(): GameState['thisTurn'] {
  return { statements: {}, channelRequests: [], proposed: false, passed: false, settled: false, signed: false, done: [] };
}

/** Why a move cannot be made now (null if it can). Nothing is changed. */
export function whyNot(scenario: Scenario, state: GameState, move: Move): string | null {
  if (!move || typeof move !== 'object') return 'a move must be an object';
  if (move.side !== 'us' && move.side !== 'ru') return `unknown side "${String((move as { side: unknown }).side)}"`;
  if (state.phase === 'ended') return 'the game is over';
  return whyNotNow(state, move) ?? whyNotValid(scenario, state, move);
}

/** Apply one move. A refused move leaves the state exactly as it was and says why. */
export function applyMove(scenario: Scenario, state: GameState, move: Move): MoveResult {
  const reason = whyNot(scenario, state, move);
  if (reason) return { ok: false, reason, state };
  return { ok: true, state: sealed(state, immer.produce(state, (g) => play(scenario, g, move, true))) };
}

/** The same, with immer patches for sending the change elsewhere (the classroom server). */
export function applyMoveWithPatches(
  scenario: Scenario,
  state: GameState,
  move: Move,
): { ok: true; state: GameState; patches: Patch[] } | { ok: false; reason: string; state: GameState } {
  const reason = whyNot(scenario, state, move);
  if (reason) return { ok: false, reason, state };
  const [next, patches] = immer.produceWithPatches(state, (g) => play(scenario, g, move, false));
  return { ok: true, state: sealed(state, next), patches };
}

/** `wholeHistory`: see commitWorking (false when immer's patches must name only what changed). */
function play(scenario: Scenario, g: GameState, move: Move, wholeHistory: boolean): void {
  beginWorking(g);
  recordInTurn(g, 'moves', structuredCopy(move));
  applyMoveEffects(scenario, g, move);
  checkEnd(g);
  settle(scenario, g);
  commitWorking(g, wholeHistory);
}

/** Keep only a move's own fields, so a log holds exactly what replays (what a JSON round trip keeps). */
function structuredCopy(move: Move): Move {
  // Fast path for the usual shape (strings and lists of strings); anything else goes through JSON.
  const out: Record<string, unknown> = {};
  const keys = Object.keys(move);
  for (let k = 0; k < keys.length; k++) {
    const v = (move as unknown as Record<string, unknown>)[keys[k]];
    if (typeof v === 'string') out[keys[k]] = v;
    else if (Array.isArray(v) && allStrings(v)) out[keys[k]] = [...v];
    else return JSON.parse(JSON.stringify(move)) as Move;
  }
  return out as unknown as Move;
}

function allStrings(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return false;
  return true;
}

/** Let the game machine move the phase on as far as it can, running briefings and resolutions. */
function settle(scenario: Scenario, g: GameState): void {
  for (;;) {
    autoFinishImplementation(g);
    const next = settledPhase(g);
    if (next === phaseOf(g)) return;
    setPhase(g, next);
    if (next === 'resolution') resolveTurn(scenario, g);
    else if (next === 'briefing') {
      startTurn(g);
      runBriefing(scenario, g);
      checkEnd(g);
    }
  }
}

/**
 * A side with nothing to decide and nothing to verify needs no "done" of its own, once the other side
 * has decided too: until then the other side's implementation may yet be there to verify this turn.
 */
function autoFinishImplementation(g: GameState): void {
  if (phaseOf(g) !== 'implementation') return;
  for (const s of SIDES) {
    if (thisTurnOf(g).done.includes(s)) continue;
    const nothingLeft = undecidedObligations(g, s).length === 0 && verifiable(g, s).length === 0;
    if (nothingLeft && undecidedObligations(g, otherSide(s)).length === 0) writableThisTurnPart(g, 'done').push(s);
  }
}

/** Agreements whose other side reports implementation that `side` has not yet verified. */
export function verifiable(g: GameState, side: Side): string[] {
  const them = otherSide(side);
  const out: string[] = [];
  for (const a of agreementsOf(g)) {
    const o = a.obligations[them];
    if (a.status !== 'broken' && o.cards.length > 0 && o.status !== 'pending' && !o.verified && !o.exposed) out.push(a.id);
  }
  return out;
}

function startTurn(g: GameState): void {
  setField(g, 'lastTone', { ...thisTurnOf(g).statements });
  const turn = advanceTurn(g);
  addTurnRecord(g, { turn, moves: [], ledger: [], news: [] });
  setField(g, 'initiative', otherSide(fieldOf(g, 'initiative')));
  resetThisTurn(g, freshTurn());
  setField(g, 'proposal', null);
}

function stagesOf(g: GameState): Record<string, string> {
  return Object.fromEntries(Object.entries(tracksOf(g)).map(([id, t]) => [id, t.stage]));
}

/** End of turn: hidden defections may surface, pauses feed hawks, channels calm things, allies react. */
function resolveTurn(scenario: Scenario, g: GameState): void {
  const rules = scenario.rules;
  const agreements = [...agreementsOf(g)]; // a copy: breaking one below replaces it in the working list
  for (let i = 0; i < agreements.length; i++) {
    // An exposure breaks the agreement, so its other side is not checked again.
    let broken = agreements[i].status === 'broken';
    for (const s of SIDES) {
      const o = agreements[i].obligations[s];
      if (!broken && o.status === 'defected' && !o.exposed && draw(g) < rules.exposeChance) {
        breakAgreement(scenario, g, writableAgreement(g, agreements[i].id), s, 'was exposed by intelligence reports');
        broken = true;
      }
    }
  }
  const anyChannel = scenario.channels.some((c) => channelsOf(g)[c.id].open);
  if (!thisTurnOf(g).proposed && !anyChannel) {
    for (const s of SIDES) {
      changeMeter(g, SIDE_METERS.hawks[s], rules.pauseHawks, 'a pause in dialogue bolsters the hawks');
      changeTrust(g, rules, s, rules.pauseTrust, 'a pause in dialogue');
    }
    for (const t of scenario.tracks) sendTrack(scenario, g, t.id, 'STALL');
  }
  for (const c of scenario.channels) {
    if (channelsOf(g)[c.id].open) changeMeter(g, 'escalation', -c.damp, `${textOf(c.name)} keeps the channel open`, c.cite[0]?.file);
  }
  changeMeter(g, 'escalation', -rules.escalationDecay, 'tensions ease with time');
  for (const s of SIDES) {
    if (metersOf(g).hawks[s] >= 70) changeMeter(g, 'escalation', 2, `${possessive(sideName(scenario, s))} hawks push for a show of force`);
  }
  for (const t of scenario.thirdParties) {
    if (metersOf(g).allies[t.id] < rules.allyAlarmBelow)
      changeMeter(g, SIDE_METERS.support[t.patron], rules.allyAlarmSupport, `${textOf(t.name)} feel abandoned`);
  }
  checkEnd(g);
  if (!fieldOf(g, 'end') && turnOf(g) >= scenario.turns) setField(g, 'end', { reason: 'turns', turn: turnOf(g) });
  const record = writableTurn(g, turnOf(g));
  const biggest = record.ledger.reduce<LedgerEntry | undefined>((m, e) => (!m || Math.abs(e.delta) > Math.abs(m.delta) ? e : m), undefined);
  record.meters = meterSnapshot(g);
  record.stages = stagesOf(g);
  if (biggest && Math.abs(biggest.delta) >= 8) record.turningPoint = `${biggest.delta > 0 ? '+' : ''}${biggest.delta} ${biggest.meter}: ${biggest.cause}`;
}

/** Escalation at 100 ends the game for both; a side whose support collapses loses office. */
function checkEnd(g: GameState): void {
  if (fieldOf(g, 'end')) return;
  const meters = metersOf(g);
  if (meters.escalation >= 100) setField(g, 'end', { reason: 'escalation', turn: turnOf(g) });
  else {
    const fallen = SIDES.find((s) => meters.support[s] <= 0);
    if (fallen) setField(g, 'end', { reason: 'office', side: fallen, turn: turnOf(g) });
  }
}

/** The sides that must act before the game can go on. */
export function pendingSides(g: GameState): Side[] {
  switch (g.phase) {
    case 'statements':
      return SIDES.filter((s) => g.thisTurn.statements[s] === undefined);
    case 'proposals':
      return [g.initiative];
    case 'responses':
      return g.proposal ? [otherSide(g.proposal.by)] : [];
    case 'implementation':
      return SIDES.filter((s) => !g.thisTurn.done.includes(s));
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
