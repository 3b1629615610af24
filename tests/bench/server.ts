// `npm run bench:server`: simulated classes against the real classroom server process on loopback. Students join
// through the Colyseus SDK exactly as the pages do, each team's lead plays legal moves after a think time, and every
// 'table' update is checked for the moves it reflects: the time from a lead sending a move to each client at the
// table (its own team and the other team) receiving the update that holds it is the move-to-update latency.
// Run 1: one server process. Run 2: two processes sharing one redis-server started here, each table's students
// joining half through one process and half through the other.
//
// A lead thinks 1 s (±50%) before each move, far busier than a class (about 120 moves a second over 100 tables);
// --think-ms 5000 is nearer a class's pace (about 24 a second). Other work on the machine shows in the tails: the
// idle control process printed beside the figures tells how much.
//
// --flood 1000: each run is made twice, on fresh processes, without and then with one more student at the first table
// (a member of its US team, not the lead) sending that many chat messages a second while the others play. The server
// takes 10 a second from it (RATE_PER_SECOND), tells it once a second to slow down and keeps its connection; what it
// sent and what came back is printed, and the figures with the flood as a ratio to those without.
//
//   npm run bench:server -- [--tables 100] [--students 3] [--tables-per-session 10] [--seconds 25] [--think-ms 1000] [--runs one,two] [--flood 1000]
// (or BENCH_TABLES, BENCH_STUDENTS, BENCH_TABLES_PER_SESSION, BENCH_SECONDS, BENCH_THINK_MS, BENCH_RUNS, BENCH_FLOOD)
import { Client, type Room } from '@colyseus/sdk';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { allMoves, seatScenario, type Move, type PublicScenario, type Scenario, type Side } from '../../src/engine';
import { packageChoice } from '../../src/net/client/moves';
import type { ChatMessage, SlowDown, TeacherUpdate, TeamUpdate, Welcome } from '../../src/net/protocol';
import { createSession, freePort, redisServerPath, startRedis, startServer, type ServerProcess } from '../classroom-server';

