// Test page: plays a whole game in the browser with the built-in strategies and mounts the debrief.
// ?scenario=<file stem>&seed=<n>&us=<strategy>&ru=<strategy>
import { createGame, applyMove, logOf, scenarioFor, viewFor, type GameState } from '../../../src/engine';
import { playGame } from '../../../src/ai/runner';
import { STRATEGIES } from '../../../src/ai/strategies';
import { OpponentModel } from '../../../src/ai/opponent-model';
import { loadScenarioText } from '../../../src/scenario/load';
import { mountDebrief } from '../../../src/ui/debrief/debrief';

const files = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default' });

const q = new URLSearchParams(location.search);
const stem = q.get('scenario') ?? 'reset-2009';
const seed = Number(q.get('seed') ?? 1);
const text = (await files[`../../../scenarios/${stem}.yaml`]()) as string;
const loaded = loadScenarioText(text, `${stem}.yaml`);
if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
const scenario = loaded.scenario;
const played = playGame(scenario, seed, { us: STRATEGIES[q.get('us') ?? 'reciprocator'], ru: STRATEGIES[q.get('ru') ?? 'reciprocator'] }).state;
// ?stopAt=<n>: the same game after its first n moves only (a game not yet over).
const stopAt = q.get('stopAt');
const state: GameState = stopAt === null ? played : logOf(played).moves.slice(0, Number(stopAt)).reduce((g, m) => { const r = applyMove(scenario, g, m); if (!r.ok) throw new Error(r.reason); return r.state; }, createGame(scenario, seed));

// What the computer (Russia here) learned about the player's priorities.
const model = new OpponentModel(scenarioFor(scenario, 'ru'), 'ru');
model.update(viewFor(state, 'ru'));

const view = mountDebrief(document.querySelector<HTMLElement>('#debrief')!, {
  scenario,
  state,
  players: { us: 'human', ru: 'computer' },
  beliefs: { side: 'us', estimated: model.beliefs() },
});
Object.assign(window, { debriefGame: { scenario, state }, destroyDebrief: () => view.destroy() });
document.body.dataset.ready = 'debrief';
