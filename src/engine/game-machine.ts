// The turn loop as an XState machine. It decides what may happen next: which moves a phase
// accepts, from whom, and when the phase is over. It changes no data: moves.ts does, with immer.
import { and, setup, type SnapshotFrom } from 'xstate';
import { type GameState, type Move, type MoveType, type Phase } from './types';

/** A move offered to the machine, with the game it would be made in (the guards read it, never change it). */
export interface MoveEvent {
  type: MoveType;
  move: Move;
  game: GameState;
}
export interface SettleEvent {
  type: 'SETTLE';
  game: GameState;
}
export type GameMachineEvent = MoveEvent | SettleEvent;

/** Who-may-act checks. Each returns null when the move may go ahead, or the reason it may not. */
export const actorChecks = {
  hasNotStated: (g: GameState, m: Move) =>
    g.thisTurn.statements[m.side] ? 'you have already made your statement this turn' : null,
  hasNotRequestedChannel: (g: GameState, m: Move) =>
    g.thisTurn.channelRequests.includes(m.side) ? 'you have already reached out on a channel this turn' : null,
  holdsInitiative: (g: GameState, m: Move) =>
    // Not by name: the engine does not know what a scenario calls its sides.
    g.initiative === m.side ? null : "it is the other side's turn to propose (the initiative alternates)",
  isResponder: (g: GameState, m: Move) =>
    g.proposal && g.proposal.by !== m.side ? null : 'only the side that received the proposal can answer it',
  mayCounter: (g: GameState) =>
    g.proposal && !g.proposal.isCounter ? null : 'a counter-proposal can only be accepted or rejected',
  isNotDone: (g: GameState, m: Move) =>
    g.thisTurn.done.includes(m.side) ? 'you have already finished implementation this turn' : null,
  hasDecidedAll: (g: GameState, m: Move) =>
    undecidedObligations(g, m.side).length === 0
      ? null
      : `decide first on agreement ${undecidedObligations(g, m.side).join(', ')}: implement, delay or defect`,
} as const;
export type ActorCheck = keyof typeof actorChecks;

/** The checks on who makes each move (each move belongs to one phase: the machine below says which). */
export const MOVE_CHECKS: Record<MoveType, readonly ActorCheck[]> = {
  statement: ['hasNotStated'],
  openChannel: ['hasNotRequestedChannel'],
  propose: ['holdsInitiative'],
  pass: ['holdsInitiative'],
  accept: ['isResponder'],
  reject: ['isResponder'],
  counter: ['isResponder', 'mayCounter'],
  implement: ['isNotDone'],
  delay: ['isNotDone'],
  defect: ['isNotDone'],
  verify: ['isNotDone'],
  done: ['isNotDone', 'hasDecidedAll'],
};

/** Signed agreements where `side` still owes something and has not decided this turn. */
export function undecidedObligations(g: GameState, side: GameState['initiative']): string[] {
  const out: string[] = [];
  const turn = g.turn;
  for (const a of g.agreements) {
    const o = a.obligations[side];
    if (a.status === 'signed' && o.cards.length > 0 && o.status === 'pending' && o.decidedTurn !== turn) out.push(a.id);
  }
  return out;
}

const settleChecks = {
  allStated: (g: GameState) => g.seats.every((s) => g.thisTurn.statements[s] !== undefined),
  proposalPending: (g: GameState) => g.proposal !== null,
  passed: (g: GameState) => g.thisTurn.passed,
  answered: (g: GameState) => g.thisTurn.settled,
  allDone: (g: GameState) => g.seats.every((s) => g.thisTurn.done.includes(s)),
  gameOver: (g: GameState) => g.end !== null,
};

type GuardArgs = { event: GameMachineEvent };
/** A move guard: the named who-may-act check passes for the move in the event. */
const moveGuard =
  (check: ActorCheck) =>
  ({ event }: GuardArgs): boolean =>
    event.type !== 'SETTLE' && actorChecks[check](event.game, event.move) === null;
/** A phase guard: the named condition for leaving the phase holds in the game in the event. */
const phaseGuard =
  (check: keyof typeof settleChecks) =>
  ({ event }: GuardArgs): boolean =>
    settleChecks[check](event.game);

const gameSetup = setup({
  types: { events: {} as GameMachineEvent },
  guards: {
    hasNotStated: moveGuard('hasNotStated'),
    hasNotRequestedChannel: moveGuard('hasNotRequestedChannel'),
    holdsInitiative: moveGuard('holdsInitiative'),
    isResponder: moveGuard('isResponder'),
    mayCounter: moveGuard('mayCounter'),
    isNotDone: moveGuard('isNotDone'),
    hasDecidedAll: moveGuard('hasDecidedAll'),
    allStated: phaseGuard('allStated'),
    proposalPending: phaseGuard('proposalPending'),
    passed: phaseGuard('passed'),
    answered: phaseGuard('answered'),
    allDone: phaseGuard('allDone'),
    gameOver: phaseGuard('gameOver'),
  },
  // Marks a move as accepted; its effects are applied by moves.ts through immer.
  actions: { acceptMove: () => {} },
});

