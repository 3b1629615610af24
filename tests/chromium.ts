// The Chromium every browser test and benchmark drives. By default the headless build shipped inside the npm
// package @sparticuz/chromium (pinned in package-lock.json: nothing to install by hand, nothing downloaded),
// unpacked once into node_modules/.cache; CHROMIUM=/usr/bin/chromium (or any Chromium) uses that one instead.
// Nothing here imports vitest: the e2e harness and the benchmarks share it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Our own flags, not the package's defaults: those include --single-process and --disable-web-security, and the
 * browser tests check pages whose security matters (same-origin, CSP), so the browser must enforce it.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

export interface ChromiumInstall {
  executablePath: string;
  /** Environment for the browser process (the packaged build reads its fonts through fontconfig). */
  env: Record<string, string>;
  label: string;
}

let found: Promise<ChromiumInstall> | undefined;

/** Where Chromium is, unpacking the packaged one on first use. */
export function chromiumInstall(): Promise<ChromiumInstall> {
  return (found ??= locate());
}

async function locate(): Promise<ChromiumInstall> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const own = process.env.CHROMIUM;
  if (own) {
    if (!existsSync(own)) throw new Error(`CHROMIUM=${own}: no such file. Unset CHROMIUM to use the Chromium that npm install brought.`);
    return { executablePath: own, env, label: own };
  }
  const pkg = join(ROOT, 'node_modules/@sparticuz/chromium');
  if (!existsSync(join(pkg, 'package.json'))) throw new Error('@sparticuz/chromium is not installed: run npm install (or set CHROMIUM=/path/to/chromium).');
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(ROOT, 'node_modules/.cache/reset-chromium', version);
  if (!existsSync(join(dir, 'chromium'))) await unpack(dir);
  return { executablePath: join(dir, 'chromium'), env: { ...env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }, label: `@sparticuz/chromium ${version}` };
}

/**
 * The package unpacks into os.tmpdir() under fixed names, and says a browser is there as soon as the file exists:
 * two test workers unpacking at once would each see the other's half-written file. So unpack into a folder of our
 * own per process (TMPDIR pointed at it for the call) and rename it into place, which is atomic.
 */
async function unpack(dir: string) {
  const work = `${dir}.unpacking-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = work;
  try {
    const { default: Chromium } = await import('@sparticuz/chromium');
    const path = await Chromium.executablePath(join(ROOT, 'node_modules/@sparticuz/chromium/bin'));
    if (path !== join(work, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${path}, expected ${work}`);
    // The package's fonts.conf names /tmp/fonts only. Ours: the machine's own fonts when it has any (fontconfig's
    // /etc/fonts), and the package's Open Sans always, so a machine without fonts still renders text (a renderer
    // that finds no font at all for a character aborts: SkFontMgr_FontConfigInterface "Not implemented").
    writeFileSync(
      join(work, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(dir, 'fonts', 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  try {
    renameSync(work, dir);
  } catch (e) {
    // Another worker got there first: its copy is complete (renamed whole), ours goes.
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw e;
  }
}
