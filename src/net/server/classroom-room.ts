// One class session = one Colyseus room (roomId = join code). Every table runs the engine
// authoritatively; each team receives only the engine's view of its seat (tableView) and the scenario without the other brief.
import { Room, Protocol, ServerError, ErrorCode, getMessageBytes, type Client } from '@colyseus/core';
import { createHash, randomBytes } from 'node:crypto';
import {
  applyInject,
  applyMove,
  createGame,
  outcomeOf,
  nextActors,
  scenarioFor,
  tableView,
  textOf,
  whyNotInject,
  otherSide,
  type GameState,
  type Inject,
  type Move,
  type Scenario,
  type Side,
} from '../../engine';
import { createCounterpart, type Counterpart } from '../../ai/counterpart';
import {
  clientMessages,
  isGameEntry,
  takeoverQuestion,
  wrongResumeCode,
  resumeCodeLocked,
  WRONG_RESUME_CODES,
  AWAY_GRACE_SECONDS,
  RATE_PER_SECOND,
  REMOVED_CLOSE_CODE,
  SEAT_KEY,
  STUDENT_ONLY,
  TEACHER_ONLY,
  type ChatLine,
  type ChatMessage,
  type Debrief,
  type LogEntry,
  type ProposalMessage,
  type SeatChange,
  type SlowDown,
  type TableSummary,
  type TeacherAction,
  type TeacherUpdate,
  type TeacherWelcome,
  type TeamMessage,
  type TeamProposal,
  type TeamUpdate,
  type Welcome,
} from '../protocol';
import type { ClassroomStore, Seat, SessionRecord, TableSave } from './store';
import { WindowCounter } from './http';
import { tableScenario, type BriefChange } from '../../scenario/vary';

export interface ClassroomContext {
  store: ClassroomStore;
  scenarioOf(session: SessionRecord): Scenario;
  debriefOf?(scenario: Scenario, tables: GameState[], played?: { scenario: Scenario; changes: BriefChange[] }[]): Debrief;
}
let context: ClassroomContext;
export const setClassroomContext = (c: ClassroomContext) => {
  context = c;
};

interface Table {
  index: number;
  /** What this table plays: the session's scenario, or with "vary the briefs" its own version of the hidden briefs. */
  scenario: Scenario;
  /** How this table's briefs differ from the scenario file (empty unless varied). */
  varied: BriefChange[];
  state: GameState;
  /** The moves and injects (what replays the game); the log holds `logged` entries in all, these and the records around them. */
  entries: LogEntry[];
  logged: number;
  /** Teams the teacher gave to the computer. */
  givenToComputer: Set<Side>;
  deadline: number | null;
  remaining: number | null;
  paused: boolean;
  chat: Record<Side, ChatLine[]>;
  proposal: Record<Side, TeamProposal | null>;
  counterparts: Partial<Record<Side, Counterpart>>;
  lastTurn: number;
}

interface ClientData {
  role: 'teacher' | 'student';
  seat?: string;
  lastSeq: number;
  tokens: number;
  refilledAt: number;
  /** When this page was last told it sends too fast (it is told at most once a second). */
  slowedAt: number;
}

/** Why messages are refused, counted per reason and per seat and logged as a summary every REFUSAL_SUMMARY_MS. */
type RefusalKind = 'too fast' | 'malformed' | 'replayed' | 'not allowed' | 'refused by the rules' | 'unknown message' | 'session ended' | 'server error';
const REFUSAL_SUMMARY_MS = 10_000;
/** What a student reads when a handler failed: the operator's log has the error (once per kind of failure). */
const SERVER_ERROR_SENTENCE = 'The server could not do that just now. Try again; if it happens again, tell your teacher.';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The team chats as the log has them (every line is logged as it is said): the last 50 a team; null for a log from before chat was logged. */
function chatOf(entries: LogEntry[], seats: readonly Side[]): Record<Side, ChatLine[]> | null {
  const chat = perSide(seats, (): ChatLine[] => []);
  let any = false;
  for (const e of entries) {
    if (e.kind === 'chat') chat[e.side].push({ from: e.from, text: e.text, at: Date.parse(e.at), ...(e.teacher ? { teacher: true } : {}) });
    else if (e.kind === 'teacher' && e.action === 'message' && e.side) chat[e.side].push({ from: 'Teacher', text: e.text ?? '', at: Date.parse(e.at), teacher: true });
    else continue;
    any = true;
  }
  return any ? perSide(seats, (s) => chat[s].slice(-50)) : null;
}

/** One value for each of the scenario's sides, keyed by its id. */
const perSide = <T>(seats: readonly Side[], value: (side: Side) => T): Record<Side, T> => Object.fromEntries(seats.map((s) => [s, value(s)]));

/** A join the page must not retry: AUTH_FAILED tells the client so (a plain Error reaches it as APPLICATION_ERROR, and it kept rejoining). */
const refusal = (sentence: string) => new ServerError(ErrorCode.AUTH_FAILED, sentence);
/** The same name, whatever its case or spacing: "Sam", "sam " and a seat already told apart as "Sam (2)" when it is Sam (2). */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Pull from an env-free clock in one place: timers are the only wall-clock the server reads. */
const now = () => Date.now();
/** A running timer is saved this often, so a killed server loses at most this much of it (in the students' favour). */
const TIMER_SAVE_MS = 5000;

/** Six digits drawn from the seat key (a secret of the seat's own page), so a student can carry them to another device. */
const resumeCodeOf = (seatKey: string): string => String(parseInt(createHash('sha256').update(`resume:${seatKey}`).digest('hex').slice(0, 8), 16) % 1_000_000).padStart(6, '0');

