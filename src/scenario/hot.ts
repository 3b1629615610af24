// In the browser during `npm run dev`: hear about scenario files saved on disk (see vite-plugin.ts).
// Outside dev (a build, tests, the server) import.meta.hot is undefined and this does nothing.
// The page loads the text with loadScenarioText, then asks canKeepGame (compat.ts) whether the
// running game can go on with it or must restart.
import type { ScenarioChange } from './vite-plugin';

export type { ScenarioChange };
const SCENARIO_EVENT = 'reset:scenario';

/** Call `callback` each time a scenario file is saved; returns a function that stops listening. */
export function onScenarioChange(callback: (change: ScenarioChange) => void): () => void {
  const hot = import.meta.hot;
  if (!hot) return () => {};
  const listener = (change: ScenarioChange) => callback(change);
  hot.on(SCENARIO_EVENT, listener);
  return () => hot.off(SCENARIO_EVENT, listener);
}
