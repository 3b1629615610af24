// One seat's view of the table, computed once here and read by every screen and player: the local table (DOM and
// canvas), the classroom server's update to a team (which the student page shows as it comes), and the computer
// counterpart. Whose move it is, what this side may do now and why not, what signing or accepting a package would do
// to the meters and to this side's score, the score so far, and each track's next step.
//
// It is built only from what the seat may know: the side's own view of the state (viewFor) and the scenario with the
// other side's priorities, red lines, brief and goal blanked (seatScenario). So the same view comes out whether it is
// handed the whole game or only what was sent to the seat, and nothing in it can tell the other side's secrets.
import { applyMove, legalMoves, nextActors, whyNot } from './game';
import { whyNotNow } from './game-machine';
import { nextForwardStep } from './track-machine';
import { outcomeOf, type SideOutcome } from './outcome';
import { packageUtility } from './utility';
import { viewFor, type PublicScenario, type SideView } from './view';
import { meterChanges, playSigning, type PackagePreview } from './preview';
import { REFUSAL_REASONS, otherSide, type RefusalReason, type Conditions, type GameState, type Move, type PackageTerms, type Phase, type Proposal, type Scenario, type SideDef, type Side, type TrackEventType } from './types';

/** May this side make a kind of move now? `why` is the engine's reason when it may not. */
export interface Permission {
  may: boolean;
  why: string | null;
}

/** What signing a package would do, for the side that sends or accepts it. */
export interface SigningPreview extends PackagePreview {
  /** The change of this side's own score on signing (its support, the tracks' progress, escalation), to a tenth. */
  score: number;
  /** What the concessions are worth to this side once both sides carry them out, by its own priorities. */
  worth: number;
}

/** The package on the table, and what this side may do about it. */
export interface OfferView extends Proposal {
  /** May this side accept it (only the side it was made to, and not across its own red lines)? */
  accept: Permission;
  /** What accepting it would do, when this side may accept it. */
  preview: SigningPreview | null;
}

/** Where a track stands and the step the players can take next on it. */
export interface TrackStanding {
  track: string;
  stage: string;
  next: { on: TrackEventType; to: string; needs?: Conditions } | null;
}

export interface TableView {
  side: Side;
  /** The game as this side may see it. */
  view: SideView;
  phase: Phase;
  /** Who is asked to move now, first to act first (the engine's turn order). */
  nextActors: Side[];
  /** Is this side asked to move now? */
  yourMove: boolean;
  /** Every move this side may make now except packages (statements, channels, pass, answers, implementation). */
  moves: Move[];
  /** The reasons this side may give now for rejecting the package on the table (none when it may not reject). */
  refusalReasons: RefusalReason[];
  /** Its own cards it may declare a red line with the statement it makes now (none outside its statement). */
  declarable: string[];
  /** May this side send a package now, as a proposal or as a counter-proposal? */
  propose: Permission;
  counter: Permission;
  offer: OfferView | null;
  /** This side's score so far and its goal, as far as it can tell (a defection it has not found looks kept). */
  score: SideOutcome;
  tracks: TrackStanding[];
}

const HIDDEN = ['priorities', 'redLines', 'brief', 'goal', 'reservation', 'counterpart'] as const;
const seatScenarios = new WeakMap<object, Partial<Record<Side, Scenario>>>();

/**
 * The scenario as `side` knows it, usable by every engine function: the other side's priorities, red lines, brief and
 * goal blanked (from the whole scenario, or from the public one a seat was sent: the result is the same).
 */
export function seatScenario(scenario: Scenario | PublicScenario, side: Side): Scenario {
  const known = seatScenarios.get(scenario) ?? {};
  if (known[side]) return known[side];
  const them = otherSide(scenario.seats, side);
  const theirs = scenario.sides[them] as Record<string, unknown>;
  // Only the open fields are read: a seat's scenario may hold the hidden ones behind traps (the agent's tests do).
  const open = Object.fromEntries(Object.keys(theirs).filter((k) => !(HIDDEN as readonly string[]).includes(k)).map((k) => [k, theirs[k]]));
  const blank: Pick<SideDef, Exclude<(typeof HIDDEN)[number], 'counterpart'>> = { priorities: {}, redLines: [], brief: '', goal: 0, reservation: 0 };
  const { classroom: _limits, ...rest } = scenario as Scenario; // how far each side's brief may vary: not the engine's, nor a seat's
  const seat = { ...rest, sides: { [side]: scenario.sides[side], [them]: { ...open, ...blank } } } as Scenario;
  seatScenarios.set(scenario, { ...known, [side]: seat });
  return seat;
}

