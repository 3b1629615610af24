// Nobody waits for ever, and a seat is the student's: an away team, a vote with members gone, the teacher removing a
// student or giving a team to the computer, a computer seat that moves first, two Sams, a second laptop.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSession } from '../classroom-server';
import { until } from '../waiting';
import { joinRefusal, joinStudent, joinTeacher, startServerHere, toneSeen } from './net-kit';

// A one-second grace instead of a minute: what is tested is that it ends, not its length.
process.env.RESET_AWAY_GRACE_SECONDS = '1';
let here: Awaited<ReturnType<typeof startServerHere>>;
beforeAll(async () => {
  here = await startServerHere();
});
afterAll(async () => {
  await here.server.gracefullyShutdown(false);
});

test('a team whose members are all away gets the computer’s move after the grace, with no turn timer', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, timerSeconds: 0, fillWithComputer: false });
  const here1 = await joinStudent(here.base, created.code, { name: 'Stay' });
  const gone = await joinStudent(here.base, created.code, { name: 'Gone' });
  const teacher = await joinTeacher(here.base, created.code, created.token);
  const goneSide = gone.welcome!.side;
  await gone.room.leave();
  here1.send('move', { move: { type: 'statement', tone: 'neutral' } });
  await until(() => toneSeen(here1, goneSide), 'the computer’s statement for the away team');
  await until(() => teacher.last?.tables[0].awayToComputer.includes(goneSide), 'the teacher card saying the computer moves for the away team');
  const log = (await (await fetch(`${here.base}/api/sessions/${created.code}/log.json?token=${created.token}`)).json()) as { tables: { entries: { kind: string; by?: string }[] }[] };
  expect(log.tables[0].entries.some((e) => e.kind === 'move' && e.by === 'computer (team away)')).toBe(true);
  // Back on the seat, the student moves for the team again.
  const back = await joinStudent(here.base, created.code, { seat: gone.welcome!.seat });
  await until(() => !teacher.last?.tables[0].awayToComputer.includes(goneSide), 'the team no longer away');
  await back.room.leave();
  await here1.room.leave();
  await teacher.room.leave();
});

test('in vote mode only the members present count toward the majority', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false, decision: 'vote' });
  const names = ['V1', 'V2', 'V3', 'V4', 'V5'];
  const st = [];
  for (const name of names) st.push(await joinStudent(here.base, created.code, { name }));
  const side = st[0].welcome!.side;
  const team = st.filter((s) => s.welcome!.side === side);
  expect(team).toHaveLength(3);
  const [proposer, ...others] = team;
  proposer.send('move', { move: { type: 'statement', tone: 'conciliatory' } });
  await until(() => proposer.table?.proposal, 'the team proposal');
  expect(proposer.table!.proposal!.needed).toBe(2); // two of three present
  // The two others close their laptops: the proposer alone is a majority of those present, and the move is made.
  for (const o of others) await o.room.leave();
  await until(() => toneSeen(proposer, side) === 'conciliatory', 'the move made by the member present');
  for (const s of st) if (!team.includes(s) || s === proposer) await s.room.leave();
});

test('the teacher removes a student: the page is told and closed, the seat key opens nothing, the lead passes on', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const lead = await joinStudent(here.base, created.code, { name: 'Lea' });
  await joinStudent(here.base, created.code, { name: 'Opp' });
  const mate = await joinStudent(here.base, created.code, { name: 'Mat' });
  expect(mate.welcome!.side).toBe(lead.welcome!.side);
  const teacher = await joinTeacher(here.base, created.code, created.token);
  await until(() => teacher.last, 'the first teacher update');
  teacher.room.send('remove', { seat: lead.welcome!.seat });
  await until(() => lead.closed, 'the removed page closed');
  expect(lead.closed!.code).toBe(4001);
  await until(() => mate.table?.team.length === 1 && mate.table.team[0].lead, 'the mate leading a team of one');
  expect(await joinRefusal(here.base, created.code, { seat: lead.welcome!.seat })).toMatchObject({ message: 'Type a name of 1 to 40 characters.' });
  await until(() => teacher.last?.tables[0].seats[lead.welcome!.side].every((p) => p.name !== 'Lea'), 'the teacher page without Lea');
  await mate.room.leave();
  await teacher.room.leave();
});

