// Where sessions and table logs live: JSON files in a data directory (one JSON-lines log per table), or
// Redis when the server is scaled out. A table's log is its scenario + seed + entries, so replay restores it.
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Presence } from '@colyseus/core';
import type { ChatLine, Decision, LogEntry } from '../protocol';
import type { Side } from '../../engine';

export interface SessionRecord {
  code: string;
  token: string;
  scenarioId: string;
  /** An uploaded scenario's text (null for a built-in one). */
  scenarioText: string | null;
  tables: number;
  timerSeconds: number;
  fillWithComputer: boolean;
  decision: Decision;
  seeds: number[];
  /** Each table's hidden priorities and red lines varied within the scenario's `classroom.vary` limits (absent: off). */
  varyBriefs?: boolean;
  /** The tables play the scenario's class length (absent: its full length). */
  length?: 'class';
  createdAt: string;
  /** The engine's RULES_VERSION the tables are played under (absent: sessions from before it was kept, rules 1). */
  rulesVersion?: number;
  ended: boolean;
  /** When the session was first saved as ended (the store stamps it): a day later it is archived. */
  endedAt?: string;
}

export interface Seat {
  name: string;
  table: number | null;
  side: Side | null;
  lead: boolean;
  /** The last message number this seat sent: a message replayed after a restart is refused too. */
  lastSeq?: number;
}

/** What a table has besides its log: the teacher's pause, the turn timer, the team chats. Saved on every
 * change (and every few seconds while a timer runs) so a restarted server resumes them. */
export interface TableSave {
  paused: boolean;
  /** Milliseconds left on the turn timer when saved (null: no timer running). */
  timerLeft: number | null;
  /** The turn the timer belongs to: a save from an earlier turn does not carry its timer over. */
  turn: number;
  chat: Record<Side, ChatLine[]>;
}

export interface ClassroomStore {
  saveSession(s: SessionRecord): Promise<void>;
  loadSession(code: string): Promise<SessionRecord | null>;
  /** The codes of every session not archived (live or ended within the last day). */
  listSessions(): Promise<string[]>;
  /** Move a session out of the live list: never rebuilt at start, no room, its log still downloadable. */
  archive(code: string): Promise<void>;
  /** An archived session's record (null when there is none). */
  loadArchived(code: string): Promise<SessionRecord | null>;
  saveSeats(code: string, seats: Record<string, Seat>): Promise<void>;
  loadSeats(code: string): Promise<Record<string, Seat>>;
  saveTables(code: string, tables: TableSave[]): Promise<void>;
  loadTables(code: string): Promise<TableSave[]>;
  append(code: string, table: number, entry: LogEntry): Promise<void>;
  entries(code: string, table: number): Promise<LogEntry[]>;
}

/** Ended sessions leave the live list a day after they end; sessions never ended, 30 days after they were made. */
export const ARCHIVE_ENDED_AFTER_MS = 24 * 3600_000;
export const ARCHIVE_UNENDED_AFTER_MS = 30 * 24 * 3600_000;

/** Whether a session is due for the archive at `now`. */
export function dueForArchive(s: SessionRecord, now = Date.now()): boolean {
  if (s.ended) return now - Date.parse(s.endedAt ?? s.createdAt) >= ARCHIVE_ENDED_AFTER_MS;
  return now - Date.parse(s.createdAt) >= ARCHIVE_UNENDED_AFTER_MS;
}

/** The first save of an ended session records when it ended (the room only sets `ended`). */
const stampEnd = (s: SessionRecord, before: SessionRecord | null): SessionRecord =>
  s.ended && !s.endedAt ? { ...s, endedAt: before?.endedAt ?? new Date().toISOString() } : s;

const safe = (code: string) => {
  if (!/^[A-Z0-9]{4,12}$/.test(code)) throw new Error(`bad session code "${code}"`);
  return code;
};

