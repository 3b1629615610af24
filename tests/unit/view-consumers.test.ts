// Every screen reads one view of a seat, the engine's tableView: the classroom server's update to a team (which the
// student page shows as it comes) and the local table's (the DOM layer and the canvas) are the same view for the same
// game, and nothing outside the engine works a rule out again for itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { otherSide, previewFor, readMeter, replay, seatScenario, tableView, type Move, type Side, type TableView } from '../../src/engine';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import type { TeamUpdate } from '../../src/net/protocol';
import { createSession } from '../classroom-server';
import { until } from '../waiting';
import { joinStudent, startServerHere, type Student } from './net-kit';

// The page's scenario list is a build-time module; the session here is handed its scenario directly.
vi.mock('../../src/ui/scenarios', () => ({ loadSource: async () => ({ ok: false }) }));
const { store } = await import('../../src/ui/session');

const FILE = 'reset-2009.yaml';
const scenario = requireScenario(join(SCENARIO_DIR, FILE));

let here: Awaited<ReturnType<typeof startServerHere>>;
beforeAll(async () => {
  here = await startServerHere();
});
afterAll(async () => {
  store.quit();
  await here.server.gracefullyShutdown(false);
});

/** The seat's view inside a team update (the update adds the room around it: timer, team, chat, votes). */
function seatOf(u: TeamUpdate): TableView {
  const { table: _t, timerLeft: _l, paused: _p, ended: _e, team: _m, chat: _c, proposal: _v, computer: _k, moveCount: _n, ...seat } = u;
  return seat;
}

/** The local table's view of `side` for the same game: the browser session resumed at this state (and left again). */
function localTable(state: ReturnType<typeof replay>, side: Side): TableView {
  store.resume({ file: FILE, text: '', builtIn: true }, scenario, { side, opponent: 'computer', difficulty: 'normal', seed: state.seed }, state);
  expect(store.session!.viewer).toBe(side);
  const seat = store.table();
  store.quit(); // before the computer's move is due
  return seat;
}

test('for the same game the server’s update to a team, the local table and the engine show the same view: the turn, the moves, may counter, what accepting does, the score', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const first = await joinStudent(here.base, created.code, { name: 'Ana' });
  const second = await joinStudent(here.base, created.code, { name: 'Boris' });
  const team: Record<Side, Student> = { [first.welcome!.side]: first, [second.welcome!.side]: second } as Record<Side, Student>;
  const moves = (n: number) => until(() => SIDES_OF(team).every((st) => st.table!.moveCount >= n), `both teams' tables after move ${n}`);
  /** The game as the server holds it, from the log the teacher downloads. */
  const serverState = async () => {
    const log = (await (await fetch(`${here.base}/api/sessions/${created.code}/log.json?token=${created.token}`)).json()) as { tables: { seed: number; entries: { kind: string; move?: Move }[] }[] };
    const t = log.tables[0];
    return replay(scenario, { scenario: scenario.id, seed: t.seed, moves: t.entries.filter((e) => e.kind === 'move').map((e) => e.move!) });
  };
  const sameEverywhere = async (label: string) => {
    const state = await serverState();
    for (const side of ['us', 'ru'] as const) {
      const sent = seatOf(team[side].table!);
      expect(sent, `${label}: the server's update to ${side}`).toEqual(tableView(scenario, state, side));
      expect(localTable(state, side), `${label}: the local table of ${side}`).toEqual(sent);
    }
    return state;
  };

  for (const st of SIDES_OF(team)) st.send('move', { move: { type: 'statement', tone: 'neutral' } });
  await moves(2);
  const proposalsState = await sameEverywhere('proposals');
  const by = proposalsState.initiative;
  const them = otherSide(scenario.seats, by);
  expect(team[by].table!.propose).toEqual({ may: true, why: null });
  expect(team[them].table!.propose.may).toBe(false);

  // A package the proposer's page would show a preview for, asking what the other side may sign.
  const red = new Set(scenario.sides[them].redLines.map((r) => r.card));
  const give = scenario.cards.find((c) => c.side === by && !scenario.sides[by].redLines.some((r) => r.card === c.id))!.id;
  const ask = scenario.cards.find((c) => c.side === them && !red.has(c.id))!.id;
  const onPage = previewFor(seatScenario(team[by].welcome!.scenario, by), team[by].table!.view, by, { give: [give], ask: [ask] });
  expect(onPage).toEqual(previewFor(scenario, proposalsState, by, { give: [give], ask: [ask] }));
  team[by].send('move', { move: { type: 'propose', give: [give], ask: [ask] } });
  await moves(3);
  const responsesState = await sameEverywhere('responses');
  const answer = team[them].table!;
  expect(answer.counter).toEqual({ may: true, why: null });
  expect(team[by].table!.counter.may).toBe(false);
  expect(answer.offer!.accept.may).toBe(true);
  // What the proposer's page previewed is what the other side's page says accepting does.
  expect(answer.offer!.preview!.onSigning).toEqual(onPage.onSigning);

  // Accepting does what both said, to the meters and to the answering side's score so far.
  const before = answer.score.score;
  team[them].send('move', { move: { type: 'accept' } });
  await moves(4);
  const signed = await sameEverywhere('implementation');
  expect(signed.phase).toBe('implementation');
  expect(Math.round((team[them].table!.score.score - before) * 10) / 10).toBe(answer.offer!.preview!.score);
  for (const [path, delta] of Object.entries(answer.offer!.preview!.onSigning)) expect(readMeter(signed, path) - readMeter(responsesState, path)).toBe(delta);
  for (const st of SIDES_OF(team)) await st.room.leave();
});

