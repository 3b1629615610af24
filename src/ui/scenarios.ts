// The built-in scenarios and custom files, checked by the same loader. The built-ins are checked when
// the page is built (src/scenario/built-in-plugin.ts): the title screen lists them without the YAML
// parser and schema checker, and each one's text and checked scenario load when it is played. The
// checker itself (src/scenario/load.ts) loads only when a custom file, a saved game whose text is
// not a built-in's, or a dev hot reload needs it.
import { builtIns, type BuiltInScenario } from 'virtual:reset/built-in-scenarios';
import type { Scenario } from '../engine';
import type { LoadResult } from '../scenario/load';

export interface ScenarioSource {
  /** File name shown in messages, e.g. reset-2009.yaml */
  file: string;
  text: string;
  builtIn: boolean;
}

/** The built-in scenarios that load, by year then file name: file, title and year, and open() for the rest. */
export function builtInScenarios(): readonly BuiltInScenario[] {
  return builtIns;
}

/** Each caller gets its own copy, as each call of the checker made one. */
async function openFresh(entry: BuiltInScenario): Promise<{ text: string; result: LoadResult }> {
  const { text, result } = await entry.open();
  return { text, result: structuredClone(result) };
}

/** A built-in scenario's source and checked scenario. */
export async function openBuiltIn(entry: BuiltInScenario): Promise<{ source: ScenarioSource; scenario: Scenario }> {
  const { text, result } = await openFresh(entry);
  if (!result.ok) throw new Error(`${entry.file} does not load`); // never: files that fail are not listed
  return { source: { file: entry.file, text, builtIn: true }, scenario: result.scenario };
}

/** Check a scenario's text: the same result as loadScenarioText(source.text, source.file). */
export async function loadSource(source: ScenarioSource): Promise<LoadResult> {
  const { text, file } = source;
  const entry = source.builtIn ? builtIns.find((b) => b.file === file) : undefined;
  if (entry) {
    const built = await openFresh(entry);
    if (built.text === text) return built.result;
  }
  const { loadScenarioText } = await import('../scenario/load');
  // A teacher's variant (`extends: reset-2009`) builds on a built-in. The checker's resolver is synchronous,
  // so the built-ins' texts are fetched first, and only for a file that mentions extends at all.
  // Paths to other files cannot be opened from a web page: those get the checker's "unknown scenario".
  const bases = new Map<string, { file: string; text: string }>();
  if (/\bextends\b/.test(text)) for (const b of builtIns) bases.set(idOf(b.file), { file: b.file, text: (await b.open()).text });
  const resolve = (ref: string) => {
    if (!/^[a-z][a-z0-9-]*$/.test(ref))
      throw new Error('the game in the browser can extend only a built-in scenario, by its id (such as reset-2009); npm run scenario:check, sim and analyze also follow paths to files');
    return bases.get(ref);
  };
  return loadScenarioText(text, file, { resolve, knownScenarios: builtIns.map((b) => idOf(b.file)) });
}

const idOf = (file: string) => file.replace(/\.(ya?ml|json)$/, '');

/** The checker's problems as `file:line:col: message` lines. */
export async function formatProblems(result: Extract<LoadResult, { ok: false }>): Promise<string[]> {
  const { formatProblem } = await import('../scenario/load');
  return result.problems.map((p) => formatProblem(p));
}