/** The side's own view: made from the whole state, or the view itself when that is what the seat holds. */
function seatView(state: GameState | SideView, side: Side): SideView {
  const viewer = (state as SideView).viewer;
  if (viewer === undefined) return viewFor(state, side);
  if (viewer !== side) throw new Error(`a view for ${viewer} cannot be read as ${side}'s`);
  return state as SideView;
}

const round1 = (x: number) => Math.round(x * 10) / 10 + 0;

function signingPreview(seat: Scenario, view: SideView, side: Side, signed: GameState, terms: PackageTerms): SigningPreview {
  const score = outcomeOf(seat, signed).sides[side].score - outcomeOf(seat, view).sides[side].score;
  return { refused: null, onSigning: meterChanges(view, signed), score: round1(score), worth: round1(packageUtility(seat, terms, side)) };
}

/**
 * What signing `terms` (this side's package: `give` its own cards, `ask` the other side's) would do now, played on a
 * copy: sent as a proposal, or as a counter-proposal while this side answers one, and signed by the other side.
 * `refused` says why it could not be sent. The other side's red lines are not known here, so it is previewed as if
 * the other side could sign it (its answer tells).
 */
export function previewFor(scenario: Scenario | PublicScenario, state: GameState | SideView, side: Side, terms: PackageTerms): SigningPreview {
  const seat = seatScenario(scenario, side);
  const view = seatView(state, side);
  const played = playSigning(seat, view, side, terms);
  if (played.refused !== null) return { refused: played.refused, onSigning: {}, score: 0, worth: 0 };
  // Only the other side's red lines stop a signature, and they are blanked here.
  if (!played.signed) throw new Error('a package the other side may sign was refused its signature');
  return signingPreview(seat, view, side, played.signed, terms);
}

/**
 * May `side` send a package of this kind now (a proposal, or a counter-proposal to the package it is answering)? The
 * rules' answer about the moment, and, when the moment is right, whether any concession is left that a package could
 * hold (each card alone, asked of the rules). `why` is the rules' own reason when it may not.
 */
export function packagePermission(scenario: Scenario | PublicScenario, state: GameState | SideView, side: Side, type: 'propose' | 'counter'): Permission {
  const seat = seatScenario(scenario, side);
  const view = seatView(state, side);
  const moment = whyNotNow(view, { type, side, give: [], ask: [] });
  if (moment) return { may: false, why: moment };
  let why: string | null = null;
  for (const c of seat.cards) {
    const terms = c.side === side ? { give: [c.id], ask: [] } : { give: [], ask: [c.id] };
    const reason = whyNot(seat, view, { type, side, ...terms });
    if (reason === null) return { may: true, why: null };
    why ??= reason;
  }
  return { may: false, why: why ?? whyNot(seat, view, { type, side, give: [], ask: [] }) };
}

function offerView(seat: Scenario, view: SideView, side: Side): OfferView | null {
  const p = view.proposal;
  if (!p) return null;
  const why = whyNot(seat, view, { type: 'accept', side });
  let preview: SigningPreview | null = null;
  if (why === null) {
    const signed = applyMove(seat, view, { type: 'accept', side });
    if (signed.ok) preview = signingPreview(seat, view, side, signed.state, { give: p.ask, ask: p.give, format: p.format });
  }
  return { ...p, accept: { may: why === null, why }, preview };
}

/** What `side`'s seat shows and may do now. Pure: the same state and side give the same view. */
export function tableView(scenario: Scenario | PublicScenario, state: GameState | SideView, side: Side): TableView {
  const seat = seatScenario(scenario, side);
  const view = seatView(state, side);
  // A sealed side has spoken (only what it said is hidden), so it is not asked again.
  const actors = nextActors(view).filter((s) => !view.sealed?.includes(s));
  const moves = legalMoves(seat, view, side);
  const reject = moves.find((m) => m.type === 'reject');
  const statement = moves.find((m) => m.type === 'statement');
  return {
    side,
    view,
    phase: view.phase,
    nextActors: actors,
    yourMove: actors.includes(side),
    moves,
    refusalReasons: reject ? REFUSAL_REASONS.filter((reason) => whyNot(seat, view, { ...reject, reason }) === null) : [],
    declarable: statement ? seat.cards.filter((c) => c.side === side && whyNot(seat, view, { ...statement, redLine: c.id }) === null).map((c) => c.id) : [],
    propose: packagePermission(seat, view, side, 'propose'),
    counter: packagePermission(seat, view, side, 'counter'),
    offer: offerView(seat, view, side),
    score: outcomeOf(seat, view).sides[side],
    tracks: seat.tracks.map((t) => ({ track: t.id, stage: view.tracks[t.id].stage, next: nextForwardStep(t, view.tracks[t.id].stage) })),
  };
}
