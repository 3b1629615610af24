// Which built files the classroom server serves: the two classroom pages and exactly the files they load,
// read from Vite's build manifest (dist/.vite/manifest.json), and nothing else. The single-player game
// (index.html, game-*.js) and its scenario chunks carry both sides' briefs, priorities and red lines, so a
// student on the classroom server must not be able to fetch them: an allow-list, not a deny-list, so a
// new chunk, a source map or a file dropped into dist/ is not served until a classroom page needs it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** The classroom pages, as the manifest names their entries (vite.config.ts's inputs, relative to the root). */
export const CLASSROOM_PAGES = ['classroom/student.html', 'classroom/teacher.html'] as const;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Modules no classroom page may ever carry: the built-in scenarios (both briefs) and the scenario loader. */
const SECRET_SOURCES = [/^virtual:reset\/built-in-scenario/, /^src\/scenario\//, /^scenarios\//];

export interface ClassroomFiles {
  /** URL path ("/assets/student-x.js", "/classroom/student.html") → file on disk. */
  files: Map<string, string>;
}

/**
 * The files the classroom pages need, from the build in `dir`. Throws (a programmer's error: the build is
 * stale or misconfigured) when there is no manifest, or when a classroom page would load a scenario chunk.
 */
export function classroomFiles(dir: string): ClassroomFiles {
  const manifestFile = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build the pages with \`npm run build\` (vite.config.ts sets build.manifest)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const files = new Map<string, string>();
  const add = (file: string) => {
    const abs = resolve(dir, file);
    if (!abs.startsWith(resolve(dir) + sep)) throw new Error(`manifest names a file outside ${dir}: ${file}`);
    files.set('/' + file.split(sep).join('/'), abs);
  };
  const seen = new Set<string>();
  const visit = (key: string, from: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no entry ${key} (imported by ${from})`);
    const src = chunk.src ?? key;
    if (SECRET_SOURCES.some((r) => r.test(src))) throw new Error(`the classroom page ${from} would load ${src} (${chunk.file}): a scenario chunk carries both sides' briefs, so it must never reach a classroom page`);
    add(chunk.file);
    for (const f of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) add(f);
    // Dynamic imports too: a page may fetch them at any time, so they are as public as its static ones.
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(k, from);
  };
  for (const page of CLASSROOM_PAGES) {
    if (!manifest[page]) throw new Error(`the build in ${dir} has no ${page}`);
    add(page);
    visit(page, page);
  }
  return { files };
}

// express's request and response as far as this module uses them (express comes untyped with @colyseus/ws-transport).
interface PageRequest {
  method: string;
  path: string;
}
interface PageResponse {
  redirect(url: string): void;
  sendFile(path: string, options: { headers: Record<string, string> }): void;
}

/**
 * Express middleware serving the classroom files of the build in `dir`; every other path falls through (to a 404).
 * `/` leads to the student page, the address a student is most likely to type.
 */
export function classroomPages(dir: string): (req: PageRequest, res: PageResponse, next: () => void) => void {
  const { files } = classroomFiles(dir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/') return res.redirect('/classroom/student.html');
    const file = files.get(req.path);
    if (!file) return next();
    // Hashed assets never change under their name; the pages are re-read so a rebuild is picked up.
    const cache = req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.sendFile(file, { headers: { 'Cache-Control': cache } });
  };
}