const SIDES_OF = (team: Record<Side, Student>) => [team.us, team.ru];

// ---------------------------------------------------------------- nothing outside the engine works a rule out again

const SRC = join(import.meta.dirname, '../../src');
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
const outsideEngine = () => filesUnder(SRC).filter((f) => !relative(SRC, f).startsWith('engine/'));

test('no file outside the engine reads the numbers of a formula the engine owns (costs, escalation, delays, allies)', () => {
  const owned = /rules\.(hawkCostPerPoint|multilateralCost|receiveSupport|escalationDecay|maxDelays|allyAlarmBelow)\b|\.damp\b/;
  const found = outsideEngine().flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [`${relative(SRC, f)}:${i + 1}`, line] as const)).filter(([, line]) => owned.test(line));
  expect(found.map(([at, line]) => `${at}: ${line.trim()}`)).toEqual([]);
});

test('the tables and the student page ask the engine’s view what may be done and what a package does, never the rules directly', () => {
  // These screens read tableView / previewFor; the session (which makes moves) and the debrief (the whole game, at its end) may ask more.
  const screens = outsideEngine().filter((f) => /^(ui\/dom|ui\/scenes|net\/client)\//.test(relative(SRC, f)));
  expect(screens.length).toBeGreaterThan(5);
  const asks = /\b(applyMove|legalMoves|whyNot|pendingSides|nextActors|nextForwardStep|outcomeOf|previewPackage|meterPaths)\(|!\s*[\w.?!]*isCounter\b|\.initiative\s*===/;
  const found = screens.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [`${relative(SRC, f)}:${i + 1}`, line] as const)).filter(([, line]) => asks.test(line));
  expect(found.map(([at, line]) => `${at}: ${line.trim()}`)).toEqual([]);
});

test('one CSV writer: only src/engine/csv.ts quotes cells or ends rows with CRLF', () => {
  const writes = /replace\(\/"\/g, '""'\)|\\r\\n/;
  const found = filesUnder(SRC)
    .filter((f) => relative(SRC, f) !== 'engine/csv.ts')
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [`${relative(SRC, f)}:${i + 1}`, line] as const))
    .filter(([, line]) => writes.test(line));
  expect(found.map(([at, line]) => `${at}: ${line.trim()}`)).toEqual([]);
  // The two logs a teacher downloads as CSV both come from it.
  for (const f of ['ui/export.ts', 'net/server/log-export.ts']) expect(readFileSync(join(SRC, f), 'utf8')).toMatch(/csvTable\(/);
});
