// The built-in scenarios are checked when the page is built (src/scenario/built-in-plugin.ts): the
// modules it makes must give the page exactly what checking each file in the browser gave.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../src/scenario/built-in-plugin';
import { loadScenarioText } from '../../src/scenario/load';

const ROOT = join(import.meta.dirname, '../..');
const plugin = builtInScenarios();
(plugin.configResolved as unknown as (c: { root: string }) => void)({ root: ROOT });
const watched: string[] = [];
const context = { addWatchFile: (f: string) => watched.push(f) };

/** The source of a virtual module, as Vite would get it from the plugin. */
function moduleText(id: string): string {
  const resolved = (plugin.resolveId as unknown as (id: string) => string | undefined)(id);
  expect(resolved).toBe(`\0${id}`);
  return (plugin.load as unknown as (this: typeof context, id: string) => string).call(context, resolved!);
}
const importText = (code: string) => import(`data:text/javascript,${encodeURIComponent(code)}`);

const files = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort((a, b) => a.localeCompare(b));

describe('built-in scenarios checked at build time', () => {
  it('lists every built-in that loads, in the order of history (year, then file), with its title and year', async () => {
    const { builtIns } = (await importText(moduleText('virtual:reset/built-in-scenarios'))) as { builtIns: { file: string; title: unknown; year: number }[] };
    const expected = files.flatMap((file) => {
      const r = loadScenarioText(readFileSync(join(ROOT, 'scenarios', file), 'utf8'), file);
      return r.ok ? [{ file, title: r.scenario.title, year: r.scenario.year }] : [];
    }).sort((a, b) => a.year - b.year || a.file.localeCompare(b.file));
    expect(builtIns[0].file).toBe('reset-2009.yaml'); // the title screen opens on the first reset
    expect(expected.length).toBeGreaterThan(0);
    expect(builtIns.map(({ file, title, year }) => ({ file, title, year }))).toEqual(expected);
    expect(watched).toEqual(expect.arrayContaining(files.map((f) => join(ROOT, 'scenarios', f))));
  });

  for (const file of files) {
    it(`gives ${file}'s text and exactly the checker's result for it`, async () => {
      const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
      const built = (await importText(moduleText(`virtual:reset/built-in-scenario/${file}`))) as { text: string; result: unknown };
      expect(built.text).toBe(text);
      expect(built.result).toStrictEqual(loadScenarioText(text, file));
    });
  }
});