test('the teacher gives a team to the computer, which moves for it; taken back, its students move again', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const a = await joinStudent(here.base, created.code, { name: 'Ali' });
  const b = await joinStudent(here.base, created.code, { name: 'Ben' });
  const teacher = await joinTeacher(here.base, created.code, created.token);
  const given = b.welcome!.side;
  teacher.room.send('computer', { table: 0, side: given, computer: true });
  // Sealed from a until a speaks: a's table says the team has spoken.
  await until(() => a.table?.view.sealed?.includes(given), 'the computer’s statement for the team given to it');
  await until(() => teacher.last?.tables[0].givenToComputer.includes(given), 'the teacher card saying so');
  teacher.room.send('computer', { table: 0, side: given, computer: false });
  await until(() => teacher.last && !teacher.last.tables[0].givenToComputer.includes(given), 'the team taken back');
  // Taken back, the computer plays no more for it: the proposal phase waits for whoever has the initiative.
  a.send('move', { move: { type: 'statement', tone: 'neutral' } });
  await until(() => b.table?.view.phase === 'proposals', 'the proposals phase');
  const proposer = b.table!.view.initiative === given ? b : a;
  expect(proposer.table!.nextActors).toEqual([b.table!.view.initiative]);
  proposer.send('move', { move: { type: 'pass' } });
  await until(() => b.table?.view.phase !== 'proposals', 'the pass taken from the student');
  expect(b.refused).toEqual([]);
  const log = (await (await fetch(`${here.base}/api/sessions/${created.code}/log.json?token=${created.token}`)).json()) as { tables: { entries: { kind: string; action?: string; side?: string }[] }[] };
  expect(log.tables[0].entries.filter((e) => e.kind === 'teacher').map((e) => `${e.action} ${e.side}`)).toEqual([`computer ${given}`, `human ${given}`]);
  for (const r of [a, b, teacher]) await r.room.leave();
});

test('a computer seat makes its statement as soon as the student sits down, without waiting for the student’s move', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true });
  const st = await joinStudent(here.base, created.code, { name: 'Solo' });
  const computer = st.welcome!.side === 'us' ? 'ru' : 'us';
  await until(() => st.table?.view.sealed?.includes(computer) || toneSeen(st, computer), 'the computer’s statement');
  expect(st.table!.nextActors).toEqual([st.welcome!.side]);
  await st.room.leave();
});

test('two students named Sam are Sam and Sam (2) everywhere, and only the lead reads that it leads', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const sam = await joinStudent(here.base, created.code, { name: 'Sam' });
  await joinStudent(here.base, created.code, { name: 'Ola' });
  const sam2 = await joinStudent(here.base, created.code, { name: 'sam' });
  expect([sam.welcome!.name, sam2.welcome!.name]).toEqual(['Sam', 'sam (2)']);
  expect(sam2.welcome!.lead).toBe(false);
  await until(() => sam.table?.team.length === 2, 'both Sams in the team');
  expect(sam.table!.team.map((m) => `${m.name}${m.lead ? ' leads' : ''}`)).toEqual(['Sam leads', 'sam (2)']);
  const teacher = await joinTeacher(here.base, created.code, created.token);
  await until(() => teacher.last, 'the teacher update');
  expect(teacher.last!.tables[0].seats[sam.welcome!.side].map((p) => p.name)).toEqual(['Sam', 'sam (2)']);
  await teacher.room.leave();
});