export class ClassroomRoom extends Room {
  // Our token bucket (RATE_PER_SECOND) refuses and tells the page; Colyseus drops only a connection far past it.
  override maxMessagesPerSecond = 2000;
  override autoDispose = false;
  private session!: SessionRecord;
  private scenario!: Scenario;
  private tables: Table[] = [];
  // A Map, never an object indexed by what a client sent: "__proto__" or "constructor" is no seat.
  private seats = new Map<string, Seat>();
  /** The last message number each seat sent, across its connections: sequence 1 again on a new page is a replay. */
  private lastSeq = new Map<string, number>();
  /** A seat's number rose since the seats were last saved (saved with the next tick). */
  private seqDirty = false;
  /** Since when every member of a team (table/side) has been away; after the grace the computer plays it. */
  private awaySince = new Map<string, number>();
  private teams: Map<string, [string, Seat][]> | null = null;
  private online = new Map<string, Client>();
  private teachers = new Set<Client>();
  private refused = 0;
  private refusedShown = 0;
  private refusals = { byReason: new Map<RefusalKind, number>(), bySeat: new Map<string, number>(), sinceSummary: new Map<string, number>(), summarisedAt: now() };
  private reportedErrors = new Set<string>();
  private nextProposal = 1;
  private writes: Promise<void> = Promise.resolve();
  private tablesDirty = false;
  private tablesSavedAt = 0;
  private heldAt = now();

  override async onCreate(options: { code: string }) {
    this.roomId = options.code;
    const session = await context.store.loadSession(options.code);
    if (!session) throw new Error(`no session ${options.code}`);
    this.session = session;
    this.scenario = context.scenarioOf(session);
    this.seats = new Map(Object.entries(await context.store.loadSeats(session.code)).filter(([k]) => SEAT_KEY.test(k)));
    for (const [k, x] of this.seats) if (x.lastSeq) this.lastSeq.set(k, x.lastSeq);
    const saved = await context.store.loadTables(session.code);
    for (let i = 0; i < session.tables; i++) {
      const entries = await context.store.entries(session.code, i);
      const played = tableScenario(this.scenario, session.seeds[i], session.varyBriefs === true);
      let state = createGame(played.scenario, session.seeds[i]);
      // Replay the log: the engine is deterministic, so this is the table exactly as it was.
      const givenToComputer = new Set<Side>();
      for (const e of entries) {
        // Only moves and injects make the game; the teacher's actions, chat and seat changes are records beside it.
        if (e.kind === 'teacher' && e.side && (e.action === 'computer' || e.action === 'human')) {
          if (e.action === 'computer') givenToComputer.add(e.side);
          else givenToComputer.delete(e.side);
        }
        if (!isGameEntry(e)) continue;
        if (e.kind === 'move') {
          const r = applyMove(played.scenario, state, e.move);
          if (!r.ok) throw new Error(`table ${i + 1}: logged move ${e.n} refused on replay: ${r.reason}`);
          state = r.state;
        } else state = applyInject(played.scenario, state, e.inject);
      }
      // The pause, the timer and the chats come back from the last save; a timer saved in an earlier turn does not.
      const save: TableSave | undefined = saved[i];
      const left = save && save.turn === state.turn ? save.timerLeft : session.timerSeconds > 0 ? session.timerSeconds * 1000 : null;
      const paused = save?.paused ?? false;
      this.tables.push({
        index: i,
        scenario: played.scenario,
        varied: played.changes,
        state,
        entries: entries.filter(isGameEntry),
        logged: entries.reduce((n, e) => Math.max(n, e.n), 0),
        givenToComputer,
        deadline: paused || left === null ? null : now() + left,
        remaining: paused ? left : null,
        paused,
        chat: chatOf(entries, state.seats) ?? save?.chat ?? perSide(state.seats, () => []),
        proposal: perSide(state.seats, () => null),
        counterparts: {},
        lastTurn: state.turn,
      });
    }
    await this.setMetadata({ code: session.code });
    for (const type of Object.keys(clientMessages) as (keyof typeof clientMessages)[]) {
      this.onMessage(type, (client, payload) => this.receive(client, type, payload));
    }
    this.onMessage('*', (client, type) => this.refuse(client, `unknown message "${String(type).slice(0, 40)}"`));
    this.clock.setInterval(() => this.tick(), 500);
    // After a restart nobody is online yet: a team none of whose students come back is played by the computer after the grace.
    for (const t of this.tables) for (const side of t.state.seats) this.noteAway(t, side);
    for (const t of this.tables) this.playComputer(t);
  }

  /** Wrong resume codes typed for each seat (by seat key), over ten minutes. */
  private readonly wrongResumeCodes = new WindowCounter(WRONG_RESUME_CODES, 600_000);

