// The classroom's trust controls in real browsers: a student page that sends too fast is told so on the page (not
// muted looking away); the teacher gives a team to the computer and takes it back, and removes a student, from
// buttons whose accessible names are their visible labels.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, watchErrors, type Browser } from './harness';
import { buildPages, expectHeading, freePort, press, startServer } from './classroom-kit';
import { stopAll } from '../classroom-server';

let pages: Awaited<ReturnType<typeof buildPages>>;
const browsers: Browser[] = [];
let dataDir = '';

beforeAll(async () => {
  pages = await buildPages();
  dataDir = mkdtempSync(join(tmpdir(), 'reset-classroom-trust-'));
});
afterAll(async () => {
  await stopAll();
  for (const b of browsers) await b.close();
  pages?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a student page sending too fast shows "wait N s"; the teacher gives Russia to the computer and back, and removes a student, from the table card and the student list', async () => {
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
    await expectHeading(page, /· Table 1 · Turn 1 of 12/);
    return page;
  };
  const una = await join('Una');
  const rob = await join('Rob');
  await expectHeading(rob, /^Russia/);

  // ---- Una's page sends 40 chat lines at once: the page says to wait, and she is still online for the teacher.
  await una.evaluate(() => {
    for (let i = 0; i < 40; i++) {
      // Each send redraws the page: the input is found again every time.
      const input = document.getElementById('chat-text') as HTMLInputElement;
      input.value = `line ${i}`;
      input.dispatchEvent(new Event('input'));
      input.form!.requestSubmit();
    }
  });
  await una.locator('#slow-down').getByText(/^You are sending too fast; wait \d s\./).waitFor();
  await teacher.getByText(/Messages refused by the server so far: \d+ \(\d+ too fast\)\. Most from: Una \(\d+\)\./).waitFor();
  await expect.poll(() => teacher.getByText('Una (table 1, United States) — away').count()).toBe(0);
  // The banner goes once the wait is over.
  await expect.poll(() => una.locator('#slow-down').count()).toBe(0);

  // ---- The teacher gives Russia to the computer: it speaks for Rob's team, and Rob's page says why.
  await press(teacher, 'Give Russia to the computer, table 1');
  await teacher.getByText(/Russia: the computer, for Rob/).waitFor();
  await rob.getByText('Your teacher has given your team’s moves to the computer for now.').waitFor();
  await una.getByText('Russia has made its statement; you will read it once your team has spoken.').waitFor();
  await press(teacher, 'Take Russia back from the computer, table 1');
  await teacher.getByRole('button', { name: 'Give Russia to the computer, table 1', exact: true }).waitFor();
  await expect.poll(() => rob.getByText('Your teacher has given your team’s moves to the computer for now.').count()).toBe(0);

  // ---- The teacher removes Rob, in two steps; his page says so and stops.
  await press(teacher, 'Remove Rob…');
  await press(teacher, 'Yes, remove Rob');
  await rob.getByText('Your teacher took you out of this class session.').first().waitFor();
  await expect.poll(() => teacher.getByText('Rob (table 1, Russia)').count()).toBe(0);
  expect(errors).toEqual([]);
});