test('a second laptop: the same name takes over an away seat after saying yes, and never an online seat', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 2, fillWithComputer: false });
  const kim = await joinStudent(here.base, created.code, { name: 'Kim' });
  // Kim is online: typing "Kim" elsewhere gives a seat of one's own, even when asking to take over.
  const other = await joinStudent(here.base, created.code, { name: 'Kim', takeover: true });
  expect(other.welcome!.seat).not.toBe(kim.welcome!.seat);
  expect(other.welcome!.name).toBe('Kim (2)');
  await other.room.leave();
  await kim.room.leave();
  // Both away now: the name asks first, and the answer continues in that seat.
  const asked = await joinRefusal(here.base, created.code, { name: 'kim' });
  expect(asked).toMatchObject({ code: 525, message: expect.stringMatching(/^Are you Kim at table 1, .+\? Continue as Kim on this device/) });
  // A classmate who only knows the name cannot take the seat (and so read that team's brief): the resume code shown on
  // Kim's own page is the proof; without it or with a wrong one the answer says where to find it.
  for (const resumeCode of [undefined, '000000', 'x'.repeat(6)]) {
    const refused = await joinRefusal(here.base, created.code, { name: 'Kim', takeover: true, ...(resumeCode ? { resumeCode } : {}) });
    expect(refused?.message).toMatch(/type the resume code shown on Kim's own page/);
  }
  expect(kim.welcome!.resumeCode).toMatch(/^\d{6}$/);
  expect(other.welcome!.resumeCode).not.toBe(kim.welcome!.resumeCode);
  const laptop = await joinStudent(here.base, created.code, { name: 'Kim', takeover: true, resumeCode: kim.welcome!.resumeCode });
  expect(laptop.welcome!.seat).toBe(kim.welcome!.seat);
  expect(laptop.welcome!.table).toBe(kim.welcome!.table);
  // Someone else who happens to be called Kim says so and gets a seat of their own.
  const namesake = await joinStudent(here.base, created.code, { name: 'Kim', newSeat: true });
  expect(namesake.welcome!.seat).not.toBe(kim.welcome!.seat);
  await laptop.room.leave();
  await namesake.room.leave();
});

test('guessing a resume code: after five wrong codes the seat refuses every takeover, the right code too, and the teacher log says so', async () => {
  const created = await createSession(here.base, { scenario: 'reset-2009', tables: 1, fillWithComputer: false });
  const lee = await joinStudent(here.base, created.code, { name: 'Lee' });
  const code = lee.welcome!.resumeCode;
  await lee.room.leave();
  const wrong = [0, 1, 2, 3, 4, 5].map((i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
  for (const guess of wrong.slice(0, 5)) {
    const refused = await joinRefusal(here.base, created.code, { name: 'Lee', takeover: true, resumeCode: guess });
    expect(refused?.message).toMatch(/type the resume code shown on Lee's own page/);
  }
  // The sixth try is refused whatever it is: the right code would otherwise end a guessing run.
  for (const guess of [wrong[5], code]) {
    const refused = await joinRefusal(here.base, created.code, { name: 'Lee', takeover: true, resumeCode: guess });
    expect(refused?.message).toMatch(/Too many wrong resume codes were typed for Lee: taking over that seat is closed for ten minutes/);
  }
  const log = (await (await fetch(`${here.base}/api/sessions/${created.code}/log.json?token=${created.token}`)).json()) as { tables: { entries: { kind: string; student?: string; change?: string }[] }[] };
  expect(log.tables[0].entries.filter((e) => e.kind === 'seat' && e.student === 'Lee' && e.change === 'takeovers locked after wrong resume codes')).toHaveLength(1);
  // Another seat is not locked by Lee's guesses: its own student continues with its code.
  const ann = await joinStudent(here.base, created.code, { name: 'Ann' });
  await ann.room.leave();
  const back = await joinStudent(here.base, created.code, { name: 'Ann', takeover: true, resumeCode: ann.welcome!.resumeCode });
  expect(back.welcome!.seat).toBe(ann.welcome!.seat);
  await back.room.leave();
});
