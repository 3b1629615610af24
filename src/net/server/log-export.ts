// The log a teacher downloads: one session's tables as JSON or CSV. One module owns its shape.
import type { ClassroomStore, SessionRecord } from './store';

export async function exportLog(store: ClassroomStore, s: SessionRecord, fmt: 'json' | 'csv'): Promise<{ type: string; body: string }> {
  const seats = await store.loadSeats(s.code);
  const tables = [];
  for (let i = 0; i < s.tables; i++) tables.push({ table: i + 1, scenario: s.scenarioId, seed: s.seeds[i], entries: await store.entries(s.code, i) });
  if (fmt === 'json') return { type: 'application/json', body: JSON.stringify({ session: { ...s, token: undefined, scenarioText: undefined }, seats: Object.values(seats), tables }) };
  const q = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const rows = ['table,n,at,kind,by,side,type,detail'];
  for (const t of tables)
    for (const e of t.entries)
      rows.push(e.kind === 'move'
        ? [t.table, e.n, e.at, 'move', e.by, e.move.side, e.move.type, JSON.stringify(e.move)].map(q).join(',')
        : [t.table, e.n, e.at, 'inject', e.by, '', e.inject.kind, JSON.stringify(e.inject)].map(q).join(','));
  return { type: 'text/csv', body: rows.join('\n') + '\n' };
}