  override onAuth(_client: Client, options: { token?: string; seat?: string; name?: string; takeover?: boolean; newSeat?: boolean; resumeCode?: string }) {
    if (typeof options?.token === 'string') {
      if (options.token === this.session.token) return { role: 'teacher' };
      throw refusal('This teacher link is not the one for this session: open the private link you got when you created it.');
    }
    // The seat key is the proof of a seat: 24 hex digits the server made, looked up in a Map.
    if (typeof options?.seat === 'string' && SEAT_KEY.test(options.seat) && this.seats.has(options.seat)) return { role: 'student', seat: options.seat };
    const name = typeof options?.name === 'string' ? options.name.trim().replace(/\s+/g, ' ') : '';
    if (name.length < 1 || name.length > 40) throw refusal('Type a name of 1 to 40 characters.');
    if (this.session.ended) throw refusal('This class session has ended: ask your teacher for the code of the next one.');
    // The same name as a seat whose page is away: most likely the same student on another laptop. The page asks
    // first; "continue" takes that seat over (its old page is closed if it comes back). An ONLINE seat is never
    // taken by typing its name: a second Sam gets a seat of their own, told apart as "Sam (2)".
    const away = [...this.seats].find(([k, x]) => sameName(x.name, name) && !this.online.has(k) && x.table !== null && x.side !== null);
    if (away && !options.newSeat) {
      const [key, seat] = away;
      if (!options.takeover) throw refusal(takeoverQuestion(seat.name, seat.table! + 1, textOf(this.tables[seat.table!].scenario.sides[seat.side!].name)));
      // A name is no proof (every classmate knows it): the seat's resume code, shown only on its own page, is.
      // A million codes, and five guesses per seat in ten minutes: guessing through them would take the rest of the year.
      if (this.wrongResumeCodes.full(key)) throw refusal(resumeCodeLocked(seat.name));
      if (typeof options.resumeCode !== 'string' || options.resumeCode.trim() !== resumeCodeOf(key)) {
        if (typeof options.resumeCode === 'string') {
          this.wrongResumeCodes.add(key);
          if (this.wrongResumeCodes.full(key))
            this.note(this.tables[seat.table!], { kind: 'seat', table: seat.table! + 1, side: seat.side, student: seat.name, change: 'takeovers locked after wrong resume codes' });
        }
        throw refusal(wrongResumeCode(seat.name));
      }
      this.note(this.tables[seat.table!], { kind: 'seat', table: seat.table! + 1, side: seat.side, student: seat.name, change: 'took over from another device' });
      return { role: 'student', seat: key };
    }
    const seat = randomBytes(12).toString('hex');
    this.seats.set(seat, { name: this.distinctName(name), table: null, side: null, lead: false });
    this.placeAutomatically(seat);
    const placed = this.seats.get(seat)!;
    this.note(this.tables[placed.table!], { kind: 'seat', table: placed.table! + 1, side: placed.side, student: placed.name, change: 'joined' });
    this.saveSeats();
    return { role: 'student', seat };
  }

