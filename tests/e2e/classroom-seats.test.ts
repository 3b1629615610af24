// A class session on a teacher's own scenario whose sides are India and Pakistan (issue 14): the teacher's table card,
// the teams' pages and the teacher's messages and computer seats all go by the scenario's sides; no page names the
// United States or Russia.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, ROOT, screenshot, watchErrors, type Browser } from './harness';
import { buildPages, expectHeading, freePort, press, startServer } from './classroom-kit';
import { stopAll } from '../classroom-server';

const FILE = 'india-pakistan.yaml';
const TEXT = readFileSync(join(ROOT, 'tests/fixtures/scenarios/valid', FILE), 'utf8');
const FORBIDDEN = ['United States', 'Russia', 'Washington', 'Moscow', 'U.S.'];

let pages: Awaited<ReturnType<typeof buildPages>>;
const browsers: Browser[] = [];
let dataDir = '';

beforeAll(async () => {
  pages = await buildPages();
  dataDir = mkdtempSync(join(tmpdir(), 'reset-classroom-seats-'));
});
afterAll(async () => {
  await stopAll();
  for (const b of browsers) await b.close();
  pages?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The lines of a page (its title and its text) that name the United States, Russia or their capitals. */
const forbiddenOn = (page: Page) =>
  page.evaluate((words) => [document.title, ...document.body.innerText.split('\n')].filter((line) => words.some((w) => line.includes(w))), FORBIDDEN);

test('a teacher runs a table of India against Pakistan: the card, the teams, a message, a computer seat and the class debrief go by those sides', async () => {
  const port = await freePort();
  await startServer(port, dataDir, pages.outDir);
  const open = async () => {
    const b = await launchBrowser();
    browsers.push(b);
    return b.context.newPage();
  };
  const teacher = await open();
  const errors = watchErrors(teacher);
  await teacher.goto(`http://127.0.0.1:${port}/classroom/teacher.html`);
  await teacher.getByLabel(/upload a scenario file/).setInputFiles({ name: FILE, mimeType: 'text/yaml', buffer: Buffer.from(TEXT) });
  await teacher.getByText(`The session will use ${FILE}`).waitFor();
  expect(await forbiddenOn(teacher)).toEqual([]);
  await teacher.getByLabel('Number of tables').fill('1');
  await teacher.getByLabel(/Turn timer in minutes/).fill('0');
  await teacher.getByLabel(/Fill empty seats with the computer/).uncheck();
  await press(teacher, 'Create the session');
  const studentUrl = (await teacher.locator('#student-link').getAttribute('href'))!;
  const join = async (name: string) => {
    const page = await open();
    await page.goto(studentUrl);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Your name').press('Enter');
    await expectHeading(page, /· Table 1 · Turn 1 of 4/);
    return page;
  };
  const ana = await join('Ana');
  const bo = await join('Bo');
  await expectHeading(ana, /^India · Table 1/);
  await expectHeading(bo, /^Pakistan · Table 1/);
  await expect(ana.title()).resolves.toBe('India, table 1 — Reset classroom');

  // The teacher's card: both teams by name, a meter column for each side in the scenario's order, a computer button each.
  const card = teacher.getByRole('region', { name: 'Table 1' });
  await card.getByText('India: Ana').waitFor();
  await card.getByText('Pakistan: Bo').waitFor();
  expect(await card.getByRole('table', { name: 'Meters at table 1' }).getByRole('columnheader').allTextContents()).toEqual(['Meter', 'India', 'Pakistan']);

  // Both teams speak; the turn goes on to India's proposal.
  await press(ana, 'Conciliatory statement');
  await press(bo, 'Neutral statement');
  await teacher.getByText(/Turn 1 of 4 · Proposals · waiting for India/).waitFor();

  // A message to the Pakistan team reaches Pakistan's page only.
  await teacher.getByLabel('To team').selectOption({ label: 'Pakistan' });
  await teacher.getByLabel('Message', { exact: true }).fill('Read the transition options closely.');
  await press(teacher, 'Send the message');
  await bo.getByText('From your teacher: Read the transition options closely.', { exact: true }).waitFor();
  expect(await ana.getByText(/Read the transition options closely/).count()).toBe(0);

  // Pakistan given to the computer and back, by the card's buttons.
  await press(teacher, 'Give Pakistan to the computer, table 1');
  await card.getByText(/Pakistan: the computer, for Bo/).waitFor();
  await press(teacher, 'Take Pakistan back from the computer, table 1');
  await teacher.getByRole('button', { name: 'Give Pakistan to the computer, table 1', exact: true }).waitFor();

  await screenshot(teacher, 'classroom-seats-teacher');
  await screenshot(bo, 'classroom-seats-student');
  for (const page of [teacher, ana, bo]) expect(await forbiddenOn(page)).toEqual([]);

  // The class debrief: the chart's axes and the table's columns are India's and Pakistan's worth.
  await press(teacher, 'End the session…');
  await press(teacher, 'Yes, end the session');
  await teacher.getByRole('heading', { name: 'Class debrief' }).waitFor();
  await teacher.getByRole('img', { name: /worth to India across, worth to Pakistan up/ }).waitFor();
  expect(await forbiddenOn(teacher)).toEqual([]);
  expect(errors).toEqual([]);
});