const { values: args } = parseArgs({
  options: {
    tables: { type: 'string' },
    students: { type: 'string' },
    'tables-per-session': { type: 'string' },
    seconds: { type: 'string' },
    'think-ms': { type: 'string' },
    runs: { type: 'string' },
    flood: { type: 'string' },
  },
});
const setting = (arg: string | undefined, env: string, fallback: number) => {
  const n = Number(arg ?? process.env[env] ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${env} / --${env.slice(6).toLowerCase().replace(/_/g, '-')} must be a positive number, not ${arg ?? process.env[env]}`);
  return n;
};
const TABLES = setting(args.tables, 'BENCH_TABLES', 100);
const STUDENTS_PER_TEAM = setting(args.students, 'BENCH_STUDENTS', 3);
const TABLES_PER_SESSION = Math.min(TABLES, setting(args['tables-per-session'], 'BENCH_TABLES_PER_SESSION', 10));
const PLAY_SECONDS = setting(args.seconds, 'BENCH_SECONDS', 25);
const THINK_MS = setting(args['think-ms'], 'BENCH_THINK_MS', 1000);
const RUNS = (args.runs ?? process.env.BENCH_RUNS ?? 'one,two').split(',');
/** Chat messages a second from the flooding student; 0 (not given): no flood, each run made once. */
const FLOOD_RATE = (args.flood ?? process.env.BENCH_FLOOD) === undefined ? 0 : setting(args.flood, 'BENCH_FLOOD', 0);
/** An update that has not arrived this long after its move counts as lost. */
const LOST_AFTER_MS = 10_000;
/** Reports each server process's event-loop delay once a second (see server-probe.mjs). */
const PROBE_URL = pathToFileURL(join(import.meta.dirname, 'server-probe.mjs')).href;
const PROBE = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE_URL}`.trim() };

/** The probe in a Node process that does nothing: what the machine's other work alone does to a process's timing. */
function startIdleControl(): { child: ChildProcess; output: string[] } {
  const child = spawn(process.execPath, ['--import', PROBE_URL, '-e', 'setInterval(() => {}, 1000)'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  return { child, output };
}

type Probe = { p99: number; max: number; gcMax: number };
const probesIn = (output: string[], from: number): Probe[] =>
  output.slice(from).join('').split('\n').filter((l) => l.startsWith('bench-probe ')).map((l) => JSON.parse(l.slice(12)) as Probe);

interface Student {
  name: string;
  room: Room;
  /** The port the student asked to join through, and the port its WebSocket went to (the process hosting the room). */
  joinedVia: number;
  socketOn: number;
  welcome: Welcome | null;
  scenario: Scenario | null;
  table: TableAtBench | null;
  view: TeamUpdate | null;
  inFlight: Flight | null;
  thinking: boolean;
  movesTaken: number;
}

interface Flight {
  side: Side;
  /** How many moves of `side` the table holds once this one is applied. */
  expected: number;
  sentAt: number;
  /** Wall clock at sending, to set against the time the server logged the move (same machine, same clock). */
  sentAtWall: number;
  /** This is the sender's n-th move that the server took (from 0). */
  ordinal: number;
  sender: Student;
  waiting: Set<Student>;
  move: Move;
}

interface TableAtBench {
  key: string;
  students: Student[];
  flights: Flight[];
  delivered: Record<Side, number>;
  lost: number;
}

interface Figures {
  /** Send until the server logged the move, and from then until the sender had the update (the server's clock has ms steps). */
  toServer: number[];
  fromServer: number[];
  sender: number[];
  team: number[];
  other: number[];
  /** Every client at the first table of the first session, where the flooder sits when there is one. */
  firstTable: number[];
  movesSent: number;
  refused: number;
  lost: number;
  joinErrors: number;
  dropped: number;
  endedTables: number;
}

/** The extra student who floods its team chat, and what it sent and got back. */
interface Flooder {
  name: string;
  room: Room;
  /** The port its WebSocket went to: the process hosting the room, which takes the flood. */
  socketOn: number;
  welcome: Welcome | null;
  sent: number;
  /** Its own lines back in the team chat: the ones the server took. */
  echoed: number;
  slowDowns: number;
  /** The count of its refused messages the server gave in its last 'slowDown'. */
  refusedByServer: number;
  /** 'refused' messages: refusals other than for sending too fast (none expected). */
  otherRefusals: number;
  left: boolean;
}

/** What a run's flood is compared by: sorted latencies, and per server process its peak RSS and CPU share. */
interface Measured {
  label: string;
  sender: number[];
  all: number[];
  peakRssMb: number[];
  cpuPercent: number[];
  cpuPerMoveMs: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
const ms = (n: number) => (Number.isNaN(n) ? '-' : `${n.toFixed(1)} ms`);
const line = (label: string, values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return `${label.padEnd(38)} n=${String(s.length).padStart(6)}  median ${ms(percentile(s, 50)).padStart(9)}  p95 ${ms(percentile(s, 95)).padStart(9)}  p99 ${ms(percentile(s, 99)).padStart(9)}  max ${ms(s.at(-1) ?? NaN).padStart(9)}`;
};

/** Resident memory (MB) and CPU seconds of a process, from /proc (Linux); null elsewhere. */
function processUse(pid: number): { rssMb: number; cpuSeconds: number } | null {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssMb: rss, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return null;
  }
}

// A statement sealed from the other team (it has not spoken yet) has reached it all the same: "has spoken" is what it may see.
const movesBy = (u: TeamUpdate, side: Side) => allMoves(u.view).filter((m) => m.side === side).length + (u.view.sealed?.includes(side) ? 1 : 0);
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** A lead's move: mostly cooperative, so games last the run; packages from the team's own cards, checked by the engine's preview. */
function chooseMove(scenario: Scenario, u: TeamUpdate, side: Side): Move | null {
  const legal = u.moves;
  const view = u.view;
  if (u.propose.may && Math.random() < 0.7) {
    for (let i = 0; i < 6; i++) {
      const give = pick(scenario.cards.filter((c) => c.side === side)).id;
      const ask = pick(scenario.cards.filter((c) => c.side !== side)).id;
      const choice = packageChoice(scenario, u, { give: new Set([give]), ask: new Set([ask]), format: 'bilateral' });
      if (choice && choice.preview?.refused === null) return choice.move;
    }
  }
  if (legal.length === 0) return null;
  const of = (type: Move['type']) => legal.filter((m) => m.type === type);
  switch (view.phase) {
    case 'statements': {
      const r = Math.random();
      const tone = r < 0.55 ? 'conciliatory' : r < 0.85 ? 'neutral' : r < 0.92 ? 'hostile' : null;
      const statement = legal.find((m) => m.type === 'statement' && (tone === null || m.tone === tone));
      return tone === null ? (pick(of('openChannel')) ?? statement ?? legal[0]) : (statement ?? legal[0]);
    }
    case 'responses':
      return (Math.random() < 0.75 ? of('accept')[0] : of('reject')[0]) ?? legal[0];
    case 'implementation': {
      const act = [...of('implement'), ...of('verify')];
      return act.length > 0 && Math.random() < 0.7 ? pick(act) : (of('done')[0] ?? legal[0]);
    }
    default:
      return pick(legal);
  }
}

async function runClasses(label: string, ports: number[], servers: ServerProcess[], floodRate: number): Promise<Measured> {
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const sessions = Math.ceil(TABLES / TABLES_PER_SESSION);
  const figures: Figures = { toServer: [], fromServer: [], sender: [], team: [], other: [], firstTable: [], movesSent: 0, refused: 0, lost: 0, joinErrors: 0, dropped: 0, endedTables: 0 };
  const tables = new Map<string, TableAtBench>();
  const students: Student[] = [];
  const teachers: Room[] = [];
  /** When the server logged each student's moves, in order, as the teachers' updates report them. */
  const loggedAt = new Map<string, number[]>();
  const seenEntries = new Set<string>();
  const taken: { name: string; ordinal: number; sentAtWall: number; receivedWall: number }[] = [];
  let playing = false;
  let stopped = false;
  let seq = 0;

  const t0 = performance.now();
  const created = [];
  for (let s = 0; s < sessions; s++) {
    const n = Math.min(TABLES_PER_SESSION, TABLES - s * TABLES_PER_SESSION);
    created.push({ ...(await createSession(bases[s % bases.length], { scenario: 'reset-2009', tables: n, fillWithComputer: false, timerSeconds: 0, decision: 'lead' })), tables: n });
  }
  const firstTable = `${created[0].code}/0`;
  for (const [s, c] of created.entries()) {
    const teacher = await new Client(bases[s % bases.length]).joinById(c.code, { token: c.token });
    teacher.reconnection.enabled = false;
    teacher.onMessage('teacher', (u: TeacherUpdate) => {
      for (const t of u.tables)
        for (const e of t.recent) {
          const key = `${c.code}/${t.table}/${e.n}`;
          if (e.kind !== 'move' || seenEntries.has(key)) continue;
          seenEntries.add(key);
          const list = loggedAt.get(e.by) ?? [];
          list.push(Date.parse(e.at));
          loggedAt.set(e.by, list);
        }
    });
    teacher.onMessage('*', () => {});
    teachers.push(teacher);
  }

  const settle = (st: Student, u: TeamUpdate) => {
    const t = st.table!;
    for (const f of [...t.flights]) {
      if (!f.waiting.has(st) || movesBy(u, f.side) < f.expected) continue;
      const took = performance.now() - f.sentAt;
      f.waiting.delete(st);
      if (playing || stopped) {
        (st === f.sender ? figures.sender : st.welcome!.side === f.side ? figures.team : figures.other).push(took);
        if (t.key === firstTable) figures.firstTable.push(took);
      }
      if (st === f.sender) {
        st.inFlight = null;
        st.movesTaken++;
        // The teacher hears of the move after the teams do: the split is made once the run is over.
        if (playing || stopped) taken.push({ name: st.name, ordinal: f.ordinal, sentAtWall: f.sentAtWall, receivedWall: Date.now() });
      }
      if (f.waiting.size === 0) {
        t.flights.splice(t.flights.indexOf(f), 1);
        t.delivered[f.side]++;
      }
    }
  };

  const act = (st: Student) => {
    st.thinking = false;
    const u = st.view;
    if (!playing || !u || st.inFlight || u.ended || u.paused || !u.yourMove) return;
    const side = st.welcome!.side;
    const move = chooseMove(st.scenario!, u, side);
    if (!move) return;
    const t = st.table!;
    const { side: _, ...intended } = move;
    const flight: Flight = { side, expected: movesBy(u, side) + 1, sentAt: performance.now(), sentAtWall: Date.now(), ordinal: st.movesTaken, sender: st, waiting: new Set(t.students), move };
    t.flights.push(flight);
    st.inFlight = flight;
    figures.movesSent++;
    st.room.send('move', { seq: ++seq, move: intended });
  };

  const maybeThink = (st: Student) => {
    if (!playing || !st.welcome?.lead || st.thinking || st.inFlight || !st.view || !st.view.yourMove || st.view.ended) return;
    st.thinking = true;
    setTimeout(() => act(st), THINK_MS * (0.5 + Math.random()));
  };

  const joinOne = async (code: string, via: number, name: string) => {
    let socketOn = via;
    const client = new Client(`http://127.0.0.1:${via}`, {
      urlBuilder: (url) => {
        if (url.protocol.startsWith('ws')) socketOn = Number(url.port);
        return url.href;
      },
    });
    const st: Student = { name, room: null as unknown as Room, joinedVia: via, socketOn, welcome: null, scenario: null, table: null, view: null, inFlight: null, thinking: false, movesTaken: 0 };
    try {
      st.room = await client.joinById(code, { name });
    } catch (e) {
      figures.joinErrors++;
      console.error(`  ${name} could not join: ${(e as Error).message}`);
      return;
    }
    st.socketOn = socketOn;
    st.room.reconnection.enabled = false;
    st.room.onMessage('welcome', (w: Welcome) => {
      st.welcome = w;
      st.scenario = seatScenario(w.scenario as PublicScenario, w.side);
      const key = `${code}/${w.table}`;
      let t = tables.get(key);
      if (!t) tables.set(key, (t = { key, students: [], flights: [], delivered: { us: 0, ru: 0 }, lost: 0 }));
      if (!t.students.includes(st)) t.students.push(st);
      st.table = t;
    });
    st.room.onMessage('table', (u: TeamUpdate) => {
      st.view = u;
      if (!st.table) return;
      settle(st, u);
      maybeThink(st);
    });
    st.room.onMessage('refused', () => {
      figures.refused++;
      // A move the engine refused (the view was a step behind): forget it and think again.
      const f = st.inFlight;
      if (f) {
        st.table!.flights.splice(st.table!.flights.indexOf(f), 1);
        st.inFlight = null;
        figures.movesSent--;
        maybeThink(st);
      }
    });
    st.room.onMessage('*', () => {});
    st.room.onLeave((code) => {
      if (!stopped) {
        figures.dropped++;
        console.error(`  ${name} was disconnected (${code})`);
      }
    });
    students.push(st);
  };

  // The flooder joins the first session once its tables are full, so the server seats it with the first table's US team.
  // It is none of the table's measured students: the figures are those of the same clients as without it.
  const joinFlooder = async (code: string): Promise<Flooder> => {
    const name = 'Flooder';
    let socketOn = ports[0];
    const client = new Client(bases[0], {
      urlBuilder: (url) => {
        if (url.protocol.startsWith('ws')) socketOn = Number(url.port);
        return url.href;
      },
    });
    const room = await client.joinById(code, { name });
    room.reconnection.enabled = false;
    const fl: Flooder = { name, room, socketOn, welcome: null, sent: 0, echoed: 0, slowDowns: 0, refusedByServer: 0, otherRefusals: 0, left: false };
    const welcomed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} was not seated within ${LOST_AFTER_MS / 1000} s`)), LOST_AFTER_MS);
      room.onMessage('welcome', (w: Welcome) => {
        fl.welcome = w;
        clearTimeout(timer);
        resolve();
      });
    });
    room.onMessage('chat', (m: ChatMessage) => {
      if (m.line.from === name) fl.echoed++;
    });
    room.onMessage('slowDown', (m: SlowDown) => {
      fl.slowDowns++;
      fl.refusedByServer = m.refused;
    });
    room.onMessage('refused', () => fl.otherRefusals++);
    room.onMessage('*', () => {});
    room.onLeave((code) => {
      fl.left = true;
      if (!stopped) {
        figures.dropped++;
        console.error(`  ${name} was disconnected (${code})`);
      }
    });
    await welcomed;
    return fl;
  };

  /** Send chat lines at floodRate from now until play stops: every 10 ms, as many as are due by then. */
  const flood = (fl: Flooder) => {
    const from = performance.now();
    const timer = setInterval(() => {
      if (!playing) return clearInterval(timer);
      const due = Math.floor(((performance.now() - from) / 1000) * floodRate);
      for (; fl.sent < due; fl.sent++) fl.room.send('chat', { seq: ++seq, text: `flood ${fl.sent + 1}` });
    }, 10);
  };

  // Sessions join side by side, each session's students one after another, so the server seats them in a known order:
  // a round of every table's US team, then every Russian team, and again. With two processes the port alternates along
  // a round and shifts by one each round, so every team has members who came through each process.
  await Promise.all(created.map(async (c, s) => {
    const perRound = 2 * c.tables;
    for (let i = 0; i < perRound * STUDENTS_PER_TEAM; i++) await joinOne(c.code, ports[(i + Math.floor(i / perRound)) % ports.length], `S${s + 1}-${i + 1}`);
  }));
  for (let i = 0; i < 100 && students.some((st) => !st.welcome); i++) await new Promise((r) => setTimeout(r, 100));
  const flooder = floodRate > 0 ? await joinFlooder(created[0].code) : null;
  const joinedIn = (performance.now() - t0) / 1000;

  const loop = monitorEventLoopDelay({ resolution: 10 });
  const useBefore = servers.map((s) => processUse(s.child.pid!));
  const peakRss = servers.map(() => 0);
  const sampler = setInterval(() => servers.forEach((s, i) => (peakRss[i] = Math.max(peakRss[i], processUse(s.child.pid!)?.rssMb ?? 0))), 500);
  const outputFrom = servers.map((sv) => sv.output.length);
  const control = startIdleControl();
  loop.enable();
  playing = true;
  for (const st of students) maybeThink(st);
  if (flooder) flood(flooder);
  await new Promise((r) => setTimeout(r, PLAY_SECONDS * 1000));
  playing = false;
  stopped = true;
  // Let the moves already sent arrive, then count what never did.
  const waitUntil = performance.now() + LOST_AFTER_MS;
  while (performance.now() < waitUntil && [...tables.values()].some((t) => t.flights.length > 0)) await new Promise((r) => setTimeout(r, 50));
  loop.disable();
  clearInterval(sampler);
  const useAfter = servers.map((s) => processUse(s.child.pid!));
  for (const t of tables.values()) {
    for (const f of t.flights) t.lost += f.waiting.size;
    figures.lost += t.lost;
    if (t.students.some((st) => st.view?.ended)) figures.endedTables++;
  }

  for (const m of taken) {
    const logged = loggedAt.get(m.name)?.[m.ordinal];
    if (logged === undefined) continue;
    figures.toServer.push(Math.max(0, logged - m.sentAtWall));
    figures.fromServer.push(Math.max(0, m.receivedWall - logged));
  }
  const seated = students.filter((st) => st.welcome);
  const complete = [...tables.values()].filter((t) => t.students.length === 2 * STUDENTS_PER_TEAM);
  console.log(`\n== ${label}`);
  console.log(`tables ${tables.size} (${complete.length} with all ${2 * STUDENTS_PER_TEAM} students) in ${sessions} sessions; clients ${seated.length} students + ${teachers.length} teachers; joined in ${joinedIn.toFixed(1)} s`);
  console.log(`moves sent ${figures.movesSent} in ${PLAY_SECONDS} s (${(figures.movesSent / PLAY_SECONDS).toFixed(0)}/s, think time ${THINK_MS} ms ±50%); refused by the rules ${figures.refused}; tables whose game ended ${figures.endedTables}`);
  console.log(line('move-to-update, the sender', figures.sender));
  console.log(line('  of which: sent until the server logged it', figures.toServer));
  console.log(line('  of which: logged until the sender had it', figures.fromServer));
  console.log(line('move-to-update, the sender\'s teammates', figures.team));
  console.log(line('move-to-update, the other team', figures.other));
  const all = [...figures.sender, ...figures.team, ...figures.other].sort((a, b) => a - b);
  console.log(line('move-to-update, every client', all));
  console.log(line('  of which: at session 1, table 1', figures.firstTable));
  if (flooder) {
    const w = flooder.welcome!;
    console.log(`flooder (one more student, ${w.side.toUpperCase()} at table ${w.table + 1} of session 1${w.lead ? ', the lead' : ''}${ports.length > 1 ? `, connected to process ${ports.indexOf(flooder.socketOn) + 1}` : ''}): sent ${flooder.sent} chat messages in ${PLAY_SECONDS} s (${(flooder.sent / PLAY_SECONDS).toFixed(0)}/s); back: ${flooder.echoed} of its lines in the team chat (${(flooder.echoed / PLAY_SECONDS).toFixed(1)}/s), ${flooder.slowDowns} 'slowDown' (the last one counted ${flooder.refusedByServer} refused), ${flooder.otherRefusals} other refusals; connection ${flooder.left ? 'closed' : 'kept'}`);
  }
  const cpuPercent = servers.map((_s, i) => (useBefore[i] && useAfter[i] ? ((useAfter[i]!.cpuSeconds - useBefore[i]!.cpuSeconds) / (PLAY_SECONDS + 0.001)) * 100 : NaN));
  servers.forEach((s, i) => {
    const probes = probesIn(s.output, outputFrom[i]);
    const delay = probes.length ? `, event-loop delay: worst second's p99 ${Math.max(...probes.map((p) => p.p99)).toFixed(1)} ms, max ${Math.max(...probes.map((p) => p.max)).toFixed(1)} ms, longest GC pause ${Math.max(...probes.map((p) => p.gcMax)).toFixed(1)} ms` : '';
    console.log(`server process ${i + 1} (port ${ports[i]}, pid ${s.child.pid}): peak RSS ${peakRss[i] ? `${peakRss[i].toFixed(0)} MB` : 'not measurable'}, CPU while playing ${Number.isNaN(cpuPercent[i]) ? 'not measurable' : `${cpuPercent[i].toFixed(0)}% of a core`}${delay}`);
  });
  const serverCpu = servers.reduce((sum, _s, i) => sum + (useBefore[i] && useAfter[i] ? useAfter[i]!.cpuSeconds - useBefore[i]!.cpuSeconds : NaN), 0);
  const cpuPerMoveMs = (serverCpu * 1000) / Math.max(1, figures.movesSent);
  if (!Number.isNaN(serverCpu)) console.log(`server CPU per move (all processes, teams' and teachers' updates${flooder ? ' and the flood' : ''} included): ${cpuPerMoveMs.toFixed(2)} ms`);
  console.log(`bench (client) process event-loop delay while playing: p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`);
  const idle = probesIn(control.output, 0);
  control.child.kill();
  if (idle.length) console.log(`an idle Node process on the same machine meanwhile (control): event-loop delay worst second's p99 ${Math.max(...idle.map((p) => p.p99)).toFixed(1)} ms, max ${Math.max(...idle.map((p) => p.max)).toFixed(1)} ms`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes share the cores: compare runs made together)`);
  console.log(`errors: join failures ${figures.joinErrors}, unexpected disconnects ${figures.dropped}, updates never received ${figures.lost}`);
  if (ports.length > 1) {
    const through = (t: TableAtBench) => new Set(t.students.map((st) => st.joinedVia)).size;
    const both = complete.filter((t) => through(t) === ports.length);
    const sawAll = both.filter((t) => t.lost === 0 && t.delivered.us > 0 && t.delivered.ru > 0);
    const hosted = ports.map((p) => new Set(seated.filter((st) => st.socketOn === p).map((st) => st.table!.key.split('/')[0])).size);
    const mixedTeams = both.filter((t) => (['us', 'ru'] as const).every((side) => new Set(t.students.filter((st) => st.welcome!.side === side).map((st) => st.joinedVia)).size === ports.length));
    console.log(`tables whose students joined through both processes: ${both.length}/${tables.size} (${mixedTeams.length} with both processes inside each team); of those, where every student saw every move of both teams: ${sawAll.length}`);
    console.log(`sessions (rooms) hosted: ${ports.map((p, i) => `process ${i + 1} ${hosted[i]}`).join(', ')}; students joined through: ${ports.map((p, i) => `process ${i + 1} ${seated.filter((st) => st.joinedVia === p).length}`).join(', ')}`);
  }
  const p99 = percentile(all, 99);
  console.log(`target: >= 100 tables, >= 600 clients, p99 < 100 ms: ${tables.size >= 100 && seated.length >= 600 && p99 < 100 && figures.lost === 0 ? 'met' : 'NOT met'}`);
  for (const st of students) st.room.connection.close();
  for (const t of teachers) t.connection.close();
  flooder?.room.connection.close();
  return { label, sender: [...figures.sender].sort((a, b) => a - b), all, peakRssMb: peakRss, cpuPercent, cpuPerMoveMs };
}

/** The figures of a run with the flood beside those of the same run without it, and their ratio. */
function printRatios(without: Measured, flooded: Measured) {
  const row = (label: string, a: number, b: number, unit: string, digits = 1) =>
    console.log(`${label.padEnd(40)} ${`${a.toFixed(digits)}${unit}`.padStart(9)} -> ${`${b.toFixed(digits)}${unit}`.padStart(9)}   x${(b / a).toFixed(2)}`);
  console.log(`\n== ${flooded.label}: as a ratio to without the flood`);
  for (const [label, a, b] of [['the sender', without.sender, flooded.sender], ['every client', without.all, flooded.all]] as const) {
    row(`move-to-update, ${label}: median`, percentile(a, 50), percentile(b, 50), ' ms');
    row(`move-to-update, ${label}: p99`, percentile(a, 99), percentile(b, 99), ' ms');
  }
  without.peakRssMb.forEach((rss, i) => row(`server process ${i + 1}: peak RSS`, rss, flooded.peakRssMb[i], ' MB', 0));
  without.cpuPercent.forEach((cpu, i) => row(`server process ${i + 1}: CPU share of a core`, cpu, flooded.cpuPercent[i], '%', 0));
  row('server CPU per move', without.cpuPerMoveMs, flooded.cpuPerMoveMs, ' ms', 2);
}

/** What a run's heading adds: whether it floods, when the bench compares the two. */
const floodLabel = (rate: number) => (rate > 0 ? `, one more student flooding its team chat at ${rate} messages/s` : FLOOD_RATE > 0 ? ', no flood' : '');

const runs: Record<string, (floodRate: number) => Promise<Measured | null>> = {
  async one(floodRate) {
    const dataDir = mkdtempSync(join(tmpdir(), 'reset-bench-'));
    const port = await freePort();
    const server = await startServer(port, dataDir, '', PROBE);
    try {
      return await runClasses(`one server process${floodLabel(floodRate)}`, [port], [server], floodRate);
    } finally {
      await server.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  async two(floodRate) {
    if (!redisServerPath()) {
      console.log('\n== two server processes sharing Redis: skipped, redis-server is not installed (apt-get install redis-server)');
      return null;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'reset-bench-'));
    const redis = await startRedis();
    const servers: ServerProcess[] = [];
    try {
      const ports = [await freePort(), await freePort()];
      for (const p of ports) servers.push(await startServer(p, dataDir, '', { REDIS_URL: redis.url, ...PROBE }));
      return await runClasses(`two server processes sharing one Redis (${redis.url})${floodLabel(floodRate)}`, ports, servers, floodRate);
    } finally {
      for (const s of servers) await s.kill();
      await redis.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

console.log(`Classroom server bench: ${TABLES} tables, ${STUDENTS_PER_TEAM} students a team, 2 teams a table, ${TABLES_PER_SESSION} tables a session, ${PLAY_SECONDS} s of play per run${FLOOD_RATE > 0 ? `; each run without and then with one more student sending ${FLOOD_RATE} chat messages/s` : ''}`);
for (const r of RUNS) {
  if (!runs[r]) throw new Error(`unknown run "${r}" (one, two)`);
  const without = await runs[r](0);
  if (without && FLOOD_RATE > 0) printRatios(without, (await runs[r](FLOOD_RATE))!);
}
process.exit(0);
