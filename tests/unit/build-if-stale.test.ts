// `npm start` and `npm run serve` build the pages only when dist/ is older than what the build reads.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { STAMP, staleBecause } from '../../scripts/build-if-stale';

const root = mkdtempSync(join(tmpdir(), 'reset-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

it('builds when there is no dist/ or no stamp, and not when every input is older than the stamp', () => {
  for (const d of ['src/engine', 'scenarios', 'dist']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'src/engine/rules.ts'), '');
  writeFileSync(join(root, 'index.html'), '');
  for (const p of ['src/engine/rules.ts', 'src/engine', 'src', 'scenarios', 'index.html']) at(p, 1_000);
  expect(staleBecause(root)).toBe('dist/ has no stamp of a finished build');
  writeFileSync(join(root, STAMP), '');
  at(STAMP, 2_000);
  expect(staleBecause(root)).toBeNull();
  // An edit deep in src/, then a scenario added (its folder's time changes), each make it stale.
  at('src/engine/rules.ts', 3_000);
  expect(staleBecause(root)).toBe(`${join('src', 'engine', 'rules.ts')} changed since the last build`);
  at('src/engine/rules.ts', 1_000);
  at('scenarios', 3_000);
  expect(staleBecause(root)).toBe('scenarios changed since the last build');
  rmSync(join(root, 'dist'), { recursive: true });
  expect(staleBecause(root)).toBe('there is no dist/ yet');
});