  /** "Sam", then "Sam (2)", "Sam (3)": two students of one name are told apart everywhere (team, teacher page, log). */
  private distinctName(name: string): string {
    const taken = new Set([...this.seats.values()].map((x) => x.name.toLowerCase()));
    if (!taken.has(name.toLowerCase())) return name;
    for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`.toLowerCase())) return `${name} (${i})`;
  }

  override onJoin(client: Client, _options: unknown, auth: { role: 'teacher' | 'student'; seat?: string }) {
    client.userData = { role: auth.role, seat: auth.seat, lastSeq: 0, tokens: RATE_PER_SECOND, refilledAt: now(), slowedAt: 0 } satisfies ClientData;
    if (auth.role === 'teacher') {
      this.teachers.add(client);
      this.welcomeTeacher(client);
    } else {
      this.online.get(auth.seat!)?.leave(4000, 'joined from another page');
      this.online.set(auth.seat!, client);
      this.welcome(client, auth.seat!);
    }
    this.broadcastPresence(client);
    // A computer team moves at once when the first student sits down opposite it (it waited for that student's move).
    const table = this.seatOf(client)?.table;
    if (table !== null && table !== undefined && this.playComputer(this.tables[table]) > 0) this.afterChange(this.tables[table]);
  }

  private seatOf(client: Client): Seat | undefined {
    const data = client.userData as ClientData | undefined;
    return data?.role === 'student' ? this.seats.get(data.seat!) : undefined;
  }

  override async onDrop(client: Client) {
    this.markGone(client);
    this.broadcastPresence(client);
    await this.allowReconnection(client, 120);
  }

  override onReconnect(client: Client) {
    const data = client.userData as ClientData;
    if (data.role === 'teacher') {
      this.teachers.add(client);
      this.welcomeTeacher(client);
    } else {
      this.online.set(data.seat!, client);
      this.welcome(client, data.seat!);
    }
    this.broadcastPresence(client);
  }

  override onLeave(client: Client) {
    this.markGone(client);
    this.broadcastPresence(client);
  }

  /** Someone came or went: their own team hears who is online (a small 'team' message, not the whole table), and the teachers. */
  private broadcastPresence(client: Client) {
    const seat = this.seatOf(client);
    if (seat && seat.table !== null && seat.side !== null) {
      const t = this.tables[seat.table];
      this.noteAway(t, seat.side);
      this.broadcastTeam(t, seat.side);
      // A vote needs a majority of the members present: one who leaves may settle it, one who comes raises the bar.
      this.recountVote(t, seat.side);
    }
    this.broadcastTeachers();
  }

  private markGone(client: Client) {
    const data = client.userData as ClientData | undefined;
    if (!data) return;
    if (data.role === 'teacher') this.teachers.delete(client);
    else if (this.online.get(data.seat!) === client) this.online.delete(data.seat!);
  }

  /**
   * Who submits for a team: its lead while the lead is online; while the lead is gone (tab closed,
   * Wi-Fi lost) the next member who is online, so that a team is never left waiting for a laptop
   * that is not there. The lead who comes back leads again.
   */
  private actingLead(table: number, side: Side): string | null {
    const team = this.teamSeats(table, side);
    const lead = team.find(([, x]) => x.lead);
    if (lead && this.online.has(lead[0])) return lead[0];
    return team.find(([k]) => this.online.has(k))?.[0] ?? lead?.[0] ?? null;
  }

  // ------------------------------------------------------------ seats

  private placeAutomatically(seat: string) {
    const count = (t: number, s: Side) => this.teamSeats(t, s).length;
    let best: { t: number; s: Side; n: number } | null = null;
    for (let t = 0; t < this.session.tables; t++)
      for (const s of this.scenario.seats) {
        const n = count(t, s) * 10 + count(t, otherSide(this.scenario.seats, s));
        if (!best || n < best.n) best = { t, s, n };
      }
    this.seatAt(seat, best!.t, best!.s);
  }

  private seatAt(seat: string, table: number, side: Side) {
    this.holdEmptyTimers();
    const s = this.seats.get(seat)!;
    const left = s.table !== null && s.side !== null && (s.table !== table || s.side !== side) ? { table: s.table, side: s.side } : null;
    s.table = table;
    s.side = side;
    this.teams = null;
    // The first member of a team leads it.
    s.lead = ![...this.seats].some(([k, x]) => k !== seat && x.table === table && x.side === side && x.lead);
    // A lead moved to another team hands the lead to the next member of the team it left.
    if (left) {
      const team = this.teamSeats(left.table, left.side).map(([, x]) => x);
      if (team.length > 0 && !team.some((x) => x.lead)) team[0].lead = true;
      this.tables[left.table].proposal[left.side] = null;
    }
  }

  /** The teacher takes a student out: the seat is gone (its key opens nothing), the lead passes on, the team's vote is recounted. */
  private removeSeat(seat: string) {
    const s = this.seats.get(seat)!;
    this.seats.delete(seat);
    this.lastSeq.delete(seat);
    this.teams = null;
    const page = this.online.get(seat);
    this.online.delete(seat);
    if (page) {
      page.send('removed', { reason: 'Your teacher took you out of this class session.' });
      page.leave(REMOVED_CLOSE_CODE, 'Your teacher took you out of this class session.');
    }
    if (s.table === null || s.side === null) return;
    const t = this.tables[s.table];
    const team = this.teamSeats(s.table, s.side).map(([, x]) => x);
    if (team.length > 0 && !team.some((x) => x.lead)) team[0].lead = true;
    const p = t.proposal[s.side];
    if (p) p.yes = p.yes.filter((k) => k !== seat);
    this.noteAway(t, s.side);
    this.broadcastTeam(t, s.side);
    this.recountVote(t, s.side);
  }

  private saveSeats() {
    this.seqDirty = false;
    for (const [k, x] of this.seats) if (this.lastSeq.has(k)) x.lastSeq = this.lastSeq.get(k);
    const copy = structuredClone(Object.fromEntries(this.seats));
    this.persist(() => context.store.saveSeats(this.session.code, copy));
  }

  private persist(write: () => Promise<void>) {
    this.writes = this.writes.then(write).catch((e) => console.error(`[classroom ${this.roomId}] could not save:`, e));
  }

  /** The seats of one team. Asked for every table on every update, so kept in an index rebuilt when a seat moves. */
  private teamSeats(table: number, side: Side): [string, Seat][] {
    if (!this.teams) {
      this.teams = new Map();
      for (const entry of this.seats) {
        const [, x] = entry;
        if (x.table === null || x.side === null) continue;
        const key = `${x.table}/${x.side}`;
        this.teams.set(key, [...(this.teams.get(key) ?? []), entry]);
      }
    }
    return this.teams.get(`${table}/${side}`) ?? [];
  }

  /**
   * Who the computer plays at a table: a team with no students when the session fills empty seats (once the other
   * team has one), a team the teacher gave it, and a team whose members have all been away longer than the grace.
   */
  private computerSides(t: Table): Side[] {
    return t.state.seats.filter((s) => {
      const seated = this.teamSeats(t.index, s).length;
      if (t.givenToComputer.has(s)) return true;
      if (seated === 0) return this.session.fillWithComputer && this.teamSeats(t.index, otherSide(t.state.seats, s)).length > 0;
      return this.awayTooLong(t, s);
    });
  }

  /** The grace a team whose members are all away gets before the computer moves for it: a minute, or the turn timer when shorter. */
  private awayGraceMs(): number {
    const grace = Number(process.env.RESET_AWAY_GRACE_SECONDS ?? AWAY_GRACE_SECONDS) * 1000;
    return this.session.timerSeconds > 0 ? Math.min(grace, this.session.timerSeconds * 1000) : grace;
  }

  private awayTooLong(t: Table, side: Side): boolean {
    const since = this.awaySince.get(`${t.index}/${side}`);
    return since !== undefined && now() - since >= this.awayGraceMs();
  }

  /** Start (or stop) the away clock of a team: it runs while the team has members and none of them is online. */
  private noteAway(t: Table, side: Side) {
    const key = `${t.index}/${side}`;
    const team = this.teamSeats(t.index, side);
    const allAway = team.length > 0 && !team.some(([k]) => this.online.has(k));
    if (!allAway) this.awaySince.delete(key);
    else if (!this.awaySince.has(key)) this.awaySince.set(key, now());
  }

  private welcomeTeacher(client: Client) {
    const { tables, timerSeconds, fillWithComputer, decision, createdAt } = this.session;
    const w: TeacherWelcome = { role: 'teacher', code: this.session.code, scenario: this.scenario, settings: { tables, timerSeconds, fillWithComputer, decision, createdAt, varyBriefs: this.session.varyBriefs === true, classLength: this.session.length === 'class' } };
    client.send('teacherWelcome', w);
  }

  /** A student's page on joining (or on being moved): who it is, what it may see, and the whole table once. */
  private welcome(client: Client, seat: string) {
    const s = this.seats.get(seat)!;
    if (s.table === null || s.side === null) return;
    const t = this.tables[s.table];
    const w: Welcome = { role: 'student', seat, name: s.name, table: s.table, side: s.side, lead: this.actingLead(s.table, s.side) === seat, decision: this.session.decision, lastSeq: this.lastSeq.get(seat) ?? 0, resumeCode: resumeCodeOf(seat), scenario: scenarioFor(t.scenario, s.side) };
    client.send('welcome', w);
    client.send('table', this.teamUpdate(t, s.side));
  }

  // ------------------------------------------------------------ messages

  /**
   * Refuse a message: counted by reason and by seat (the teacher page shows the counts; the operator's log gets a
   * summary every few seconds, not a line each). The page is told in a sentence; a page sending too fast is told
   * once a second how long to wait, not answered message by message.
   */
  private refuse(client: Client, reason: string, kind: RefusalKind = 'refused by the rules') {
    this.refused++;
    const r = this.refusals;
    r.byReason.set(kind, (r.byReason.get(kind) ?? 0) + 1);
    const data = client.userData as ClientData | undefined;
    const who = data?.role === 'student' ? data.seat! : data?.role === 'teacher' ? 'teacher' : 'unjoined';
    if (data?.role === 'student') r.bySeat.set(who, (r.bySeat.get(who) ?? 0) + 1);
    const key = `${kind}\u0000${who}`;
    r.sinceSummary.set(key, (r.sinceSummary.get(key) ?? 0) + 1);
    if (kind !== 'too fast') return client.send('refused', { reason });
    if (data && now() - data.slowedAt >= 1000) {
      data.slowedAt = now();
      const slow: SlowDown = { seconds: 2, refused: r.bySeat.get(who) ?? 0 };
      client.send('slowDown', slow);
    }
  }

  /** One line per reason and sender for the refusals since the last summary (a flood was 3,000 lines in 5 s). */
  private summariseRefusals() {
    const r = this.refusals;
    if (r.sinceSummary.size === 0 || now() - r.summarisedAt < REFUSAL_SUMMARY_MS) return;
    const parts = [...r.sinceSummary].sort((a, b) => b[1] - a[1]).map(([key, n]) => {
      const [kind, who] = key.split('\u0000');
      const seat = this.seats.get(who);
      const name = seat ? `${seat.name}${seat.table !== null ? ` at table ${seat.table + 1}` : ''}` : who;
      return `${n} ${kind} from ${name}`;
    });
    console.warn(`[classroom ${this.roomId}] refused in the last ${Math.round((now() - r.summarisedAt) / 1000)} s: ${parts.join('; ')}`);
    r.sinceSummary.clear();
    r.summarisedAt = now();
  }

  private receive(client: Client, type: keyof typeof clientMessages, payload: unknown) {
    const data = client.userData as ClientData | undefined;
    if (!data) return this.refuse(client, 'This page has not joined the session yet.', 'not allowed');
    // Token bucket per connection: bursts beyond the rate are refused, the room carries on.
    const t = now();
    data.tokens = Math.min(RATE_PER_SECOND, data.tokens + ((t - data.refilledAt) / 1000) * RATE_PER_SECOND);
    data.refilledAt = t;
    if (data.tokens < 1) return this.refuse(client, 'You are sending too fast.', 'too fast');
    data.tokens -= 1;
    if (TEACHER_ONLY.has(type) && data.role !== 'teacher') return this.refuse(client, `Only the teacher may do that (${type}).`, 'not allowed');
    if (STUDENT_ONLY.has(type) && data.role !== 'student') return this.refuse(client, `Only a student may do that (${type}).`, 'not allowed');
    const parsed = clientMessages[type].safeParse(payload);
    if (!parsed.success) return this.refuse(client, `${type}: malformed (${parsed.error.issues[0]?.message ?? 'invalid'})`, 'malformed');
    const msg = parsed.data as Record<string, unknown>;
    if ('seq' in msg && data.role === 'student') {
      // Per seat, not per connection: a message replayed on a new page (or a second one) is refused too.
      const last = this.lastSeq.get(data.seat!) ?? 0;
      if ((msg.seq as number) <= last) return this.refuse(client, `${type}: replayed message (seq ${String(msg.seq)}); this seat's last was ${last}`, 'replayed');
      this.lastSeq.set(data.seat!, msg.seq as number);
      this.seqDirty = true;
    }
    try {
      this.handle(client, data, type, msg);
    } catch (e) {
      // A bug, not the client's fault: the operator reads it once per kind of failure, the page a plain sentence.
      const err = e as Error;
      const key = `${type}: ${err.message}`;
      if (!this.reportedErrors.has(key)) {
        this.reportedErrors.add(key);
        console.error(`[classroom ${this.roomId}] handling "${type}" failed (reported once):`, err);
      }
      this.refuse(client, SERVER_ERROR_SENTENCE, 'server error');
    }
  }

  private handle(client: Client, data: ClientData, type: keyof typeof clientMessages, msg: Record<string, unknown>) {
    if (data.role === 'student') {
      const seat = this.seats.get(data.seat!);
      if (!seat || seat.table === null || seat.side === null) return this.refuse(client, 'You are not seated at a table yet: wait for your teacher to seat you.', 'not allowed');
      const table = this.tables[seat.table];
      const side = seat.side;
      if (this.session.ended) return this.refuse(client, 'The session has ended: nothing more can be sent.', 'session ended');
      if (type === 'chat') return this.say(table, side, { from: seat.name, text: msg.text as string, at: now() });
      if (table.paused) return this.refuse(client, 'the table is paused');
      if (type === 'move') {
        if (msg.side !== undefined && msg.side !== side) return this.refuse(client, `move for ${String(msg.side)} refused: you play ${side}`, 'not allowed');
        const move = { ...(msg.move as object), side } as Move;
        if (this.session.decision === 'lead' || this.presentMembers(table.index, side) <= 1) {
          if (this.session.decision === 'lead' && this.actingLead(table.index, side) !== data.seat) return this.refuse(client, 'only the team lead submits moves', 'not allowed');
          const reason = this.play(table, move, seat.name);
          if (reason) return this.refuse(client, reason);
        } else {
          table.proposal[side] = { id: this.nextProposal++, by: seat.name, move: msg.move as TeamProposal['move'], yes: [data.seat!], needed: this.majority(table.index, side) };
          if (!this.settleVote(table, side)) return this.broadcastProposal(table, side);
        }
        return this.afterChange(table);
      }
      if (type === 'vote') {
        const p = table.proposal[side];
        if (!p || p.id !== msg.proposal) return this.refuse(client, 'no such team proposal');
        if (msg.yes) {
          if (!p.yes.includes(data.seat!)) p.yes.push(data.seat!);
        } else table.proposal[side] = null;
        if (!this.settleVote(table, side)) return this.broadcastProposal(table, side);
        return this.afterChange(table);
      }
      return;
    }
    // teacher
    if (typeof msg.table === 'number' && !this.tables[msg.table]) return this.refuse(client, `There is no table ${msg.table + 1}: this session has ${this.tables.length}.`);
    if (typeof msg.side === 'string' && !this.scenario.seats.includes(msg.side))
      return this.refuse(client, `There is no side "${msg.side}" in this scenario: its sides are ${this.scenario.seats.join(' and ')}.`, 'malformed');
    const targets = (m: Record<string, unknown>) => (m.table === undefined ? this.tables : [this.tables[m.table as number]]);
    const did = (t: Table, action: TeacherAction, extra: { side?: Side; seconds?: number; text?: string; student?: string } = {}) =>
      this.note(t, { kind: 'teacher', action, by: 'teacher', table: t.index + 1, ...extra });
    switch (type) {
      case 'pause':
        for (const t of targets(msg)) if (!t.paused) {
          t.paused = true;
          t.remaining = t.deadline === null ? null : Math.max(0, t.deadline - now());
          did(t, 'pause');
        }
        break;
      case 'resume':
        for (const t of targets(msg)) if (t.paused) {
          t.paused = false;
          t.deadline = t.remaining === null ? null : now() + t.remaining;
          did(t, 'resume');
          this.playComputer(t);
        }
        break;
      case 'extend':
        for (const t of targets(msg)) {
          const add = (msg.seconds as number) * 1000;
          if (t.paused && t.remaining !== null) t.remaining += add;
          else if (t.deadline !== null) t.deadline += add;
          else t.deadline = now() + add;
          did(t, 'extend', { seconds: msg.seconds as number });
        }
        break;
      case 'message': {
        const t = this.tables[msg.table as number];
        did(t, 'message', { side: msg.side as Side, text: msg.text as string });
        this.say(t, msg.side as Side, { from: 'Teacher', text: msg.text as string, at: now(), teacher: true }, false);
        this.saveTables();
        return;
      }
      case 'inject': {
        const written = msg.written as { title: string; text: string } | undefined;
        for (const t of targets(msg)) {
          const inject: Inject = written ? { kind: 'written', id: `inject-${t.entries.length + 1}`, title: written.title, text: written.text } : { kind: 'event', event: msg.event as string };
          const reason = whyNotInject(t.scenario, t.state, inject);
          if (reason) {
            this.refuse(client, `inject at table ${t.index + 1}: ${reason}`);
            continue;
          }
          t.state = applyInject(t.scenario, t.state, inject);
          this.record(t, { n: 0, at: '', kind: 'inject', inject, by: 'teacher' });
        }
        break;
      }
      case 'assign': {
        const key = msg.seat as string;
        const s = this.seats.get(key);
        if (!s) return this.refuse(client, 'That student is no longer in the session.');
        const from = s.table !== null ? this.tables[s.table] : null;
        const fromSide = s.side;
        const t = this.tables[msg.table as number];
        if (from === t && fromSide === msg.side) break;
        this.seatAt(key, t.index, msg.side as Side);
        this.saveSeats();
        if (from && fromSide) {
          this.note(from, { kind: 'seat', table: from.index + 1, side: fromSide, student: s.name, change: 'moved out' });
          this.noteAway(from, fromSide);
        }
        did(t, 'assign', { side: msg.side as Side, student: s.name });
        this.note(t, { kind: 'seat', table: t.index + 1, side: msg.side as Side, student: s.name, change: 'moved in' });
        this.noteAway(t, msg.side as Side);
        const c = this.online.get(key);
        if (c) this.welcome(c, key);
        for (const x of this.tables) this.playComputer(x);
        break;
      }
      case 'remove': {
        const key = msg.seat as string;
        const s = this.seats.get(key);
        if (!s) return this.refuse(client, 'That student is no longer in the session.');
        if (s.table !== null) {
          const t = this.tables[s.table];
          did(t, 'remove', { side: s.side ?? undefined, student: s.name });
          this.note(t, { kind: 'seat', table: t.index + 1, side: s.side, student: s.name, change: 'removed' });
        }
        this.removeSeat(key);
        this.saveSeats();
        for (const x of this.tables) this.playComputer(x);
        break;
      }
      case 'computer': {
        const t = this.tables[msg.table as number];
        const side = msg.side as Side;
        if (msg.computer === t.givenToComputer.has(side)) break;
        if (msg.computer) t.givenToComputer.add(side);
        else t.givenToComputer.delete(side);
        // In the log as well as in memory: a restarted server gives the team back to the computer.
        did(t, msg.computer ? 'computer' : 'human', { side });
        t.proposal[side] = null;
        this.playComputer(t);
        break;
      }
      case 'end': {
        this.session.ended = true;
        for (const t of this.tables) did(t, 'end');
        const s = { ...this.session };
        this.persist(() => context.store.saveSession(s));
        break;
      }
    }
    // The teacher's pause, resume and extra time are saved at once: a restart right after keeps them.
    if (type === 'pause' || type === 'resume' || type === 'extend') this.saveTables();
    this.broadcastAll();
  }

  /** A line of the team chat: kept (the last 50), sent to the team alone as one small message, and logged (`log`: as chat). */
  private say(t: Table, side: Side, line: ChatLine, log = true) {
    t.chat[side] = [...t.chat[side].slice(-49), line];
    this.tablesDirty = true;
    if (log) this.note(t, { kind: 'chat', table: t.index + 1, side, from: line.from, text: line.text, ...(line.teacher ? { teacher: true } : {}) });
    const m: ChatMessage = { table: t.index, side, line };
    this.sendTeam(t, side, 'chat', m);
  }

  /** Send one message to every online member of a team, encoded once. */
  private sendTeam(t: Table, side: Side, type: string, payload: unknown) {
    const seats = this.teamSeats(t.index, side).filter(([k]) => this.online.has(k));
    if (seats.length === 0) return;
    const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, type, payload);
    for (const [k] of seats) this.online.get(k)!.enqueueRaw(bytes);
  }

  private broadcastTeam(t: Table, side: Side) {
    const m: TeamMessage = { table: t.index, side, team: this.teamList(t, side) };
    this.sendTeam(t, side, 'team', m);
  }

  private broadcastProposal(t: Table, side: Side) {
    const m: ProposalMessage = { table: t.index, side, proposal: t.proposal[side] };
    this.sendTeam(t, side, 'proposal', m);
  }

  /** Members online; a vote's majority is of these (an absent member neither helps nor blocks). */
  private presentMembers(table: number, side: Side): number {
    return this.teamSeats(table, side).filter(([k]) => this.online.has(k)).length;
  }

  private majority(table: number, side: Side): number {
    return Math.floor(Math.max(1, this.presentMembers(table, side)) / 2) + 1;
  }

  /** Someone came or went: the open vote needs a majority of who is there now, and may be carried by it. */
  private recountVote(t: Table, side: Side) {
    const p = t.proposal[side];
    if (!p) return;
    p.yes = p.yes.filter((k) => this.online.has(k));
    p.needed = this.majority(t.index, side);
    if (p.yes.length === 0) t.proposal[side] = null;
    if (this.settleVote(t, side)) this.afterChange(t);
    else this.broadcastProposal(t, side);
  }

  private saveTables() {
    this.tablesDirty = false;
    this.tablesSavedAt = now();
    const save: TableSave[] = this.tables.map((t) => ({ paused: t.paused, timerLeft: this.timerLeft(t), turn: t.state.turn, chat: t.chat }));
    this.persist(() => context.store.saveTables(this.session.code, save));
  }

  /** Make the team's proposal once a majority of the members present says yes; true when it was made (or refused). */
  private settleVote(t: Table, side: Side): boolean {
    const p = t.proposal[side];
    if (!p || p.yes.length < p.needed) return false;
    t.proposal[side] = null;
    const names = p.yes.map((s) => this.seats.get(s)?.name).join(', ');
    const reason = this.play(t, { ...p.move, side } as Move, `${p.by} (vote: ${names})`);
    if (reason) this.say(t, side, { from: 'Table', text: `The team's move was refused: ${reason}`, at: now() });
    return true;
  }

  /** Apply one move; null when it was applied, else why not. */
  private play(t: Table, move: Move, by: string): string | null {
    const r = applyMove(t.scenario, t.state, move);
    if (!r.ok) return r.reason;
    t.state = r.state;
    this.record(t, { n: 0, at: '', kind: 'move', move, by });
    return null;
  }

  /** A move or an inject: part of the game, replayed on restart. */
  private record(t: Table, entry: Extract<LogEntry, { kind: 'move' | 'inject' }>) {
    const e = { ...entry, n: ++t.logged, at: new Date().toISOString() };
    t.entries.push(e);
    this.persist(() => context.store.append(this.session.code, t.index, e));
  }

  /** A record beside the game (a teacher's action, a chat line, a seat change): in the table's log, never replayed. */
  private note(t: Table, entry: DistributiveOmit<Exclude<LogEntry, { kind: 'move' | 'inject' }>, 'n' | 'at'>) {
    const e = { ...entry, n: ++t.logged, at: new Date().toISOString() } as LogEntry;
    this.persist(() => context.store.append(this.session.code, t.index, e));
  }

  private afterChange(t: Table) {
    this.playComputer(t);
    // Shown once stored: a move a page has seen is in the log, so a server killed a moment later comes back with it.
    // Only this table changed: its teams and the teachers hear of it (every table to every student cost O(students) a move).
    void this.writes.then(() => {
      this.broadcastTable(t);
      this.broadcastTeachers();
    });
  }

  private resetTimer(t: Table) {
    if (t.state.turn !== t.lastTurn) {
      t.lastTurn = t.state.turn;
      if (this.session.timerSeconds > 0) t.deadline = now() + this.session.timerSeconds * 1000;
      this.tablesDirty = true;
    }
  }

  private counterpart(t: Table, side: Side): Counterpart {
    return (t.counterparts[side] ??= createCounterpart(t.scenario, side, 'normal', this.session.seeds[t.index] + 1 + t.state.seats.indexOf(side)));
  }

  /** Computer seats move at once; a side whose timer ran out gets the computer's move for it. How many moves it made. */
  private playComputer(t: Table, timedOut = false): number {
    let played = 0;
    for (let i = 0; i < 200 && !t.paused && !this.session.ended && t.state.phase !== 'ended'; i++) {
      this.resetTimer(t);
      const computer = this.computerSides(t);
      const side = nextActors(t.state).find((s) => computer.includes(s) || timedOut);
      if (!side) break;
      const before = t.state.turn;
      const why = !computer.includes(side) ? 'computer (timer ran out)' : t.givenToComputer.has(side) ? 'computer (given by the teacher)' : this.teamSeats(t.index, side).length > 0 ? 'computer (team away)' : 'computer';
      const reason = this.play(t, this.counterpart(t, side).decide(t.state).move, why);
      if (reason) break;
      played++;
      if (t.state.turn !== before) timedOut = false;
    }
    this.resetTimer(t);
    return played;
  }

  /** A table nobody sits at yet keeps its whole turn: its timer starts with the first student, not with the session. */
  private holdEmptyTimers() {
    const elapsed = now() - this.heldAt;
    this.heldAt = now();
    for (const t of this.tables) if (t.deadline !== null && !t.paused && !this.anyoneAt(t)) t.deadline += elapsed;
  }

  private anyoneAt(t: Table) {
    return t.state.seats.some((s) => this.teamSeats(t.index, s).length > 0);
  }

  private tick() {
    this.holdEmptyTimers();
    if (this.seqDirty) this.saveSeats();
    const running = this.tables.some((t) => !t.paused && t.deadline !== null && t.state.phase !== 'ended');
    if (!this.session.ended && (this.tablesDirty || (running && now() - this.tablesSavedAt >= TIMER_SAVE_MS))) this.saveTables();
    for (const t of this.tables) {
      if (t.paused || t.deadline === null || t.state.phase === 'ended' || this.session.ended) continue;
      if (!this.anyoneAt(t)) continue;
      if (now() >= t.deadline) {
        this.playComputer(t, true);
        this.broadcastAll();
      }
    }
    // A team whose members have all been away past the grace: the computer moves for it (without a timer it waited for ever).
    for (const t of this.tables) if (!t.paused && !this.session.ended && t.state.phase !== 'ended' && this.awaySince.size > 0 && this.playComputer(t) > 0) this.afterChange(t);
    this.summariseRefusals();
    // The teacher's count of refused messages follows within a tick, without an update per refusal.
    if (this.refused !== this.refusedShown) this.broadcastTeachers();
  }

  // ------------------------------------------------------------ what each client sees

  private timerLeft(t: Table) {
    if (t.paused) return t.remaining;
    return t.deadline === null ? null : Math.max(0, t.deadline - now());
  }

  /** Who is in a team, for its members: names only (a seat key would let one act as another). */
  private teamList(t: Table, side: Side): TeamUpdate['team'] {
    const acting = this.actingLead(t.index, side);
    return this.teamSeats(t.index, side).map(([k, s]) => ({ name: s.name, lead: k === acting, online: this.online.has(k) }));
  }

  private teamUpdate(t: Table, side: Side): TeamUpdate {
    return {
      ...tableView(t.scenario, t.state, side),
      table: t.index,
      timerLeft: this.timerLeft(t),
      paused: t.paused,
      ended: this.session.ended || t.state.phase === 'ended',
      team: this.teamList(t, side),
      chat: t.chat[side],
      proposal: t.proposal[side],
      computer: t.givenToComputer.has(side) ? 'teacher' : this.awayTooLong(t, side) ? 'away' : null,
      moveCount: t.entries.length,
    };
  }

  private broadcastTable(t: Table) {
    for (const side of t.state.seats) {
      const seats = this.teamSeats(t.index, side).filter(([k]) => this.online.has(k));
      if (seats.length === 0) continue;
      // Encoded once for the whole team, not once per member.
      const update = getMessageBytes.raw(Protocol.ROOM_DATA, 'table', this.teamUpdate(t, side));
      for (const [k] of seats) this.online.get(k)!.enqueueRaw(update);
    }
  }

  private summary(t: Table): TableSummary {
    const o = outcomeOf(t.scenario, t.state);
    const seats = (side: Side) => {
      const acting = this.actingLead(t.index, side);
      return this.teamSeats(t.index, side).map(([k, s]) => ({ name: s.name, online: this.online.has(k), lead: k === acting, seat: k }));
    };
    return {
      table: t.index,
      turn: t.state.turn,
      phase: t.state.phase,
      meters: t.state.meters,
      stages: Object.fromEntries(Object.entries(t.state.tracks).map(([k, v]) => [k, v.stage])),
      pending: nextActors(t.state),
      paused: t.paused,
      timerLeft: this.timerLeft(t),
      seats: perSide(t.state.seats, seats),
      computer: this.computerSides(t),
      givenToComputer: [...t.givenToComputer],
      awayToComputer: t.state.seats.filter((s) => this.teamSeats(t.index, s).length > 0 && this.awayTooLong(t, s)),
      moves: t.entries.length,
      agreements: t.state.agreements.length,
      recent: t.entries.slice(-3),
      outcome: { scores: Object.fromEntries(t.state.seats.map((s) => [s, o.sides[s].score])), joint: o.joint, ended: t.state.phase === 'ended' },
    };
  }

  private broadcastAll() {
    for (const t of this.tables) this.broadcastTable(t);
    this.broadcastTeachers();
  }

  private broadcastTeachers() {
    if (this.teachers.size === 0) return;
    const update: TeacherUpdate = {
      code: this.session.code,
      scenario: { id: this.scenario.id, title: textOf(this.scenario.title), events: this.scenario.events.map((e) => ({ id: e.id, title: textOf(e.title) })) },
      tables: this.tables.map((t) => this.summary(t)),
      ended: this.session.ended,
      refused: this.refused,
      refusedBy: {
        reasons: [...this.refusals.byReason].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, count })),
        students: [...this.refusals.bySeat].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, count]) => ({ name: this.seats.get(k)?.name ?? '(removed)', table: this.seats.get(k)?.table ?? null, count })),
      },
      unseated: [...this.seats].filter(([, s]) => s.table === null).map(([k, s]) => ({ seat: k, name: s.name, online: this.online.has(k) })),
      debrief: this.session.ended && context.debriefOf ? context.debriefOf(this.scenario, this.tables.map((t) => t.state), this.tables.map((t) => ({ scenario: t.scenario, changes: t.varied }))) : null,
    };
    this.refusedShown = this.refused;
    const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, 'teacher', update);
    for (const c of this.teachers) c.enqueueRaw(bytes);
  }

  /** For tests and the log download: wait until every write so far is stored. */
  async flushed() {
    if (this.seqDirty) this.saveSeats();
    await this.writes;
  }

  override async onDispose() {
    await this.writes;
  }
}
