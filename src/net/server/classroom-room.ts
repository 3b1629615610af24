// One class session = one Colyseus room (roomId = join code). Every table runs the engine
// authoritatively; each team receives only viewFor(its side) and the scenario without the other brief.
import { Room, Protocol, ServerError, ErrorCode, getMessageBytes, type Client } from '@colyseus/core';
import { randomBytes } from 'node:crypto';
import {
  applyInject,
  applyMoveWithPatches,
  createGame,
  outcomeOf,
  pendingSides,
  nextActors,
  scenarioFor,
  textOf,
  viewFor,
  whyNotInject,
  SIDES,
  otherSide,
  type GameState,
  type Inject,
  type Move,
  type Scenario,
  type Side,
} from '../../engine';
import { createCounterpart, type Counterpart } from '../../ai/counterpart';
import { clientMessages, RATE_PER_SECOND, STUDENT_ONLY, TEACHER_ONLY, type ChatLine, type Debrief, type LogEntry, type TableSummary, type TeacherUpdate, type TeacherWelcome, type TeamProposal, type TeamUpdate, type Welcome } from '../protocol';
import type { ClassroomStore, Seat, SessionRecord, TableSave } from './store';
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
  entries: LogEntry[];
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
}

/** A join the page must not retry: AUTH_FAILED tells the client so (a plain Error reaches it as APPLICATION_ERROR, and it kept rejoining). */
const refusal = (sentence: string) => new ServerError(ErrorCode.AUTH_FAILED, sentence);

/** Pull from an env-free clock in one place: timers are the only wall-clock the server reads. */
const now = () => Date.now();
/** A running timer is saved this often, so a killed server loses at most this much of it (in the students' favour). */
const TIMER_SAVE_MS = 5000;

