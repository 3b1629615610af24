// A class session end to end, through the pages only: a teacher and four students, each in their own Chromium,
// against the classroom server as a real process serving a production build. Three turns are played; the
// teacher fires an inject and pauses; a student's tab is closed and reopened; the server is SIGKILLed and
// restarted on the same data; the log the teacher downloads holds every move with the student's name.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, watchErrors, type Browser } from './harness';
import { buildPages, expectHeading, freePort, press, startServer, type ServerProcess } from './classroom-kit';
import { createSession, stopAll } from '../classroom-server';
import { until } from '../waiting';
import { requireScenario, SCENARIO_DIR } from '../../src/scenario/files';
import { createGame, applyMove, otherSide, previewPackage, textOf, type GameState, type Move, type Side } from '../../src/engine';

/** The shipped scenarios' seats. */
const US_RU = ['us', 'ru'] as const;

const scenario = requireScenario(join(SCENARIO_DIR, 'reset-2009.yaml'));
let pages: Awaited<ReturnType<typeof buildPages>>;
let server: ServerProcess | null = null;
const browsers: Browser[] = [];
let dataDir = '';

beforeAll(async () => {
  pages = await buildPages();
  dataDir = mkdtempSync(join(tmpdir(), 'reset-classroom-data-'));
});
afterAll(async () => {
  await stopAll(); // every server process this file started, whatever a test left behind
  for (const b of browsers) await b.close();
  pages?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A package the proposer may send and the other side may accept, found with the engine's own preview. */
/** A package of one card each way that may be sent, by the names its controls have: an option of a graded issue is a radio button (one option an issue), a card a checkbox. */
function acceptablePackage(state: GameState, proposer: Side): { give: string; ask: string; giveRole: 'checkbox' | 'radio'; askRole: 'checkbox' | 'radio' } {
  const other = otherSide(US_RU, proposer);
  const red = (s: Side) => new Set(scenario.sides[s].redLines.map((r) => r.card));
  for (const give of scenario.cards.filter((c) => c.side === proposer && !red(proposer).has(c.id)))
    for (const ask of scenario.cards.filter((c) => c.side === other && !red(other).has(c.id)))
      if (previewPackage(scenario, state, proposer, { give: [give.id], ask: [ask.id], format: 'bilateral' }).refused === null) return { give: textOf(give.title) + (give.issue ? `, costs you ${give.cost} support` : ''), ask: textOf(ask.title), giveRole: give.issue ? 'radio' : 'checkbox', askRole: ask.issue ? 'radio' : 'checkbox' };
  throw new Error('no acceptable package');
}

test('a teacher and four students play three turns through a pause, an inject, a closed tab and a killed server', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = await startServer(port, dataDir, pages.outDir);
  const errors: Record<string, string[]> = {};
  const open = async (who: string): Promise<Page> => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.context.newPage();
    // Console errors the browser itself logs while the server is down are expected; page errors never are.
    errors[who] = watchErrors(page);
    return page;
  };

  // ---- The teacher creates the session from the page.
  const teacher = await open('teacher');
  await teacher.goto(`${base}/classroom/teacher.html`);
  await expect.poll(() => teacher.getByLabel('Scenario', { exact: true }).inputValue()).toBe('reset-2009');
  await teacher.getByLabel('Number of tables').fill('1');
  await teacher.getByLabel(/Turn timer in minutes/).fill('5');
  await teacher.getByLabel(/Fill empty seats/).uncheck();
  await press(teacher, 'Create the session');
  await teacher.locator('.join-code').waitFor();
  const code = (await teacher.locator('.join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  expect(await teacher.evaluate(() => location.hash)).toMatch(new RegExp(`^#${code}:`));
  const studentUrl = (await teacher.locator('#student-link').getAttribute('href'))!;
  expect(studentUrl).toBe(`${base}/classroom/student.html#${code}`);
  // Students copy the address from the projector, so it is shown large (it was body text), on one line at 1280 px.
  const address = await teacher.locator('#student-link').evaluate((a) => ({ size: parseFloat(getComputedStyle(a).fontSize), body: parseFloat(getComputedStyle(document.body).fontSize), lines: a.getClientRects().length }));
  expect(address.size).toBeGreaterThanOrEqual(1.3 * address.body);
  expect(address.lines).toBe(1);
  // The page is on the projector: the private link (whoever has it runs the session) stays folded until asked for.
  expect(await teacher.locator('#teacher-link').isVisible()).toBe(false);
  await teacher.getByText('Your private teacher link (not for the projector)').press('Enter');
  expect(await teacher.locator('#teacher-link').textContent()).toBe(teacher.url());
  // Nobody is seated yet: the turn timer waits for the first student.
  expect(await teacher.locator('#timer-0').textContent()).toBe('5:00 a turn, from the first student');

  // ---- Four students join by name; seats fill evenly: Ana and Boris lead the two teams.
  const student: Record<string, Page> = {};
  for (const name of ['Ana', 'Boris', 'Carl', 'Dasha']) {
    const page = await open(name);
    await page.goto(studentUrl);
    await expect.poll(() => page.getByLabel('Join code').inputValue()).toBe(code);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Your name').press('Enter');
    await expectHeading(page, /· Table 1 · Turn 1 of 12/);
    student[name] = page;
  }
  const { Ana: ana, Boris: boris, Carl: carl, Dasha: dasha } = student;
  await expectHeading(ana, /^United States/);
  await expectHeading(carl, /^United States/);
  await expectHeading(boris, /^Russia/);
  await expectHeading(dasha, /^Russia/);
  await ana.getByText('You are Ana, the team lead.').waitFor();
  await carl.getByText(/your team lead is Ana/).waitFor();
  // Each team reads its own confidential brief and never the other's.
  const briefOf = (s: Side) => textOf(scenario.sides[s].brief).slice(0, 80);
  expect(await ana.content()).toContain(briefOf('us'));
  expect(await ana.content()).not.toContain(briefOf('ru'));
  expect(await boris.content()).toContain(briefOf('ru'));
  expect(await boris.content()).not.toContain(briefOf('us'));

  const made: string[] = [];
  const move = async (name: string, page: Page, button: string | RegExp, type: Move['type']) => {
    await press(page, button);
    made.push(`${name} ${type}`);
  };
  /** The implementation phase: each lead implements what it owes, then finishes (verifying is optional). */
  const implementUntilTurn = async (turn: number, leads: Record<string, Page>) => {
    const atTurn = new RegExp(`Turn ${turn} of 12`);
    const heading = async (page: Page) => (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '';
    // What a lead's page offers: it changes when the server's update of a move arrives.
    const offer = async (page: Page) => `${await heading(page)} | ${(await page.getByRole('button').allTextContents()).join(' | ')}`;
    for (let round = 0; round < 40; round++) {
      const before = await Promise.all(Object.values(leads).map(offer));
      if ((await Promise.all(Object.values(leads).map(heading))).every((h) => atTurn.test(h))) return;
      let moved = false;
      for (const [name, page] of Object.entries(leads)) {
        if (!/Implementation/.test(await heading(page))) continue;
        const was = await offer(page);
        if ((await page.getByRole('button', { name: /^Implement agreement/ }).count()) > 0) await move(name, page, /^Implement agreement/, 'implement');
        else if ((await page.getByRole('button', { name: 'Done with implementation' }).count()) > 0) await move(name, page, 'Done with implementation', 'done');
        else continue;
        moved = true;
        // Pressed again before the update came, the same button would send the move twice.
        await until(async () => (await offer(page)) !== was, `${name}'s page to show the server's answer to ${made.at(-1)}`);
      }
      if (!moved) await until(async () => (await Promise.all(Object.values(leads).map(offer))).some((o, i) => o !== before[i]), `a lead's page to change on the way to turn ${turn}`);
    }
    throw new Error(`the table did not reach turn ${turn}`);
  };

  // ---- Turn 1: statements, a package proposed and accepted, both sides implement.
  await move('Ana', ana, 'Conciliatory statement', 'statement');
  await move('Boris', boris, 'Neutral statement', 'statement');
  let state = createGame(scenario, 1);
  for (const m of [{ type: 'statement', side: 'us', tone: 'conciliatory' }, { type: 'statement', side: 'ru', tone: 'neutral' }] as Move[]) state = (applyMove(scenario, state, m) as { state: GameState }).state;
  const pkg = acceptablePackage(state, 'us');
  await ana.getByRole(pkg.giveRole, { name: pkg.give, exact: true }).press('Space');
  await ana.getByRole(pkg.askRole, { name: pkg.ask, exact: true }).press('Space');
  await ana.getByRole('list', { name: 'Effect on the meters if signed' }).waitFor();
  await carl.getByText(/Ana, your team lead, submits it/).waitFor();
  await screenshot(ana, 'classroom-student');
  await move('Ana', ana, 'Send proposal', 'propose');
  // The Send button was far down the page; the team's next move (at the top) comes back into view with the focus.
  await expect.poll(() => ana.evaluate(() => document.activeElement?.id)).toBe('actions-h');
  expect(await ana.evaluate(() => document.getElementById('actions-h')!.getBoundingClientRect().top)).toBeLessThan(300);
  await boris.getByText(/United States proposed a bilateral package/).first().waitFor();
  // Russia answers what it reads right above Accept: what it gets, what it gives, what accepting does to the meters.
  const offer = boris.getByRole('group', { name: 'United States offers' });
  expect(await offer.getByText('You get:').locator('..').textContent()).toBe(`You get: ${pkg.give}`);
  expect(await offer.getByText('You give:').locator('..').textContent()).toBe(`You give: ${pkg.ask}`);
  expect(await offer.getByRole('list', { name: 'If you accept' }).getByRole('listitem').count()).toBeGreaterThan(0);
  // Every move of the turn is on the page, not only read out: the other team's statement too.
  await boris.getByRole('region', { name: 'Latest moves' }).getByText('United States made a conciliatory statement.').waitFor();
  await move('Boris', boris, 'Accept the package', 'accept');
  await implementUntilTurn(2, { Ana: ana, Boris: boris });
  await expectHeading(ana, /Turn 2 of 12: Public statements/);
  await teacher.getByText('1 agreement', { exact: false }).waitFor();
  await screenshot(teacher, 'classroom-teacher');

  // ---- Team chat stays in the team; the teacher's message reaches only the team it is for.
  // Carl is not the lead: the page's pointer to the team chat takes him to its input, far down the other column.
  await carl.getByRole('link', { name: 'the team chat' }).press('Enter');
  expect(await carl.evaluate(() => document.activeElement?.id)).toBe('chat-text');
  await carl.keyboard.type('Ask them for inspections next.');
  await carl.keyboard.press('Enter');
  await ana.getByRole('list', { name: 'Team chat messages' }).getByText('Ask them for inspections next.').waitFor();
  await teacher.getByLabel('To team').selectOption({ label: 'Russia' });
  await teacher.getByLabel('Message', { exact: true }).fill('Remember your red lines.');
  await press(teacher, 'Send the message');
  await teacher.getByText(/^✓ Message sent to Russia at table 1 at /).waitFor();
  await dasha.locator('.teacher-message').getByText('Remember your red lines.').waitFor();
  await dasha.getByText('Message from your teacher: Remember your red lines.').waitFor();
  // Dasha plays on from a phone: nothing runs off the side, and a meter's name gets more room than its bar.
  await dasha.setViewportSize({ width: 375, height: 740 });
  expect(await dasha.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const meterRow = await dasha.locator('.meter-row').first().evaluate((row) => ({ label: row.children[0].getBoundingClientRect().width, bar: row.children[1].getBoundingClientRect().width }));
  expect(meterRow.label).toBeGreaterThan(meterRow.bar);
  expect(await boris.content()).not.toContain('Ask them for inspections next.');
  expect(await ana.content()).not.toContain('Remember your red lines.');

  // ---- Turn 2: statements; Russia has the initiative and passes.
  await move('Ana', ana, 'Hostile statement', 'statement');
  await move('Boris', boris, 'Conciliatory statement', 'statement');
  await move('Boris', boris, 'Pass (no proposal)', 'pass');
  await implementUntilTurn(3, { Ana: ana, Boris: boris });
  await expectHeading(boris, /Turn 3 of 12: Public statements/);

  // ---- Turn 3, mid-turn: the teacher fires a written inject into table 1 and pauses it.
  await move('Ana', ana, 'Neutral statement', 'statement');
  await teacher.getByLabel('Into').selectOption({ label: 'Table 1' });
  await teacher.getByLabel('Or a written inject: title').fill('Incident over the Baltic');
  await teacher.getByLabel('Written inject: what happened').fill('A Russian fighter passes within metres of a U.S. reconnaissance plane.');
  await press(teacher, 'Fire the inject');
  await teacher.getByText(/^✓ “Incident over the Baltic” fired into table 1 at /).waitFor();
  await press(teacher, 'Pause table 1');
  for (const page of [ana, boris, carl, dasha]) {
    await page.getByText('Turn 3: Incident over the Baltic.').waitFor();
    await page.getByText('Paused by your teacher').waitFor();
  }
  await expect.poll(() => boris.getByRole('button', { name: 'Conciliatory statement' }).count()).toBe(0);
  await expect.poll(() => teacher.locator('#timer-0').textContent()).toMatch(/^Paused, \d:\d\d left$/);
  const pausedAt = (await teacher.locator('#timer-0').textContent())!;

  // ---- Boris closes his tab mid-turn and opens the student link again: same seat, same view.
  await boris.close();
  const borisAgain = await browsers[2].context.newPage();
  errors['Boris again'] = watchErrors(borisAgain);
  await borisAgain.goto(studentUrl);
  await expectHeading(borisAgain, /^Russia · Table 1 · Turn 3 of 12: Public statements/);
  await borisAgain.getByText('You are Boris, the team lead.').waitFor();
  await borisAgain.getByText('Paused by your teacher').waitFor();
  await borisAgain.getByText('Turn 3: Incident over the Baltic.').waitFor();
  await screenshot(borisAgain, 'classroom-student-paused');

  // ---- The server process is killed; every page says it is reconnecting; it restarts on the same data and port.
  await server.kill();
  for (const page of [teacher, ana, borisAgain]) await page.getByText(/^Reconnecting…/).waitFor();
  await screenshot(teacher, 'classroom-teacher-reconnecting');
  server = await startServer(port, dataDir, pages.outDir);
  for (const page of [teacher, ana, borisAgain, carl, dasha]) await expect.poll(() => page.locator('#link-status').textContent()).toBe('');
  // The table resumes where it was: the same turn, still paused, the same time left on the timer.
  await expectHeading(borisAgain, /Turn 3 of 12: Public statements/);
  await borisAgain.getByText('Paused by your teacher').waitFor();
  await expect.poll(() => teacher.locator('#timer-0').textContent()).toBe(pausedAt);
  await teacher.getByText('Turn 3 of 12 · Public statements · waiting for Russia').waitFor();

  // ---- The teacher resumes; Russia speaks, the United States passes; turn 4 begins everywhere.
  await press(teacher, 'Resume table 1');
  await move('Boris', borisAgain, 'Conciliatory statement', 'statement');
  await move('Ana', ana, 'Pass (no proposal)', 'pass');
  await implementUntilTurn(4, { Ana: ana, Boris: borisAgain });
  for (const page of [ana, borisAgain, carl, dasha]) await expectHeading(page, /Turn 4 of 12: Public statements/);

  // ---- The teacher's log link: every move made, in order, by the student who made it, and the inject.
  const href = (await teacher.getByRole('link', { name: 'Log as JSON' }).getAttribute('href'))!;
  const log = (await (await fetch(href)).json()) as { tables: { entries: { kind: string; by: string; move?: Move; inject?: { title?: string } }[] }[] };
  const entries = log.tables[0].entries;
  expect(entries.filter((e) => e.kind === 'move').map((e) => `${e.by} ${e.move!.type}`)).toEqual(made);
  expect(entries.some((e) => e.kind === 'inject' && e.inject?.title === 'Incident over the Baltic')).toBe(true);
  const csv = await (await fetch((await teacher.getByRole('link', { name: 'Log as CSV' }).getAttribute('href'))!)).text();
  // A cell is quoted only when it must be (RFC 4180, the engine's CSV writer).
  for (const name of ['Ana', 'Boris']) expect(csv).toMatch(new RegExp(`,move,${name},`));
  // Without the teacher's token the log stays closed.
  expect((await fetch(`${base}/api/sessions/${code}/log.json`)).status).toBe(403);

  // ---- The teacher ends the session; the class debrief appears and the students see the game is over.
  await press(teacher, 'End the session…');
  await press(teacher, 'Yes, end the session');
  await teacher.getByRole('heading', { name: 'Class debrief' }).waitFor();
  await ana.getByText('The game is over').first().waitFor();
  // The projector view: the deal chart against the Pareto frontier, described as a table row per table.
  await teacher.getByRole('figure', { name: /Deals against the Pareto frontier/ }).waitFor();
  expect(await teacher.locator('#class-debrief table tbody:not(.reference) tr').count()).toBe(1);
  await teacher.getByRole('heading', { name: 'Class debrief' }).scrollIntoViewIfNeeded();
  await screenshot(teacher, 'classroom-debrief');
  // Nothing is left running: no timers (the students' stopped too), nothing to pause or extend.
  expect(await teacher.locator('#timer-0').textContent()).toBe('Session ended');
  expect(await teacher.getByRole('button', { name: 'Pause table 1' }).count()).toBe(0);
  await expect.poll(() => ana.locator('#timer').textContent()).toBe('');

  // A student who types a wrong code is told so, keeps the name typed, and is back in the code field; the real code
  // of a session that has ended says so instead of trying again and again.
  const late = await browsers[0].context.newPage();
  await late.goto(`${base}/classroom/student.html`);
  await late.getByLabel('Join code').fill('ZZZZZZ');
  await late.getByLabel('Your name').fill('Late Lena');
  await late.getByLabel('Your name').press('Enter');
  await late.getByRole('alert').getByText('There is no class session with the code ZZZZZZ: check the code your teacher shows.').waitFor();
  expect(await late.getByLabel('Your name').inputValue()).toBe('Late Lena');
  expect(await late.evaluate(() => document.activeElement?.id)).toBe('join-code');
  await late.keyboard.type(code);
  await late.keyboard.press('Enter');
  await late.getByRole('alert').getByText('This class session has ended: ask your teacher for the code of the next one.').waitFor();
  expect(await late.locator('#link-status').textContent()).toBe('');
  // A teacher link with the wrong key says so once, and offers a new session, instead of reconnecting for ever.
  await late.goto(`${base}/classroom/teacher.html#${code}:not-the-right-key`);
  await late.getByRole('heading', { name: 'This teacher link does not open a session' }).waitFor();
  await late.getByRole('alert').getByText(/^This teacher link is not the one for this session/).waitFor();
  expect(await late.locator('#link-status').textContent()).toBe('');

  const pageErrors = Object.entries(errors).flatMap(([who, list]) => list.filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource|net::/.test(e)).map((e) => `${who}: ${e}`));
  expect(pageErrors).toEqual([]);
});

test('when the team votes, a move is made once most of the team says yes; a student the teacher moves changes team and the computer takes the empty seat', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await server?.kill();
  server = await startServer(port, dataDir, pages.outDir);
  const browser = await launchBrowser();
  browsers.push(browser);
  const teacher = await browser.context.newPage();
  const errors = watchErrors(teacher);
  await teacher.goto(`${base}/classroom/teacher.html`);
  await teacher.getByLabel('Number of tables').fill('1');
  await teacher.getByLabel(/Turn timer in minutes/).fill('0');
  await teacher.getByRole('radio', { name: /The team votes/ }).check();
  await press(teacher, 'Create the session');
  const studentUrl = (await teacher.locator('#student-link').getAttribute('href'))!;
  const join = async (name: string) => {
    const b = await launchBrowser();
    browsers.push(b);
    const page = await b.context.newPage();
    await page.goto(studentUrl);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Your name').press('Enter');
    await expectHeading(page, /· Table 1 · Turn 1 of 12/);
    return page;
  };
  const eve = await join('Eve');
  const finn = await join('Finn');
  await expectHeading(finn, /^Russia/);

  // The teacher moves Finn to the United States; Russia's seat is empty, so the computer plays it.
  await teacher.getByLabel('Student', { exact: true }).selectOption({ label: 'Finn (table 1, Russia)' });
  await teacher.getByLabel('On team').selectOption({ label: 'United States' });
  await press(teacher, 'Seat the student');
  await expectHeading(finn, /^United States · Table 1/);
  await teacher.getByText('Russia: the computer').waitFor();

  // Eve proposes a statement to her team; nothing is played until Finn votes yes.
  await press(eve, 'Propose to the team: Conciliatory statement');
  await finn.getByText(/Eve: United States made a conciliatory statement\. 1 of 2 votes needed\./).waitFor();
  await eve.getByText('You voted yes.').waitFor();
  expect((await (await fetch((await teacher.getByRole('link', { name: 'Log as JSON' }).getAttribute('href'))!)).json()).tables[0].entries.filter((e: { kind: string; by: string }) => e.kind === 'move' && e.by.startsWith('Eve'))).toEqual([]);
  await press(finn, 'Vote yes');
  await expectHeading(eve, /Turn 1 of 12: Proposals/);
  // A "no" drops the team's proposal.
  await press(finn, 'Propose to the team: Pass (no proposal)');
  await eve.getByText(/Finn: United States passed/).waitFor();
  await press(eve, 'Vote no');
  await expect.poll(() => eve.getByText('Proposed to your team').count()).toBe(0);
  await expectHeading(eve, /Turn 1 of 12: Proposals/);

  const log = (await (await fetch((await teacher.getByRole('link', { name: 'Log as JSON' }).getAttribute('href'))!)).json()) as { tables: { entries: { kind: string; by: string; move: Move }[] }[] };
  // The log also records seat changes and the teacher's actions: the moves are the entries of kind "move".
  const moves = log.tables[0].entries.filter((e) => e.kind === 'move').map((e) => `${e.by}: ${e.move.side} ${e.move.type}`);
  expect(moves).toContain('Eve (vote: Eve, Finn): us statement');
  expect(moves).toContain('computer: ru statement');
  expect(moves.some((m) => m.includes('pass'))).toBe(false);
  expect(errors).toEqual([]);
});

test('in the last minute of a turn a student whose team must move sees the timer turn to a warning that says the computer will move for them', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await server?.kill();
  server = await startServer(port, dataDir, pages.outDir);
  const created = await createSession(base, { scenario: 'reset-2009', tables: 1, timerSeconds: 65, fillWithComputer: true });
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/classroom/student.html#${created.code}`);
  await page.getByLabel('Your name').fill('Gus');
  await page.getByLabel('Your name').press('Enter');
  await expectHeading(page, /· Table 1 · Turn 1 of 12/);
  // The timer's class and text, read together (it ticks every second).
  const timer = () => page.evaluate(() => { const t = document.getElementById('timer')!; return `${t.className} | ${t.textContent}`; });
  // More than a minute left: the plain countdown.
  await expect.poll(timer).toMatch(/^timer \| Time left this turn: 1:0[1-5]$/);
  // Then the last minute: the warning colour and what happens at 0:00.
  await expect.poll(timer).toMatch(/^timer timer-low \| Time left this turn: (1:00|0:[0-5]\d) — then the computer moves for your team$/);
  await screenshot(page, 'classroom-student-last-minute');
  expect(errors).toEqual([]);
  await page.close();
});
