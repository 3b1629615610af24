// The attack of issue 13, finding 1: a Russia student's browser on the classroom server fetches every script and
// file it can reach — following every src, href, import, modulepreload and every URL-like string in what it gets,
// plus guesses (the game page, /assets/, the scenario YAML, source maps, the manifest, and every file name the
// build produced, which anyone with the repository can reproduce) — and searches every byte for either side's
// brief, priorities and red-line reasons from every shipped scenario, and for a teacher's uploaded scenario.
// It finds none: the server serves the classroom pages and exactly what they load (src/net/server/pages.ts).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, watchErrors, type Browser } from './harness';
import { buildPages, expectHeading, freePort, startServer, type ServerProcess } from './classroom-kit';
import { createSession } from '../classroom-server';
import { builtInScenarioFiles, requireScenario } from '../../src/scenario/files';
import { textOf } from '../../src/engine';

/** The shipped scenarios' seats. */
const SIDES = ['us', 'ru'] as const;

let pages: Awaited<ReturnType<typeof buildPages>>;
let server: ServerProcess | null = null;
let browser: Browser | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'reset-secrets-data-'));
beforeAll(async () => {
  pages = await buildPages();
});
afterAll(async () => {
  await server?.kill();
  await browser?.close();
  pages?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

const UPLOADED_BRIEF = 'Uploaded brief 7f3a: the teacher wrote this for the United States team only.';

/** What must never be in a file a student can fetch: texts as written, and as JSON or minified JS would carry them. */
function secrets(): { what: string; needle: string }[] {
  const out: { what: string; needle: string }[] = [];
  const add = (what: string, text: string) => {
    const t = text.slice(0, 48);
    if (t.length < 12) return;
    out.push({ what, needle: t }, { what: `${what} (escaped)`, needle: JSON.stringify(t).slice(1, -2) });
  };
  for (const file of builtInScenarioFiles()) {
    const s = requireScenario(file);
    for (const side of SIDES) {
      const d = s.sides[side];
      add(`${s.id} ${side} brief`, textOf(d.brief));
      for (const r of d.redLines) add(`${s.id} ${side} red line ${r.card}`, textOf(r.why));
      for (const r of s.classroom?.vary[side]?.redLines?.from ?? []) add(`${s.id} ${side} possible red line ${r.card}`, textOf(r.why));
      // The priorities as an object literal, in JSON and in minified JS: {"nato":9,"arms":7 / {nato:9,arms:7
      const pairs = Object.entries(d.priorities).slice(0, 2);
      out.push({ what: `${s.id} ${side} priorities (JSON)`, needle: pairs.map(([k, v]) => `"${k}":${v}`).join(',') });
      out.push({ what: `${s.id} ${side} priorities (YAML)`, needle: pairs.map(([k, v]) => `${k}: ${v}`).join(', ') });
      out.push({ what: `${s.id} ${side} priorities (JSON in a JS string)`, needle: pairs.map(([k, v]) => `\\"${k}\\":${v}`).join(',') });
      out.push({ what: `${s.id} ${side} priorities (JS)`, needle: pairs.map(([k, v]) => `${/^[a-z]+$/.test(k) ? k : `"${k}"`}:${v}`).join(',') });
    }
  }
  add('the uploaded scenario', UPLOADED_BRIEF);
  return out;
}

/** Every URL-like thing in a page or script: attributes, imports, and quoted paths. */
function linksIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:src|href)\s*=\s*["']([^"']+)["']/g)) found.add(m[1]);
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'`]([^"'`]+)["'`]/g)) found.add(m[1]);
  for (const m of text.matchAll(/["'`]((?:\.{0,2}\/)[^"'`\s]{1,200})["'`]/g)) found.add(m[1]);
  for (const m of text.matchAll(/["'`]([\w./-]+\.(?:js|mjs|css|html|json|yaml|yml|map|txt|ts))["'`]/g)) found.add(m[1]);
  return [...found];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test("a Russia student's browser that fetches everything it can reach finds no brief, priority or red line", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = await startServer(port, dataDir, pages.outDir);
  const { code } = await createSession(base, { scenario: 'reset-2009', tables: 1, fillWithComputer: true, varyBriefs: true });
  // A teacher's own scenario lives on the server: its text must not be reachable either.
  await createSession(base, { scenarioText: `extends: reset-2009\nid: uploaded-test\nsides:\n  us:\n    brief: "${UPLOADED_BRIEF}"\n`, tables: 1 });

  browser = await launchBrowser();
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const loaded = new Set<string>();
  page.on('request', (r) => loaded.add(r.url()));
  // The first student at the table is seated on the United States team, the second on Russia's: join twice, as Boris the second time.
  for (const name of ['Ann', 'Boris']) {
    await page.goto(`${base}/classroom/student.html#${code}`);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Your name').press('Enter');
    await expectHeading(page, /Table 1/);
    // A new student on this browser: forget Ann's seat, and load the page afresh (a change of hash alone would not).
    if (name === 'Ann') await page.evaluate(() => localStorage.clear()), await page.goto('about:blank');
  }
  await expectHeading(page, /^Russia/);
  // The pages work with only what the server serves (the crawl's own 404s below are expected, so checked here).
  expect(errors).toEqual([]);

  const fetchInPage = (url: string) =>
    page.evaluate(async (u) => {
      const r = await fetch(u, { credentials: 'same-origin' });
      return { status: r.status, url: r.url, text: await r.text() };
    }, url);

  const guesses = [
    '/',
    '/index.html',
    '/assets/',
    '/classroom/',
    '/scenarios/reset-2009.yaml',
    '/scenarios/schema.json',
    '/.vite/manifest.json',
    '/manifest.json',
    '/src/scenario/built-in-plugin.ts',
    '/src/main.ts',
    '/@vite/client',
    '/classroom-data/',
    '/api/scenarios',
    '/package.json',
    // Every file the build made, by its name: a student with the repository can build the same names.
    ...filesUnder(pages.outDir).map((f) => '/' + relative(pages.outDir, f).split('\\').join('/')),
    ...builtInScenarioFiles().map((f) => `/scenarios/${f.split('/').at(-1)}`),
  ];
  const queue = [...new Set([...loaded, ...guesses.map((g) => base + g)])];
  const seen = new Set<string>();
  const served: string[] = [];
  const leaks: string[] = [];
  const needles = secrets();
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url) || !url.startsWith(base) || seen.size > 2000) continue;
    seen.add(url);
    const r = await fetchInPage(url);
    if (r.status !== 200) continue;
    // Where it landed after any redirect (/ and /classroom lead to the pages).
    served.push(r.url.slice(base.length));
    for (const n of needles) if (r.text.includes(n.needle)) leaks.push(`${url.slice(base.length)}: ${n.what}`);
    for (const link of linksIn(r.text)) {
      let next: URL;
      try {
        next = new URL(link, url);
      } catch {
        continue;
      }
      next.hash = '';
      if (next.origin === base) queue.push(next.href);
    }
    if (/\.(js|css)$/.test(new URL(url).pathname)) queue.push(url + '.map');
  }
  expect(leaks).toEqual([]);
  // The crawl did reach the page's own scripts (so it searched something), and nothing of the game.
  expect(served.some((p) => /^\/assets\/student-.*\.js$/.test(p))).toBe(true);
  expect(served.some((p) => /^\/assets\/(game|reset-2009|load)-/.test(p) || p === '/index.html' || p.endsWith('.map') || p.includes('manifest') || p.startsWith('/scenarios/'))).toBe(false);
  // Everything served is a classroom page or a file they load.
  for (const p of served) expect(p, p).toMatch(/^\/(classroom\/(student|teacher)\.html|assets\/[\w-]+\.(js|css)|api\/(scenarios|info))$/);
  expect(seen.size).toBeGreaterThan(40);
});
