// `npm start` and `npm run serve` serve the built pages in dist/ (a first load from the Vite dev server took 24-29 s
// here, against a few seconds from dist/), and build them first only when they are out of date: when something the
// build reads is newer than the stamp the last build left in dist/. `npm run build` always builds (and stamps);
// `npm run dev` is the dev server with hot reload.
//   tsx scripts/build-if-stale.ts            build when out of date
//   tsx scripts/build-if-stale.ts --always   build whatever the stamp says (npm run build)
//   tsx scripts/build-if-stale.ts --why      say whether and why it is out of date; build nothing
import { existsSync, lstatSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
/** Written into dist/ after a build that succeeded, dated when that build began. */
export const STAMP = 'dist/.build-stamp';
/** What the build reads: the game's code, its data, its pages and how it is built. */
export const BUILD_INPUTS = ['src', 'scenarios', 'assets', 'index.html', 'lessons.html', 'docs/teacher-guide.md', 'classroom', 'vite.config.ts', 'package-lock.json'];

/** The newest modification under `path` (a folder's own time counts: it changes when a file is added or removed). */
function newest(path: string): { time: number; path: string } {
  const stat = lstatSync(path);
  let best = { time: stat.mtimeMs, path };
  if (stat.isDirectory())
    for (const entry of readdirSync(path)) {
      const inner = newest(join(path, entry));
      if (inner.time > best.time) best = inner;
    }
  return best;
}

/** Why `root`'s dist/ is out of date, or null when it is not. */
export function staleBecause(root = ROOT): string | null {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return existsSync(join(root, 'dist')) ? 'dist/ has no stamp of a finished build' : 'there is no dist/ yet';
  const built = lstatSync(stamp).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const full = join(root, input);
    if (!existsSync(full)) continue;
    const n = newest(full);
    if (n.time > built) return `${relative(root, n.path)} changed since the last build`;
  }
  return null;
}

async function main() {
  const why = process.argv.includes('--always') ? 'npm run build' : staleBecause();
  if (process.argv.includes('--why')) {
    console.log(why ?? 'dist/ is up to date');
    return;
  }
  if (!why) {
    console.log('dist/ is up to date: serving it without building (npm run build rebuilds it)');
    return;
  }
  console.log(`Building the game into dist/ (${why})…`);
  const began = new Date();
  // The config is loaded by Vite's module runner, as `npm run dev` and `npm start` do: its extensionless imports made
  // the default loader print a screenful of warnings about a future Vite.
  await build({ root: ROOT, logLevel: 'warn', configLoader: 'runner' });
  const stamp = join(ROOT, STAMP);
  writeFileSync(stamp, `built ${began.toISOString()}\n`);
  // Dated when the build began: a file saved while it ran is newer, and the next start builds again.
  utimesSync(stamp, began, began);
  console.log(`Built in ${((Date.now() - began.getTime()) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
