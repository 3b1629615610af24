// What crosses the wire between classroom pages and the server: message names, zod schemas for
// everything a client may send (checked before any handler runs), and the shapes the server sends.
import { z } from 'zod';
import type { GameState, Inject, Move, PublicScenario, Scenario, Side, TableView } from '../engine';

export const ROOM_NAME = 'classroom';
/** Largest message a client may send (bytes); the WebSocket closes on anything bigger. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Messages a client may send per second before the rest are refused. */
export const RATE_PER_SECOND = 10;
export const JOIN_CODE = /^[A-HJ-NP-Z2-9]{6}$/;

const id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.:-]+$/);
const cards = z.array(id).max(40);
const seq = z.number().int().nonnegative();
/** A seat key as the server makes them: 24 hex digits (randomBytes(12)); anything else is no seat. */
export const SEAT_KEY = /^[0-9a-f]{24}$/;
const seatKey = z.string().regex(SEAT_KEY, 'not a seat');
/** A side by its id in the scenario (india, pakistan; us, ru): the server refuses one the session's scenario does not have. */
const side = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'not a side id');
/** A team whose members are all away this long (or the turn timer, when shorter) is played by the computer. */
export const AWAY_GRACE_SECONDS = 60;

/** A student's intended move: the side is the seat's, never the client's word (a side that differs is refused). */
export const moveSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('statement'), tone: z.enum(['conciliatory', 'neutral', 'hostile']), redLine: id.optional() }),
  z.object({ type: z.literal('openChannel'), channel: id }),
  z.object({ type: z.literal('propose'), give: cards, ask: cards, format: z.enum(['bilateral', 'multilateral']).optional() }),
  z.object({ type: z.literal('counter'), give: cards, ask: cards, format: z.enum(['bilateral', 'multilateral']).optional() }),
  z.object({ type: z.literal('pass') }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('reject'), reason: z.enum(['red-line', 'not-enough', 'not-now']).optional() }),
  z.object({ type: z.enum(['implement', 'delay', 'defect', 'verify']), agreement: id }),
  z.object({ type: z.literal('done') }),
]);
export type IntendedMove = z.infer<typeof moveSchema>;

export const clientMessages = {
  move: z.object({ seq, move: moveSchema, side: side.optional() }).strict(),
  vote: z.object({ seq, proposal: z.number().int().nonnegative(), yes: z.boolean() }).strict(),
  chat: z.object({ seq, text: z.string().min(1).max(500) }).strict(),
  // teacher only
  pause: z.object({ table: z.number().int().nonnegative().optional() }).strict(),
  resume: z.object({ table: z.number().int().nonnegative().optional() }).strict(),
  extend: z.object({ table: z.number().int().nonnegative().optional(), seconds: z.number().int().min(1).max(3600) }).strict(),
  message: z.object({ table: z.number().int().nonnegative(), side, text: z.string().min(1).max(1000) }).strict(),
  inject: z
    .object({
      table: z.number().int().nonnegative().optional(),
      event: id.optional(),
      written: z.object({ title: z.string().min(1).max(200), text: z.string().min(1).max(2000) }).strict().optional(),
    })
    .strict()
    .refine((m) => (m.event === undefined) !== (m.written === undefined), 'give either an event or a written inject'),
  assign: z.object({ seat: seatKey, table: z.number().int().nonnegative(), side }).strict(),
  /** The teacher takes a student out of the session: the seat is closed and its page told so. */
  remove: z.object({ seat: seatKey }).strict(),
  /** The teacher gives a team to the computer (`computer: true`) or back to its students. */
  computer: z.object({ table: z.number().int().nonnegative(), side, computer: z.boolean() }).strict(),
  end: z.object({}).strict(),
} as const;
export type ClientMessageType = keyof typeof clientMessages;
export const TEACHER_ONLY: ReadonlySet<string> = new Set(['pause', 'resume', 'extend', 'message', 'inject', 'assign', 'remove', 'computer', 'end']);
export const STUDENT_ONLY: ReadonlySet<string> = new Set(['move', 'vote', 'chat']);

export const sessionRequestSchema = z
  .object({
    scenario: id.optional(),
    scenarioText: z.string().max(1_000_000).optional(),
    tables: z.number().int().min(1).max(200).default(1),
    timerSeconds: z.number().int().min(0).max(3600).default(0),
    fillWithComputer: z.boolean().default(true),
    decision: z.enum(['lead', 'vote']).default('lead'),
    /** Vary each table's hidden priorities and red lines within the scenario's classroom.vary limits. */
    varyBriefs: z.boolean().default(false),
    /** Play the scenario's short class length (classLength in its file) instead of its full length. */
    length: z.enum(['full', 'class']).default('full'),
  })
  .strict()
  .refine((r) => (r.scenario === undefined) !== (r.scenarioText === undefined), 'give either a built-in scenario id or a scenario text');
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