export function fileStore(dir: string): ClassroomStore {
  mkdirSync(dir, { recursive: true });
  const folder = (code: string) => {
    const d = join(dir, safe(code));
    mkdirSync(d, { recursive: true });
    return d;
  };
  // Write then rename, so a killed process never leaves half a session file.
  const writeJson = (file: string, value: unknown) => {
    writeFileSync(file + '.tmp', JSON.stringify(value));
    renameSync(file + '.tmp', file);
  };
  const readJson = <T>(file: string): T | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null);
  const archived = join(dir, 'archive');
  // An archived session's files sit in archive/<CODE>/: its log is still read from there.
  const logFolder = (code: string) => (existsSync(join(dir, safe(code))) ? join(dir, code) : join(archived, code));
  return {
    async saveSession(s) {
      const file = join(folder(s.code), 'session.json');
      writeJson(file, stampEnd(s, readJson<SessionRecord>(file)));
    },
    async loadSession(code) {
      return readJson<SessionRecord>(join(dir, safe(code), 'session.json'));
    },
    async listSessions() {
      return readdirSync(dir).filter((c) => c !== 'archive' && existsSync(join(dir, c, 'session.json')));
    },
    async archive(code) {
      mkdirSync(archived, { recursive: true });
      const to = join(archived, safe(code));
      rmSync(to, { recursive: true, force: true });
      renameSync(join(dir, code), to);
    },
    async loadArchived(code) {
      return readJson<SessionRecord>(join(archived, safe(code), 'session.json'));
    },
    async saveSeats(code, seats) {
      writeJson(join(folder(code), 'seats.json'), seats);
    },
    async loadSeats(code) {
      return readJson<Record<string, Seat>>(join(logFolder(code), 'seats.json')) ?? {};
    },
    async saveTables(code, tables) {
      writeJson(join(folder(code), 'tables.json'), tables);
    },
    async loadTables(code) {
      return readJson<TableSave[]>(join(dir, safe(code), 'tables.json')) ?? [];
    },
    async append(code, table, entry) {
      appendFileSync(join(folder(code), `table-${table + 1}.jsonl`), JSON.stringify(entry) + '\n');
    },
    async entries(code, table) {
      const file = join(logFolder(code), `table-${table + 1}.jsonl`);
      if (!existsSync(file)) return [];
      // A line cut short by a kill is dropped: every whole line before it still replays.
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as LogEntry];
          } catch {
            return [];
          }
        });
    },
  };
}

/** The same in Redis through Colyseus's presence (hashes keyed by entry number keep the order). */
export function redisStore(presence: Presence): ClassroomStore {
  return {
    async saveSession(s) {
      const old = s.ended && !s.endedAt ? await presence.hget('reset:sessions', s.code) : null;
      const before = old ? (JSON.parse(old) as SessionRecord) : null;
      await presence.hset('reset:sessions', s.code, JSON.stringify(stampEnd(s, before)));
    },
    async loadSession(code) {
      const v = await presence.hget('reset:sessions', code);
      return v ? (JSON.parse(v) as SessionRecord) : null;
    },
    async listSessions() {
      return Object.keys((await presence.hgetall('reset:sessions')) ?? {});
    },
    async archive(code) {
      const v = await presence.hget('reset:sessions', code);
      if (v) await presence.hset('reset:archive', code, v);
      await presence.hdel('reset:sessions', code);
      await presence.hdel('reset:tables', code);
    },
    async loadArchived(code) {
      const v = await presence.hget('reset:archive', code);
      return v ? (JSON.parse(v) as SessionRecord) : null;
    },
    async saveSeats(code, seats) {
      await presence.hset('reset:seats', code, JSON.stringify(seats));
    },
    async loadSeats(code) {
      const v = await presence.hget('reset:seats', code);
      return v ? (JSON.parse(v) as Record<string, Seat>) : {};
    },
    async saveTables(code, tables) {
      await presence.hset('reset:tables', code, JSON.stringify(tables));
    },
    async loadTables(code) {
      const v = await presence.hget('reset:tables', code);
      return v ? (JSON.parse(v) as TableSave[]) : [];
    },
    async append(code, table, entry) {
      await presence.hset(`reset:log:${safe(code)}:${table}`, String(entry.n), JSON.stringify(entry));
    },
    async entries(code, table) {
      const all = (await presence.hgetall(`reset:log:${safe(code)}:${table}`)) ?? {};
      return Object.values(all)
        .map((v) => JSON.parse(v) as LogEntry)
        .sort((a, b) => a.n - b.n);
    },
  };
}
