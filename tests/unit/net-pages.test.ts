// Which built files the classroom server serves: the classroom pages and what they load, from Vite's manifest.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classroomFiles } from '../../src/net/server/pages';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function build(manifest: object | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'reset-pages-'));
  dirs.push(dir);
  if (manifest) {
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  }
  return dir;
}
const pages = {
  'classroom/student.html': { file: 'assets/student-a.js', src: 'classroom/student.html', isEntry: true, imports: ['_page-b.js'] },
  'classroom/teacher.html': { file: 'assets/teacher-c.js', src: 'classroom/teacher.html', isEntry: true, imports: ['_page-b.js'], dynamicImports: ['src/net/client/extra.ts'] },
  '_page-b.js': { file: 'assets/page-b.js', css: ['assets/page-b.css'], assets: ['assets/font-d.woff2'] },
  'src/net/client/extra.ts': { file: 'assets/extra-e.js', src: 'src/net/client/extra.ts', isDynamicEntry: true },
  'index.html': { file: 'assets/game-f.js', src: 'index.html', isEntry: true, dynamicImports: ['virtual:reset/built-in-scenario/reset-2009.yaml'] },
  'virtual:reset/built-in-scenario/reset-2009.yaml': { file: 'assets/reset-2009-g.js', src: 'virtual:reset/built-in-scenario/reset-2009.yaml', isDynamicEntry: true },
};

describe('the classroom server serves only the classroom pages and what they load', () => {
  it('the pages, their chunks (static and dynamic), css and assets; not the game, its scenario chunks or the manifest', () => {
    const dir = build(pages);
    expect([...classroomFiles(dir).files.keys()].sort()).toEqual(
      ['/assets/extra-e.js', '/assets/font-d.woff2', '/assets/page-b.css', '/assets/page-b.js', '/assets/student-a.js', '/assets/teacher-c.js', '/classroom/student.html', '/classroom/teacher.html'].sort(),
    );
    expect(classroomFiles(dir).files.get('/assets/page-b.js')).toBe(join(dir, 'assets/page-b.js'));
  });

  it('a classroom page that would load a scenario chunk stops the server instead of serving it', () => {
    const leaky = { ...pages, '_page-b.js': { ...pages['_page-b.js'], dynamicImports: ['virtual:reset/built-in-scenario/reset-2009.yaml'] } };
    expect(() => classroomFiles(build(leaky))).toThrow(/classroom\/student\.html would load virtual:reset\/built-in-scenario\/reset-2009\.yaml \(assets\/reset-2009-g\.js\)/);
    const loader = { ...pages, 'src/net/client/extra.ts': { file: 'assets/load-h.js', src: 'src/scenario/load.ts' } };
    expect(() => classroomFiles(build(loader))).toThrow(/src\/scenario\/load\.ts/);
  });

  it('a build without a manifest, or a manifest naming a file outside the build, is refused', () => {
    expect(() => classroomFiles(build(null))).toThrow(/manifest\.json is missing: build the pages with `npm run build`/);
    expect(() => classroomFiles(build({ ...pages, '_page-b.js': { file: '../../etc/passwd' } }))).toThrow(/outside/);
  });
});