// ---------------------------------------------------------------- server -> client

export type Decision = 'lead' | 'vote';

export interface Welcome {
  role: 'student';
  seat: string;
  name: string;
  table: number;
  side: Side;
  lead: boolean;
  decision: Decision;
  /** The last message number this seat sent (from any page): the page numbers on from it, so a replay is refused. */
  lastSeq: number;
  /** This seat's resume code, shown only on its own page: another device continues in the seat with the name and this code. */
  resumeCode: string;
  /** The scenario with the other side's brief, priorities and red lines removed. */
  scenario: PublicScenario;
}

/** Sent to the teacher once on joining: the whole scenario (both briefs) and the session's settings. */
export interface TeacherWelcome {
  role: 'teacher';
  code: string;
  scenario: Scenario;
  settings: { tables: number; timerSeconds: number; fillWithComputer: boolean; decision: Decision; createdAt: string; varyBriefs: boolean; classLength: boolean };
}

export interface ChatLine {
  from: string;
  text: string;
  at: number;
  teacher?: boolean;
}

export interface TeamProposal {
  id: number;
  by: string;
  move: IntendedMove;
  yes: string[];
  needed: number;
}

/**
 * One team's whole picture of its table ('table'), sent on joining and after every change to the game, the timer or
 * the pause: the engine's view of its seat (tableView: the game as it may see it, whose move it is, what it may do
 * and what accepting would do, its score so far), with the room around it. The page shows these as they come and
 * decides none of them. Smaller parts go on their own: a chat line ('chat', appended), who is in the team ('team')
 * and the team's vote ('proposal'), so that a chat line or a laptop coming back does not resend the whole table.
 */
export interface TeamUpdate extends TableView {
  table: number;
  /** Milliseconds left on the turn timer (null: no timer), and whether the table is paused. */
  timerLeft: number | null;
  paused: boolean;
  ended: boolean;
  team: { name: string; lead: boolean; online: boolean }[];
  chat: ChatLine[];
  proposal: TeamProposal | null;
  /** The computer moves for this team: 'teacher' when the teacher gave it the team, 'away' when every member is away. */
  computer: 'teacher' | 'away' | null;
  /** Sequence number of the last move applied, for clients measuring move-to-update latency. */
  moveCount: number;
}

/** A new line of the team chat. */
export interface ChatMessage {
  table: number;
  side: Side;
  line: ChatLine;
}
export interface TeamMessage {
  table: number;
  side: Side;
  team: TeamUpdate['team'];
}
export interface ProposalMessage {
  table: number;
  side: Side;
  proposal: TeamProposal | null;
}
/** Sent to a page whose messages come faster than RATE_PER_SECOND: it shows it, for the seconds given. */
export interface SlowDown {
  seconds: number;
  refused: number;
}
/** Sent to a student's page when the teacher takes the student out of the session (then the connection closes). */
export const REMOVED_CLOSE_CODE = 4001;

/** The question a name that matches an away seat gets: the page offers to continue as that student, or to join anew. */
export const takeoverQuestion = (name: string, table: number, side: string) => `Are you ${name} at table ${table}, ${side}? Continue as ${name} on this device, or join as someone else.`;
export const TAKEOVER_QUESTION = /^Are you (.+) at table \d+, /;
/** Said when a takeover comes without the seat's resume code, or with a wrong one. */
export const wrongResumeCode = (name: string) =>
  `To continue as ${name} on this device, type the resume code shown on ${name}'s own page. Lost that page? Ask your teacher to move you, or join with a seat of your own.`;

/** Wrong resume codes a seat takes in ten minutes before it refuses every takeover for the rest of them. */
export const WRONG_RESUME_CODES = 5;
/** Said when a seat has had too many wrong resume codes: the right one waits too, so guessing gains nothing. */
export const resumeCodeLocked = (name: string) =>
  `Too many wrong resume codes were typed for ${name}: taking over that seat is closed for ten minutes. Ask your teacher to move you, or join with a seat of your own.`;

