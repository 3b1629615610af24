// The built-in scenarios are checked when the page is built (src/scenario/built-in-plugin.ts): the
// modules it makes must give the page exactly what checking each file in the browser gave.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
function moduleText(id: string, from = plugin): string {
  const resolved = (from.resolveId as unknown as (id: string) => string | undefined)(id);
  expect(resolved).toBe(`\0${id}`);
  return (from.load as unknown as (this: typeof context, id: string) => string).call(context, resolved!);
}
const importText = (code: string) => import(`data:text/javascript,${encodeURIComponent(code)}`);

const files = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort((a, b) => a.localeCompare(b));

describe('built-in scenarios checked at build time', () => {
  it('lists every built-in that loads, in the order of history (year, then file), with its title, year and sides in order', async () => {
    const { builtIns } = (await importText(moduleText('virtual:reset/built-in-scenarios'))) as { builtIns: { file: string; title: unknown; year: number; sides: unknown }[] };
    const expected = files.flatMap((file) => {
      const r = loadScenarioText(readFileSync(join(ROOT, 'scenarios', file), 'utf8'), file);
      if (!r.ok) return [];
      const sides = r.scenario.seats.map((id) => ({ id, name: r.scenario.sides[id].name }));
      return [{ file, title: r.scenario.title, year: r.scenario.year, sides }];
    }).sort((a, b) => a.year - b.year || a.file.localeCompare(b.file));
    expect(builtIns[0].file).toBe('reset-2009.yaml'); // the title screen opens on the first reset
    expect(expected.length).toBeGreaterThan(0);
    expect(builtIns.map(({ file, title, year, sides }) => ({ file, title, year, sides }))).toEqual(expected);
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

  it("lists a teacher's variant saved beside the built-ins, built on the scenario it extends", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reset-variants-'));
    try {
      copyFileSync(join(ROOT, 'scenarios/reset-2009.yaml'), join(dir, 'reset-2009.yaml'));
      writeFileSync(join(dir, 'reset-2009-short.yaml'), 'extends: reset-2009\nid: reset-2009-short\ntitle: Reset 2009 (short version)\nturns: 10\n');
      const local = builtInScenarios({ dir });
      const { builtIns } = (await importText(moduleText('virtual:reset/built-in-scenarios', local))) as { builtIns: { file: string; title: unknown }[] };
      expect(builtIns.map((b) => b.file)).toEqual(['reset-2009-short.yaml', 'reset-2009.yaml']);
      expect(builtIns[0].title).toBe('Reset 2009 (short version)');
      const built = (await importText(moduleText('virtual:reset/built-in-scenario/reset-2009-short.yaml', local))) as { result: { ok: boolean; scenario: { turns: number; tracks: unknown[] } } };
      const base = loadScenarioText(readFileSync(join(ROOT, 'scenarios/reset-2009.yaml'), 'utf8'), 'reset-2009.yaml');
      expect(built.result.ok).toBe(true);
      expect(built.result.scenario.turns).toBe(10);
      expect(base.ok && built.result.scenario.tracks).toEqual(base.ok && base.scenario.tracks);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
