// The turn loop as an XState machine. It decides what may happen next: which moves a phase
// accepts, from whom, and when the phase is over. It changes no data: moves.ts does, with immer.
import { and, setup, type SnapshotFrom } from 'xstate';
import { stepFlat } from './machine-step';
import { SIDES, type GameState, type Move, type MoveType, type Phase } from './types';
import { agreementsOf, fieldOf, phaseOf, thisTurnOf, turnOf } from './working';

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
    thisTurnOf(g).statements[m.side] ? 'you have already made your statement this turn' : null,
  hasNotRequestedChannel: (g: GameState, m: Move) =>
    thisTurnOf(g).channelRequests.includes(m.side) ? 'you have already reached out on a channel this turn' : null,
  holdsInitiative: (g: GameState, m: Move) =>
    // Not by name: the engine does not know what a scenario calls its sides.
    g.initiative === m.side ? null : "it is the other side's turn to propose (the initiative alternates)",
  isResponder: (g: GameState, m: Move) =>
    g.proposal && g.proposal.by !== m.side ? null : 'only the side that received the proposal can answer it',
  mayCounter: (g: GameState) =>
    g.proposal && !g.proposal.isCounter ? null : 'a counter-proposal can only be accepted or rejected',
  isNotDone: (g: GameState, m: Move) =>
    thisTurnOf(g).done.includes(m.side) ? 'you have already finished implementation this turn' : null,
  hasDecidedAll: (g: GameState, m: Move) =>
    undecidedObligations(g, m.side).length === 0
      ? null
      : `decide first on agreement ${undecidedObligations(g, m.side).join(', ')}: implement, delay or defect`,
} as const;
export type ActorCheck = keyof typeof actorChecks;

/** Which moves each phase accepts, and the checks on who makes them. */
export const PHASE_MOVES: Partial<Record<Phase, Partial<Record<MoveType, ActorCheck[]>>>> = {
  statements: {
    statement: ['hasNotStated'],
    openChannel: ['hasNotRequestedChannel'],
  },
  proposals: {
    propose: ['holdsInitiative'],
    pass: ['holdsInitiative'],
  },
  responses: {
    accept: ['isResponder'],
    reject: ['isResponder'],
    counter: ['isResponder', 'mayCounter'],
  },
  implementation: {
    implement: ['isNotDone'],
    delay: ['isNotDone'],
    defect: ['isNotDone'],
    verify: ['isNotDone'],
    done: ['isNotDone', 'hasDecidedAll'],
  },
};

/** Signed agreements where `side` still owes something and has not decided this turn. */
export function undecidedObligations(g: GameState, side: GameState['initiative']): string[] {
  const out: string[] = [];
  const turn = turnOf(g);
  for (const a of agreementsOf(g)) {
    const o = a.obligations[side];
    if (a.status === 'signed' && o.cards.length > 0 && o.status === 'pending' && o.decidedTurn !== turn) out.push(a.id);
  }
  return out;
}

const settleChecks = {
  allStated: (g: GameState) => SIDES.every((s) => thisTurnOf(g).statements[s] !== undefined),
  proposalPending: (g: GameState) => fieldOf(g, 'proposal') !== null,
  passed: (g: GameState) => thisTurnOf(g).passed,
  answered: (g: GameState) => thisTurnOf(g).settled,
  allDone: (g: GameState) => SIDES.every((s) => thisTurnOf(g).done.includes(s)),
  gameOver: (g: GameState) => fieldOf(g, 'end') !== null,
};

const moveGuards = Object.fromEntries(
  Object.entries(actorChecks).map(([name, check]) => [
    name,
    ({ event }: { event: GameMachineEvent }) =>
      event.type !== 'SETTLE' && check(event.game, (event as MoveEvent).move) === null,
  ]),
);
const phaseGuards = Object.fromEntries(
  Object.entries(settleChecks).map(([name, check]) => [name, ({ event }: { event: GameMachineEvent }) => check(event.game)]),
);

function movesOf(phase: Phase) {
  const on: Record<string, object> = {};
  for (const [type, checks] of Object.entries(PHASE_MOVES[phase] ?? {})) {
    const guards = checks!.map((c) => ({ type: c }));
    // The action marks the move as accepted; its effects are applied by moves.ts through immer.
    on[type] = { guard: guards.length === 1 ? guards[0] : and(guards), actions: 'acceptMove' };
  }
  return on;
}

// Escalation at its maximum or a side out of office ends the game from any phase.
const gameOver = { guard: 'gameOver', target: 'ended' } as const;

export const gameMachine = setup({
  types: { events: {} as GameMachineEvent },
  guards: { ...moveGuards, ...phaseGuards } as Record<string, (a: { event: GameMachineEvent }) => boolean>,
  actions: { acceptMove: () => {} },
}).createMachine({
  id: 'game',
  initial: 'briefing',
  states: {
    briefing: { on: { SETTLE: [gameOver, { target: 'statements' }] } },
    statements: { on: { ...movesOf('statements'), SETTLE: [gameOver, { guard: 'allStated', target: 'proposals' }] } },
    proposals: {
      on: {
        ...movesOf('proposals'),
        SETTLE: [
          gameOver,
          { guard: 'proposalPending', target: 'responses' },
          { guard: 'passed', target: 'implementation' },
        ],
      },
    },
    responses: { on: { ...movesOf('responses'), SETTLE: [gameOver, { guard: 'answered', target: 'implementation' }] } },
    implementation: {
      on: { ...movesOf('implementation'), SETTLE: [gameOver, { guard: 'allDone', target: 'resolution' }] },
    },
    resolution: { on: { SETTLE: [gameOver, { target: 'briefing' }] } },
    ended: { type: 'final' },
  },
} as never);

const snapshots = new Map<Phase, SnapshotFrom<typeof gameMachine>>();
function snapshotAt(phase: Phase) {
  let s = snapshots.get(phase);
  if (!s) {
    s = gameMachine.resolveState({ value: phase, context: {} });
    snapshots.set(phase, s);
  }
  return s!;
}

/** May this move be made now? Null if so, otherwise the reason, in words for a player. */
export function whyNotNow(game: GameState, move: Move): string | null {
  if (stepFlat(gameMachine, snapshotAt(game.phase), { type: move.type, move, game } as MoveEvent) !== null) return null;
  const allowed = PHASE_MOVES[game.phase]?.[move.type];
  if (!allowed) {
    if (game.phase === 'ended') return 'the game is over';
    return `${describeMove(move.type)} is not possible during the ${game.phase} phase`;
  }
  for (const c of allowed) {
    const reason = actorChecks[c](game, move);
    if (reason) return reason;
  }
  return 'that move is not possible now';
}

/** The phase the game moves to once the current one has what it needs (the same phase if not). */
export function settledPhase(game: GameState): Phase {
  const phase = phaseOf(game);
  const next = stepFlat(gameMachine, snapshotAt(phase), { type: 'SETTLE', game } as SettleEvent);
  return next === null || next === 'stay' ? phase : (next as Phase);
}

/** The move types the phase accepts at all (whoever makes them). */
export function movesInPhase(phase: Phase): MoveType[] {
  return Object.keys(PHASE_MOVES[phase] ?? {}) as MoveType[];
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
