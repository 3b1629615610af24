// A classroom server in this process and students/teachers as Colyseus clients that keep what they were sent:
// the welcome, the team's table (with the chat, team and vote messages folded in as a page does), refusals.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { startClassroomServer } from '../../src/net/server/main';
import type { ChatMessage, ProposalMessage, TeacherUpdate, TeamMessage, TeamUpdate, Welcome } from '../../src/net/protocol';
import { until } from '../waiting';

export async function startServerHere() {
  // Port 0: the system picks a free port, so two test files never race for one.
  const dataDir = mkdtempSync(join(tmpdir(), 'reset-net-'));
  const server = await startClassroomServer({ port: 0, dataDir });
  return { server, base: `http://127.0.0.1:${server.port}`, dataDir };
}

export interface Student {
  room: Room;
  welcome: Welcome | null;
  table: TeamUpdate | null;
  tables: number;
  refused: string[];
  slowDown: { seconds: number; refused: number }[];
  closed: { code: number; reason?: string } | null;
  /** Every message's bytes as the wire carried them (JSON length), by type. */
  bytes: Record<string, number>;
  seq: number;
  send(type: string, payload: Record<string, unknown>): void;
}

export async function joinStudent(base: string, code: string, options: Record<string, unknown>): Promise<Student> {
  const room = await new Client(base).joinById(code, options);
  room.reconnection.enabled = false;
  const st: Student = {
    room,
    welcome: null,
    table: null,
    tables: 0,
    refused: [],
    slowDown: [],
    closed: null,
    bytes: {},
    seq: 0,
    send(type, payload) {
      room.send(type, { seq: ++st.seq, ...payload });
    },
  };
  // One handler for every type (the SDK calls '*' only for types without their own), counting the bytes of each.
  room.onMessage('*', (type, payload) => {
    st.bytes[String(type)] = (st.bytes[String(type)] ?? 0) + JSON.stringify(payload).length;
    switch (type) {
      case 'welcome': {
        const w = payload as Welcome;
        st.welcome = w;
        st.seq = Math.max(st.seq, w.lastSeq);
        break;
      }
      case 'table':
        st.table = payload as TeamUpdate;
        st.tables++;
        break;
      case 'chat':
        if (st.table) st.table = { ...st.table, chat: [...st.table.chat, (payload as ChatMessage).line] };
        break;
      case 'team':
        if (st.table) st.table = { ...st.table, team: (payload as TeamMessage).team };
        break;
      case 'proposal':
        if (st.table) st.table = { ...st.table, proposal: (payload as ProposalMessage).proposal };
        break;
      case 'refused':
        st.refused.push((payload as { reason: string }).reason);
        break;
      case 'slowDown':
        st.slowDown.push(payload as { seconds: number; refused: number });
        break;
    }
  });
  room.onLeave((c, reason) => (st.closed = { code: c, reason }));
  await until(() => st.welcome && st.table, 'the welcome and the first table update');
  return st;
}

export interface Teacher {
  room: Room;
  last: TeacherUpdate | null;
  refused: string[];
}

export async function joinTeacher(base: string, code: string, token: string): Promise<Teacher> {
  const room = await new Client(base).joinById(code, { token });
  const t: Teacher = { room, last: null, refused: [] };
  room.onMessage('teacher', (u: TeacherUpdate) => (t.last = u));
  room.onMessage('refused', (r: { reason: string }) => t.refused.push(r.reason));
  room.onMessage('*', () => {});
  return t;
}

/** Why a join was refused (its sentence), or null when it was let in. */
export const joinRefusal = (base: string, code: string, options: Record<string, unknown>) =>
  new Client(base).joinById(code, options).then(
    async (r) => {
      await r.leave();
      return null;
    },
    (e: { code?: number; message?: string }) => e,
  );

/** The tone a team's table shows for `side` this turn, or undefined (not spoken, or sealed). */
export const toneSeen = (st: Student, side: string) => {
  const turn = st.table?.view.history.at(-1);
  const m = turn?.moves.find((x) => x.side === side && x.type === 'statement');
  return m && m.type === 'statement' ? m.tone : undefined;
};
