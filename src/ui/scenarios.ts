// The built-in scenarios, bundled as text and checked by the same loader as a custom file.
import { loadScenarioText, type LoadResult } from '../scenario/load';

const TEXTS = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface ScenarioSource {
  /** File name shown in messages, e.g. reset-2009.yaml */
  file: string;
  text: string;
  builtIn: boolean;
}

export function builtInSources(): ScenarioSource[] {
  return Object.entries(TEXTS)
    .map(([path, text]) => ({ file: path.split('/').pop()!, text, builtIn: true }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function loadSource(source: ScenarioSource): LoadResult {
  return loadScenarioText(source.text, source.file);
}
