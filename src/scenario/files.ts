// Reading scenario files from disk (Node only: the command line, tests, the server).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Scenario } from '../engine';
import { formatProblem, loadScenarioText, type LoadResult, type ScenarioResolver } from './load';

export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

export function loadScenarioFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problems: [{ file: path, line: 1, column: 1, path: '', message: `cannot read the file: ${(e as Error).message}`, severity: 'error' }] };
  }
  return loadScenarioText(text, path, { resolve: resolveFromFiles, knownScenarios: builtInScenarioFiles().map(scenarioIdOf) });
}

/** Load a scenario or throw with the checker's messages (for code that needs a valid one). */
export function requireScenario(path: string): Scenario {
  const r = loadScenarioFile(path);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
}

/** The shipped scenarios, by id. */
export function builtInScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'schema.json')
    .map((f) => join(SCENARIO_DIR, f));
}

export const scenarioIdOf = (file: string) => basename(file).replace(/\.(ya?ml|json)$/, '');

/**
 * `extends:` for text that came from someone else (a teacher's upload to the classroom server): built-in ids
 * only. Following a path there would let whoever uploads read the server's files through the checker's messages.
 */
export const resolveBuiltInOnly: ScenarioResolver = (ref, from) => {
  if (!/^[a-z][a-z0-9-]*$/.test(ref)) throw new Error('an uploaded scenario can extend only a built-in scenario, by its id (such as reset-2009)');
  return resolveFromFiles(ref, from);
};

/** `extends:` on disk: a built-in id (reset-2009) or a path relative to the extending file. */
export const resolveFromFiles: ScenarioResolver = (ref, from) => {
  const candidates = /^[a-z][a-z0-9-]*$/.test(ref)
    ? ['.yaml', '.yml', '.json'].map((ext) => join(SCENARIO_DIR, ref + ext))
    : [resolve(dirname(from), ref)];
  const file = candidates.find((f) => existsSync(f));
  return file === undefined ? undefined : { file, text: readFileSync(file, 'utf8') };
};