export class ClassroomRoom extends Room {
  override maxMessagesPerSecond = 200;
  override autoDispose = false;
  private session!: SessionRecord;
  private scenario!: Scenario;
  private tables: Table[] = [];
  private seats: Record<string, Seat> = {};
  private teams: Map<string, [string, Seat][]> | null = null;
  private online = new Map<string, Client>();
  private teachers = new Set<Client>();
  private refused = 0;
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
    this.seats = await context.store.loadSeats(session.code);
    const saved = await context.store.loadTables(session.code);
    for (let i = 0; i < session.tables; i++) {
      const entries = await context.store.entries(session.code, i);
      const played = tableScenario(this.scenario, session.seeds[i], session.varyBriefs === true);
      let state = createGame(played.scenario, session.seeds[i]);
      // Replay the log: the engine is deterministic, so this is the table exactly as it was.
      for (const e of entries) {
        if (e.kind === 'move') {
          const r = applyMoveWithPatches(played.scenario, state, e.move);
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
        entries,
        deadline: paused || left === null ? null : now() + left,
        remaining: paused ? left : null,
        paused,
        chat: save?.chat ?? { us: [], ru: [] },
        proposal: { us: null, ru: null },
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
    for (const t of this.tables) this.playComputer(t);
  }

  override onAuth(_client: Client, options: { token?: string; seat?: string; name?: string }) {
    if (typeof options?.token === 'string') {
      if (options.token === this.session.token) return { role: 'teacher' };
      throw refusal('This teacher link is not the one for this session: open the private link you got when you created it.');
    }
    if (typeof options?.seat === 'string' && this.seats[options.seat]) return { role: 'student', seat: options.seat };
    const name = typeof options?.name === 'string' ? options.name.trim() : '';
    if (name.length < 1 || name.length > 40) throw refusal('Type a name of 1 to 40 characters.');
    if (this.session.ended) throw refusal('This class session has ended: ask your teacher for the code of the next one.');
    const seat = randomBytes(12).toString('hex');
    this.seats[seat] = { name, table: null, side: null, lead: false };
    this.placeAutomatically(seat);
    this.saveSeats();
    return { role: 'student', seat };
  }

  override onJoin(client: Client, _options: unknown, auth: { role: 'teacher' | 'student'; seat?: string }) {
    client.userData = { role: auth.role, seat: auth.seat, lastSeq: 0, tokens: RATE_PER_SECOND, refilledAt: now() } satisfies ClientData;
    if (auth.role === 'teacher') {
      this.teachers.add(client);
      this.welcomeTeacher(client);
    } else {
      this.online.get(auth.seat!)?.leave(4000, 'joined from another page');
      this.online.set(auth.seat!, client);
      this.welcome(client, auth.seat!);
    }
    this.broadcastPresence(client);
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

  /** Someone came or went: their own table's teams (who is online) and the teachers hear of it, no other table. */
  private broadcastPresence(client: Client) {
    const data = client.userData as ClientData | undefined;
    const table = data?.role === 'student' ? this.seats[data.seat!]?.table : null;
    if (table !== null && table !== undefined) this.broadcastTable(this.tables[table]);
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
      for (const s of SIDES) {
        const n = count(t, s) * 10 + count(t, otherSide(s));
        if (!best || n < best.n) best = { t, s, n };
      }
    this.seatAt(seat, best!.t, best!.s);
  }

  private seatAt(seat: string, table: number, side: Side) {
    this.holdEmptyTimers();
    const s = this.seats[seat];
    const left = s.table !== null && s.side !== null && (s.table !== table || s.side !== side) ? { table: s.table, side: s.side } : null;
    s.table = table;
    s.side = side;
    this.teams = null;
    // The first member of a team leads it.
    s.lead = !Object.entries(this.seats).some(([k, x]) => k !== seat && x.table === table && x.side === side && x.lead);
    // A lead moved to another team hands the lead to the next member of the team it left.
    if (left) {
      const team = this.teamSeats(left.table, left.side).map(([, x]) => x);
      if (team.length > 0 && !team.some((x) => x.lead)) team[0].lead = true;
      this.tables[left.table].proposal[left.side] = null;
    }
  }

  private saveSeats() {
    const copy = structuredClone(this.seats);
    this.persist(() => context.store.saveSeats(this.session.code, copy));
  }

  private persist(write: () => Promise<void>) {
    this.writes = this.writes.then(write).catch((e) => console.error(`[classroom ${this.roomId}] could not save:`, e));
  }

  /** The seats of one team. Asked for every table on every update, so kept in an index rebuilt when a seat moves. */
  private teamSeats(table: number, side: Side): [string, Seat][] {
    if (!this.teams) {
      this.teams = new Map();
      for (const entry of Object.entries(this.seats)) {
        const [, x] = entry;
        if (x.table === null || x.side === null) continue;
        const key = `${x.table}/${x.side}`;
        this.teams.set(key, [...(this.teams.get(key) ?? []), entry]);
      }
    }
    return this.teams.get(`${table}/${side}`) ?? [];
  }

  private computerSides(t: Table): Side[] {
    if (!this.session.fillWithComputer) return [];
    return SIDES.filter((s) => this.teamSeats(t.index, s).length === 0 && this.teamSeats(t.index, otherSide(s)).length > 0);
  }

  private welcomeTeacher(client: Client) {
    const { tables, timerSeconds, fillWithComputer, decision, createdAt } = this.session;
    const w: TeacherWelcome = { role: 'teacher', code: this.session.code, scenario: this.scenario, settings: { tables, timerSeconds, fillWithComputer, decision, createdAt, varyBriefs: this.session.varyBriefs === true } };
    client.send('teacherWelcome', w);
  }

  private welcome(client: Client, seat: string) {
    const s = this.seats[seat];
    if (s.table === null || s.side === null) return;
    const w: Welcome = { role: 'student', seat, name: s.name, table: s.table, side: s.side, lead: s.table !== null && s.side !== null && this.actingLead(s.table, s.side) === seat, decision: this.session.decision, scenario: scenarioFor(this.tables[s.table].scenario, s.side) };
    client.send('welcome', w);
  }

  // ------------------------------------------------------------ messages

  private refuse(client: Client, reason: string) {
    this.refused++;
    const data = client.userData as ClientData | undefined;
    console.warn(`[classroom ${this.roomId}] refused ${data?.role ?? 'client'} ${client.sessionId}: ${reason}`);
    client.send('refused', { reason });
  }

  private receive(client: Client, type: keyof typeof clientMessages, payload: unknown) {
    const data = client.userData as ClientData | undefined;
    if (!data) return this.refuse(client, 'not joined');
    // Token bucket per connection: bursts beyond the rate are refused, the room carries on.
    const t = now();
    data.tokens = Math.min(RATE_PER_SECOND, data.tokens + ((t - data.refilledAt) / 1000) * RATE_PER_SECOND);
    data.refilledAt = t;
    if (data.tokens < 1) return this.refuse(client, 'too many messages');
    data.tokens -= 1;
    if (TEACHER_ONLY.has(type) && data.role !== 'teacher') return this.refuse(client, `${type}: teachers only`);
    if (STUDENT_ONLY.has(type) && data.role !== 'student') return this.refuse(client, `${type}: students only`);
    const parsed = clientMessages[type].safeParse(payload);
    if (!parsed.success) return this.refuse(client, `${type}: malformed (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    const msg = parsed.data as Record<string, unknown>;
    if ('seq' in msg) {
      if ((msg.seq as number) <= data.lastSeq) return this.refuse(client, `${type}: replayed message (seq ${String(msg.seq)})`);
      data.lastSeq = msg.seq as number;
    }
    try {
      this.handle(client, data, type, msg);
    } catch (e) {
      this.refuse(client, `${type}: ${(e as Error).message}`);
    }
  }

  private handle(client: Client, data: ClientData, type: keyof typeof clientMessages, msg: Record<string, unknown>) {
    if (data.role === 'student') {
      const seat = this.seats[data.seat!];
      if (seat.table === null || seat.side === null) return this.refuse(client, 'not seated yet');
      const table = this.tables[seat.table];
      const side = seat.side;
      if (type === 'chat') {
        this.say(table, side, { from: seat.name, text: msg.text as string, at: now() });
        return this.broadcastTable(table);
      }
      if (this.session.ended) return this.refuse(client, 'the session has ended');
      if (table.paused) return this.refuse(client, 'the table is paused');
      if (type === 'move') {
        if (msg.side !== undefined && msg.side !== side) return this.refuse(client, `move for ${String(msg.side)} refused: you play ${side}`);
        const move = { ...(msg.move as object), side } as Move;
        if (this.session.decision === 'lead' || this.teamSeats(table.index, side).length === 1) {
          if (this.session.decision === 'lead' && this.actingLead(table.index, side) !== data.seat) return this.refuse(client, 'only the team lead submits moves');
          const reason = this.play(table, move, seat.name, data.seat!);
          if (reason) return this.refuse(client, reason);
        } else {
          table.proposal[side] = { id: this.nextProposal++, by: seat.name, move: msg.move as TeamProposal['move'], yes: [data.seat!], needed: Math.floor(this.teamSeats(table.index, side).length / 2) + 1 };
          this.settleVote(table, side);
        }
        return this.afterChange(table);
      }
      if (type === 'vote') {
        const p = table.proposal[side];
        if (!p || p.id !== msg.proposal) return this.refuse(client, 'no such team proposal');
        if (msg.yes) {
          if (!p.yes.includes(data.seat!)) p.yes.push(data.seat!);
        } else table.proposal[side] = null;
        this.settleVote(table, side);
        return this.afterChange(table);
      }
      return;
    }
    // teacher
    const targets = (m: Record<string, unknown>) => (m.table === undefined ? this.tables : [this.tableAt(m.table as number)]);
    switch (type) {
      case 'pause':
        for (const t of targets(msg)) if (!t.paused) {
          t.paused = true;
          t.remaining = t.deadline === null ? null : Math.max(0, t.deadline - now());
        }
        break;
      case 'resume':
        for (const t of targets(msg)) if (t.paused) {
          t.paused = false;
          t.deadline = t.remaining === null ? null : now() + t.remaining;
          this.playComputer(t);
        }
        break;
      case 'extend':
        for (const t of targets(msg)) {
          const add = (msg.seconds as number) * 1000;
          if (t.paused && t.remaining !== null) t.remaining += add;
          else if (t.deadline !== null) t.deadline += add;
          else t.deadline = now() + add;
        }
        break;
      case 'message': {
        const t = this.tableAt(msg.table as number);
        this.say(t, msg.side as Side, { from: 'Teacher', text: msg.text as string, at: now(), teacher: true });
        break;
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
          this.record(t, { n: t.entries.length + 1, at: new Date().toISOString(), kind: 'inject', inject, by: 'teacher' });
        }
        break;
      }
      case 'assign': {
        if (!this.seats[msg.seat as string]) return this.refuse(client, 'no such student');
        this.tableAt(msg.table as number);
        this.seatAt(msg.seat as string, msg.table as number, msg.side as Side);
        this.saveSeats();
        const c = this.online.get(msg.seat as string);
        if (c) this.welcome(c, msg.seat as string);
        for (const t of this.tables) this.playComputer(t);
        break;
      }
      case 'end': {
        this.session.ended = true;
        const s = { ...this.session };
        this.persist(() => context.store.saveSession(s));
        break;
      }
    }
    // The teacher's pause, resume and extra time are saved at once: a restart right after keeps them.
    if (type === 'pause' || type === 'resume' || type === 'extend' || type === 'message') this.saveTables();
    this.broadcastAll();
  }

  private tableAt(i: number): Table {
    const t = this.tables[i];
    if (!t) throw new Error(`no table ${i + 1}`);
    return t;
  }

  private say(t: Table, side: Side, line: ChatLine) {
    t.chat[side] = [...t.chat[side].slice(-49), line];
    this.tablesDirty = true;
  }

  private saveTables() {
    this.tablesDirty = false;
    this.tablesSavedAt = now();
    const save: TableSave[] = this.tables.map((t) => ({ paused: t.paused, timerLeft: this.timerLeft(t), turn: t.state.turn, chat: t.chat }));
    this.persist(() => context.store.saveTables(this.session.code, save));
  }

  private settleVote(t: Table, side: Side) {
    const p = t.proposal[side];
    if (!p || p.yes.length < p.needed) return;
    t.proposal[side] = null;
    const names = p.yes.map((s) => this.seats[s]?.name).join(', ');
    const reason = this.play(t, { ...p.move, side } as Move, `${p.by} (vote: ${names})`, p.yes[0]);
    if (reason) this.say(t, side, { from: 'Table', text: `The team's move was refused: ${reason}`, at: now() });
  }

  /** Apply one move; null when it was applied, else why not. */
  private play(t: Table, move: Move, by: string, seat: string | null): string | null {
    const r = applyMoveWithPatches(t.scenario, t.state, move);
    if (!r.ok) return r.reason;
    t.state = r.state;
    this.record(t, { n: t.entries.length + 1, at: new Date().toISOString(), kind: 'move', move, by, seat });
    return null;
  }

  private record(t: Table, entry: LogEntry) {
    t.entries.push(entry);
    this.persist(() => context.store.append(this.session.code, t.index, entry));
  }

  private afterChange(t: Table) {
    this.playComputer(t);
    // Only this table changed: its teams and the teachers hear of it (every table to every student cost O(students) a move).
    this.broadcastTable(t);
    this.broadcastTeachers();
  }

  private resetTimer(t: Table) {
    if (t.state.turn !== t.lastTurn) {
      t.lastTurn = t.state.turn;
      if (this.session.timerSeconds > 0) t.deadline = now() + this.session.timerSeconds * 1000;
      this.tablesDirty = true;
    }
  }

  private counterpart(t: Table, side: Side): Counterpart {
    return (t.counterparts[side] ??= createCounterpart(t.scenario, side, 'normal', this.session.seeds[t.index] + (side === 'us' ? 1 : 2)));
  }

  /** Computer seats move at once; a side whose timer ran out gets the computer's move for it. */
  private playComputer(t: Table, timedOut = false) {
    for (let i = 0; i < 200 && !t.paused && !this.session.ended && t.state.phase !== 'ended'; i++) {
      this.resetTimer(t);
      const computer = this.computerSides(t);
      const side = nextActors(t.state).find((s) => computer.includes(s) || timedOut);
      if (!side) break;
      const before = t.state.turn;
      const reason = this.play(t, this.counterpart(t, side).decide(t.state).move, computer.includes(side) ? 'computer' : 'computer (timer ran out)', null);
      if (reason) break;
      if (t.state.turn !== before) timedOut = false;
    }
    this.resetTimer(t);
  }

  /** A table nobody sits at yet keeps its whole turn: its timer starts with the first student, not with the session. */
  private holdEmptyTimers() {
    const elapsed = now() - this.heldAt;
    this.heldAt = now();
    for (const t of this.tables) if (t.deadline !== null && !t.paused && !this.anyoneAt(t)) t.deadline += elapsed;
  }

  private anyoneAt(t: Table) {
    return SIDES.some((s) => this.teamSeats(t.index, s).length > 0);
  }

  private tick() {
    this.holdEmptyTimers();
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
  }

  // ------------------------------------------------------------ what each client sees

  private timerLeft(t: Table) {
    if (t.paused) return t.remaining;
    return t.deadline === null ? null : Math.max(0, t.deadline - now());
  }

  private teamUpdate(t: Table, side: Side): TeamUpdate {
    const acting = this.actingLead(t.index, side);
    return {
      table: t.index,
      side,
      view: viewFor(t.state, side),
      pending: pendingSides(t.state),
      timerLeft: this.timerLeft(t),
      paused: t.paused,
      ended: this.session.ended || t.state.phase === 'ended',
      team: this.teamSeats(t.index, side).map(([k, s]) => ({ name: s.name, lead: k === acting, online: this.online.has(k) })),
      chat: t.chat[side],
      proposal: t.proposal[side],
      moveCount: t.entries.length,
    };
  }

  private broadcastTable(t: Table) {
    for (const side of SIDES) {
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
      pending: pendingSides(t.state),
      paused: t.paused,
      timerLeft: this.timerLeft(t),
      seats: { us: seats('us'), ru: seats('ru') },
      computer: this.computerSides(t),
      moves: t.entries.length,
      agreements: t.state.agreements.length,
      recent: t.entries.slice(-3),
      outcome: { us: o.us.score, ru: o.ru.score, joint: o.joint, ended: t.state.phase === 'ended' },
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
      unseated: Object.entries(this.seats).filter(([, s]) => s.table === null).map(([k, s]) => ({ seat: k, name: s.name })),
      debrief: this.session.ended && context.debriefOf ? context.debriefOf(this.scenario, this.tables.map((t) => t.state), this.tables.map((t) => ({ scenario: t.scenario, changes: t.varied }))) : null,
    };
    const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, 'teacher', update);
    for (const c of this.teachers) c.enqueueRaw(bytes);
  }

  /** For tests and the log download: wait until every write so far is stored. */
  async flushed() {
    await this.writes;
  }

  override async onDispose() {
    await this.writes;
  }
}
