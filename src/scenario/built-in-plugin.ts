// The built-in scenarios, checked once when the page is built (or served in dev) instead of in the
// browser at start-up: the title screen needs only each scenario's file, title, year and sides, and the
// YAML parser and schema checker (~70 KB gzipped) stay out of the page until a custom file, a saved
// game of another text or a dev hot reload needs them.
//
//   virtual:reset/built-in-scenarios         the list, by year then file: { file, title, year, sides, open() }
//   virtual:reset/built-in-scenario/<file>   one scenario, loaded by open(): its text (saves keep it)
//                                            and exactly what loadScenarioText(text, file) returns (extends resolved in the same folder)
//
// A file that does not load is left out of the list, as the title screen always did. Runs in Node,
// inside Vite only.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Plugin } from 'vite';
import { loadScenarioText, type ScenarioResolver } from './load';

const LIST_ID = 'virtual:reset/built-in-scenarios';
const ONE_ID = 'virtual:reset/built-in-scenario/';

export function builtInScenarios(options: { dir?: string } = {}): Plugin {
  let dir = options.dir ? resolve(options.dir) : '';
  const files = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort((a, b) => a.localeCompare(b));
  const loadOne = (file: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    // A teacher's variant saved beside the built-ins (extends: reset-2009) is listed like them.
    const resolveRef: ScenarioResolver = (ref, from) => {
      const candidates = /^[a-z][a-z0-9-]*$/.test(ref) ? ['.yaml', '.yml', '.json'].map((ext) => join(dir, ref + ext)) : [resolve(dirname(join(dir, from)), ref)];
      const found = candidates.find((f) => existsSync(f));
      return found === undefined ? undefined : { file: found, text: readFileSync(found, 'utf8') };
    };
    const result = loadScenarioText(text, file, { resolve: resolveRef, knownScenarios: files().map((f) => f.replace(/\.ya?ml$/, '')) });
    // The page gets the result through JSON: refuse anything JSON would change (undefined, -0, NaN…).
    if (result.ok && !isDeepStrictEqual(JSON.parse(JSON.stringify(result)), result))
      throw new Error(`${file}: the checked scenario does not survive JSON; it cannot be built in`);
    return { text, result };
  };
  return {
    name: 'reset-built-in-scenarios',
    configResolved(config) {
      if (!dir) dir = resolve(config.root, 'scenarios');
    },
    resolveId(id) {
      if (id === LIST_ID || id.startsWith(ONE_ID)) return `\0${id}`;
    },
    load(id) {
      if (id === `\0${LIST_ID}`) {
        // In the order of history (year, then file), so the title screen starts with the reset of 2009.
        const found: { file: string; year: number; row: string }[] = [];
        for (const file of files()) {
          this.addWatchFile(join(dir, file));
          const { result } = loadOne(file);
          if (!result.ok) continue;
          const { title, year, seats, turns, classLength } = result.scenario;
          const sides = seats.map((id) => ({ id, name: result.scenario.sides[id].name }));
          found.push({
            file,
            year,
            row: `  { file: ${JSON.stringify(file)}, title: ${JSON.stringify(title)}, year: ${JSON.stringify(year)}, sides: ${JSON.stringify(sides)}, turns: ${JSON.stringify(turns)}, classTurns: ${JSON.stringify(classLength?.turns ?? null)}, open: () => import(${JSON.stringify(ONE_ID + file)}) },`,
          });
        }
        const rows = found.sort((a, b) => a.year - b.year || a.file.localeCompare(b.file)).map((f) => f.row);
        return `export const builtIns = [\n${rows.join('\n')}\n];\n`;
      }
      if (id.startsWith(`\0${ONE_ID}`)) {
        const file = id.slice(ONE_ID.length + 1);
        if (!files().includes(file)) throw new Error(`no built-in scenario ${file}`);
        this.addWatchFile(join(dir, file));
        const { text, result } = loadOne(file);
        return `export const text = ${JSON.stringify(text)};\nexport const result = JSON.parse(${JSON.stringify(JSON.stringify(result))});\n`;
      }
    },
  };
}