export interface TableSummary {
  table: number;
  turn: number;
  phase: GameState['phase'];
  meters: GameState['meters'];
  stages: Record<string, string>;
  /** Who is asked to move now (the engine's turn order, as the teams' pages show it). */
  pending: Side[];
  paused: boolean;
  timerLeft: number | null;
  seats: Record<Side, { name: string; online: boolean; lead: boolean; seat: string }[]>;
  computer: Side[];
  /** Teams the teacher gave to the computer (played by it whoever is seated). */
  givenToComputer: Side[];
  /** Teams played by the computer because every member has been away longer than the grace. */
  awayToComputer: Side[];
  moves: number;
  agreements: number;
  /** The last few log entries (moves and injects), newest last. */
  recent: LogEntry[];
  /** Each seat's score so far, by the scenario's side id, and both together. */
  outcome: { scores: Record<Side, number>; joint: number; ended: boolean } | null;
}

export interface TeacherUpdate {
  code: string;
  scenario: { id: string; title: string; events: { id: string; title: string }[] };
  tables: TableSummary[];
  ended: boolean;
  refused: number;
  /** Refused messages by reason (too fast, malformed, replayed, out of turn…) and by student, most first. */
  refusedBy: { reasons: { reason: string; count: number }[]; students: { name: string; table: number | null; count: number }[] };
  unseated: { seat: string; name: string; online: boolean }[];
  debrief: Debrief | null;
}

/** A package in the class debrief: its worth to each side, and what it is in words. */
export interface DebriefDeal {
  us: number;
  ru: number;
  summary: string;
}

/**
 * One table in the class debrief. `us`, `ru` and `joint` are what the concessions the table carried out would bring
 * each side's score as one package from the start (its concessions, track progress, support at home, escalation), on
 * the same scale as the frontier (the deal analysis); what the whole game brought is `score`. In every point of the
 * debrief `us` is the scenario's first seat (across) and `ru` its second (up), whatever the seats are called; `sides`
 * names them.
 */
export interface DebriefTable {
  /** Index of the table from 0, as in TableSummary; people read `label`. */
  table: number;
  us: number;
  ru: number;
  joint: number;
  /** Agreements signed. */
  agreements: number;
  label: string;
  /** Agreements both sides carried out. */
  implemented: number;
  ended: boolean;
  /** What was delivered, in words ("no deal" when nothing was). */
  deal: string;
  /** Distance to the nearest package on the Pareto frontier (0 on it). */
  distance: number;
  onFrontier: boolean;
  /** How much both sides could have gained at once over what they got (0 when no deal beats it for both). */
  bothCouldGain: number;
  /** The package both sides would have preferred, with the largest shared gain; null when there is none. */
  missed: DebriefDeal | null;
  /** The game's own score of each seat (by side id) and the joint score. */
  score: Record<Side, number> & { joint: number };
  /** How this table's hidden briefs differed from the scenario file, in words (empty: not varied). */
  briefs: string[];
}

export interface Debrief {
  tables: DebriefTable[];
  frontier: { us: number; ru: number }[];
  historical: { us: number; ru: number; label: string; summary: string; cite: { file: string; quote?: string }[] } | null;
  scenario: { id: string; title: string };
  /** The names of the first seat (`us` in every point) and the second (`ru`). */
  sides: { us: string; ru: string };
  /** No deal at all. */
  disagreement: { us: number; ru: number };
  /** The Nash bargaining package (largest product of both sides' gains); null when no package gains both. */
  nash: DebriefDeal | null;
}

/**
 * One line of a table's log. `move` and `inject` make the game (replayed on restart, in order); the others record what
 * happened around it for the teacher: every teacher action, the team chats and every seat change, with times.
 * Tables are counted from 1 in every entry (`table`), as people read them. No entry holds a seat key: the log may be
 * read by anyone the teacher shares it with, and a key would let its reader take the seat.
 */
export type LogEntry =
  | { n: number; at: string; kind: 'move'; move: Move; by: string; seat?: string | null }
  | { n: number; at: string; kind: 'inject'; inject: Inject; by: 'teacher' }
  | { n: number; at: string; kind: 'teacher'; action: TeacherAction; by: 'teacher'; table: number; side?: Side; seconds?: number; text?: string; student?: string }
  | { n: number; at: string; kind: 'chat'; table: number; side: Side; from: string; text: string; teacher?: boolean }
  | { n: number; at: string; kind: 'seat'; table: number; side: Side | null; student: string; change: SeatChange };
export type TeacherAction = 'pause' | 'resume' | 'extend' | 'message' | 'assign' | 'remove' | 'computer' | 'human' | 'end';
export type SeatChange = 'joined' | 'moved in' | 'moved out' | 'removed' | 'took over from another device' | 'takeovers locked after wrong resume codes';
/** The entries the engine replays: everything else in a table's log is a record for the teacher. */
export const isGameEntry = (e: LogEntry): e is Extract<LogEntry, { kind: 'move' | 'inject' }> => e.kind === 'move' || e.kind === 'inject';
