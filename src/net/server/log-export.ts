// The log a teacher downloads: one session's tables as JSON or CSV. One module owns its shape. Tables are counted
// from 1 everywhere in it (the room's 0-based indices stay inside the server), and it holds no seat key, token or
// uploaded scenario: whoever the teacher shares it with can read it, not take a seat with it.
import { csvTable } from '../../engine';
import type { LogEntry } from '../protocol';
import type { ClassroomStore, SessionRecord } from './store';

/** An entry as the log's reader gets it: a move keeps who made it by name, never the seat key it came from. */
const readable = (e: LogEntry): LogEntry => {
  if (e.kind !== 'move') return e;
  const { seat: _key, ...rest } = e;
  return rest;
};

export async function exportLog(store: ClassroomStore, s: SessionRecord, fmt: 'json' | 'csv'): Promise<{ type: string; body: string }> {
  const seats = Object.values(await store.loadSeats(s.code)).map((x) => ({ name: x.name, table: x.table === null ? null : x.table + 1, side: x.side, lead: x.lead }));
  const tables = [];
  for (let i = 0; i < s.tables; i++) tables.push({ table: i + 1, scenario: s.scenarioId, seed: s.seeds[i], entries: (await store.entries(s.code, i)).map(readable) });
  if (fmt === 'json') {
    const { token: _token, scenarioText: _text, ...session } = s;
    return { type: 'application/json', body: JSON.stringify({ session: { ...session, rulesVersion: s.rulesVersion ?? 1 }, seats, tables }) };
  }
  const head = ['table', 'n', 'at', 'kind', 'by', 'side', 'what', 'detail'];
  const rows = tables.flatMap((t) =>
    t.entries.map((e) => {
      switch (e.kind) {
        case 'move':
          return [t.table, e.n, e.at, 'move', e.by, e.move.side, e.move.type, JSON.stringify(e.move)];
        case 'inject':
          return [t.table, e.n, e.at, 'inject', e.by, '', e.inject.kind, JSON.stringify(e.inject)];
        case 'teacher':
          return [t.table, e.n, e.at, 'teacher', 'teacher', e.side ?? '', e.action, e.text ?? (e.seconds !== undefined ? `${e.seconds} s` : (e.student ?? ''))];
        case 'chat':
          return [t.table, e.n, e.at, 'chat', e.from, e.side, e.teacher ? 'teacher message' : 'chat', e.text];
        case 'seat':
          return [t.table, e.n, e.at, 'seat', e.student, e.side ?? '', e.change, ''];
      }
    }),
  );
  return { type: 'text/csv', body: csvTable(head, rows) };
}
