// Test page: plays one game per table with the built-in strategies, builds the class debrief as the server
// does, and draws it as the teacher page does (inside the page's white #class-debrief box).
// ?scenario=<file stem>&tables=<n>
import { playGame } from '../../../src/ai/runner';
import { STRATEGIES } from '../../../src/ai/strategies';
import { loadScenarioText } from '../../../src/scenario/load';
import { classDebrief } from '../../../src/net/server/debrief';
import { renderClassDebrief } from '../../../src/net/client/class-debrief';

const files = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default' });

/** One pairing per table: a cooperative table, lopsided ones, one where nothing is signed, a random one. */
export const PAIRINGS: [string, string][] = [
  ['reciprocator', 'reciprocator'],
  ['conceder', 'hardliner'],
  ['hardliner', 'hardliner'],
  ['reciprocator', 'conceder'],
  ['random', 'reciprocator'],
  ['conceder', 'conceder'],
];

const q = new URLSearchParams(location.search);
const stem = q.get('scenario') ?? 'reset-2009';
const tables = Number(q.get('tables') ?? 4);
const text = (await files[`../../../scenarios/${stem}.yaml`]()) as string;
const loaded = loadScenarioText(text, `${stem}.yaml`);
if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
const scenario = loaded.scenario;
const states = Array.from({ length: tables }, (_, i) => {
  const [us, ru] = PAIRINGS[i % PAIRINGS.length];
  return playGame(scenario, i + 1, { us: STRATEGIES[us], ru: STRATEGIES[ru] }).state;
});
const debrief = classDebrief(scenario, states);
renderClassDebrief(document.querySelector<HTMLElement>('#class-debrief')!, debrief);
Object.assign(window, { classDebriefData: debrief });
document.body.dataset.ready = 'class-debrief';