/** A move the phase accepts when the move's checks (MOVE_CHECKS) all pass. */
function accepted(type: MoveType) {
  const [first, ...rest] = MOVE_CHECKS[type];
  return { guard: rest.length === 0 ? first : and([first, ...rest]), actions: 'acceptMove' } as const;
}

export const gameMachine = gameSetup.createMachine({
  id: 'game',
  initial: 'briefing',
  states: {
    briefing: { on: { SETTLE: [{ guard: 'gameOver', target: 'ended' }, { target: 'statements' }] } },
    statements: {
      on: {
        statement: accepted('statement'),
        openChannel: accepted('openChannel'),
        SETTLE: [
          { guard: 'gameOver', target: 'ended' },
          { guard: 'allStated', target: 'proposals' },
        ],
      },
    },
    proposals: {
      on: {
        propose: accepted('propose'),
        pass: accepted('pass'),
        SETTLE: [
          { guard: 'gameOver', target: 'ended' },
          { guard: 'proposalPending', target: 'responses' },
          { guard: 'passed', target: 'implementation' },
        ],
      },
    },
    responses: {
      on: {
        accept: accepted('accept'),
        reject: accepted('reject'),
        counter: accepted('counter'),
        SETTLE: [
          { guard: 'gameOver', target: 'ended' },
          { guard: 'answered', target: 'implementation' },
        ],
      },
    },
    implementation: {
      on: {
        implement: accepted('implement'),
        delay: accepted('delay'),
        defect: accepted('defect'),
        verify: accepted('verify'),
        done: accepted('done'),
        SETTLE: [
          { guard: 'gameOver', target: 'ended' },
          { guard: 'allDone', target: 'resolution' },
        ],
      },
    },
    resolution: { on: { SETTLE: [{ guard: 'gameOver', target: 'ended' }, { target: 'briefing' }] } },
    ended: { type: 'final' },
  },
});

type GameSnapshot = SnapshotFrom<typeof gameMachine>;
const snapshots = new Map<Phase, GameSnapshot>();
/** The machine resting in a phase (a phase is the machine's whole state: the game's data is in the event). */
function snapshotAt(phase: Phase): GameSnapshot {
  let s = snapshots.get(phase);
  if (!s) {
    s = gameMachine.resolveState({ value: phase });
    snapshots.set(phase, s);
  }
  return s;
}

/** May this move be made now? Null if so, otherwise the reason, in words for a player. */
export function whyNotNow(game: GameState, move: Move): string | null {
  if (snapshotAt(game.phase).can({ type: move.type, move, game })) return null;
  if (!movesInPhase(game.phase).includes(move.type)) {
    if (game.phase === 'ended') return 'the game is over';
    return `${describeMove(move.type)} is not possible during the ${game.phase} phase`;
  }
  for (const c of MOVE_CHECKS[move.type] ?? []) {
    const reason = actorChecks[c](game, move);
    if (reason) return reason;
  }
  return 'that move is not possible now';
}

/** The phase the game moves to once the current one has what it needs (the same phase if not). */
export function settledPhase(game: GameState): Phase {
  const [taken] = gameMachine.getTransitionData(snapshotAt(game.phase), { type: 'SETTLE', game });
  const target = taken?.target?.[0];
  return target ? (target.key as Phase) : game.phase;
}

/** The phase in which a move of this type is made (a log's reader tells the phase from the move). */
export function phaseOfMove(type: MoveType): Phase {
  const phase = (Object.keys(gameMachine.states) as Phase[]).find((p) => movesInPhase(p).includes(type));
  if (!phase) throw new Error(`no phase takes a move of type "${type}"`);
  return phase;
}

/** The move types the phase accepts at all (whoever makes them). */
export function movesInPhase(phase: Phase): MoveType[] {
  return gameMachine.states[phase].ownEvents.filter((e): e is MoveType => e !== 'SETTLE');
}

function describeMove(type: MoveType): string {
  const names: Record<MoveType, string> = {
    statement: 'a public statement',
    openChannel: 'opening a channel',
    propose: 'a proposal',
    pass: 'passing',
    accept: 'accepting a proposal',
    reject: 'rejecting a proposal',
    counter: 'a counter-proposal',
    implement: 'implementing an agreement',
    delay: 'delaying an agreement',
    defect: 'defecting from an agreement',
    verify: 'verification',
    done: 'finishing implementation',
  };
  return names[type];
}
