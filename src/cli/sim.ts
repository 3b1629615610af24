// npm run sim -- <scenario-file> --seed N [--us PLAYER] [--ru PLAYER] [--json]
// npm run sim -- <scenario-file> --games N [--us PLAYER] [--ru PLAYER] [--json]
// A player is a scripted strategy (reciprocator, hardliner, ...) or the computer counterpart, agent:easy|normal|hard.
import { parseArgs } from 'node:util';
import { DIFFICULTIES, NegotiatorAgent, type Difficulty } from '../ai/agent';
import { agentStrategy, playGame } from '../ai/runner';
import { STRATEGIES, type Strategy } from '../ai/strategies';
import { scenarioFor, textOf, timeline, type Scenario, type Side } from '../engine';
import { formatProblem } from '../scenario/load';
import { loadScenarioFile } from '../scenario/files';
import { useAuthorCwd } from './author-cwd';
import { exitQuietlyWhenPipeCloses } from './pipe';

useAuthorCwd();
exitQuietlyWhenPipeCloses();

const usage = `usage: npm run sim -- <scenario-file> (--seed N | --games N) [--us PLAYER] [--ru PLAYER] [--json] [--help]
players: a scripted strategy (${Object.keys(STRATEGIES).join(', ')}; default reciprocator)
         or the computer counterpart at a difficulty (${DIFFICULTIES.map((d) => `agent:${d}`).join(', ')}),
         e.g. --us agent:hard --ru hardliner`;

function fail(message: string): never {
  console.error(`sim: ${message}\n${usage}`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        games: { type: 'string' },
        us: { type: 'string', default: 'reciprocator' },
        ru: { type: 'string', default: 'reciprocator' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

if (values.help) {
  console.log(usage);
  process.exit(0);
}
const file = positionals[0] ?? fail('name a scenario file, e.g. scenarios/reset-2009.yaml');
const loaded = loadScenarioFile(file);
if (!loaded.ok) {
  for (const p of loaded.problems) console.error(formatProblem(p));
  process.exit(1);
}
const scenario = loaded.scenario;
/** A player for one game: a counterpart agent is made afresh for each game (it learns as it plays). */
function playerFor(name: string, side: Side): (scenario: Scenario, seed: number) => Strategy {
  if (name.startsWith('agent:')) {
    const difficulty = name.slice('agent:'.length) as Difficulty;
    if (!DIFFICULTIES.includes(difficulty)) fail(`unknown difficulty "${difficulty}" for --${side}: agent:${DIFFICULTIES.join(', agent:')}`);
    return (sc, seed) => agentStrategy(new NegotiatorAgent(scenarioFor(sc, side), side, difficulty, seed));
  }
  const strategy = STRATEGIES[name] ?? fail(`unknown player "${name}" for --${side}`);
  return () => strategy;
}
const usPlayer = playerFor(values.us!, 'us');
const ruPlayer = playerFor(values.ru!, 'ru');
/** The names the scenario gives its two seats (Canada and the United States in a lumber dispute, not always the U.S. and Russia). */
const names = { us: textOf(scenario.sides.us.name), ru: textOf(scenario.sides.ru.name) };
const players = (seed: number) => ({ us: usPlayer(scenario, seed), ru: ruPlayer(scenario, seed) });
const int = (s: string, name: string) => (/^\d+$/.test(s) ? Number(s) : fail(`${name} must be a whole number, not "${s}"`));

if (values.games !== undefined) {
  const n = int(values.games, '--games');
  const rows: { seed: number; us: number; ru: number; joint: number; usWon: boolean; ruWon: boolean; implemented: number; broken: number; end: string }[] = [];
  for (let seed = 1; seed <= n; seed++) {
    const { outcome } = playGame(scenario, seed, players(seed));
    rows.push({
      seed,
      us: outcome.us.score,
      ru: outcome.ru.score,
      joint: outcome.joint,
      usWon: outcome.us.won,
      ruWon: outcome.ru.won,
      implemented: outcome.agreements.implemented,
      broken: outcome.agreements.broken,
      end: outcome.end?.reason ?? '',
    });
  }
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(`${scenario.id}: ${values.us} (us: ${names.us}) vs ${values.ru} (ru: ${names.ru}), ${n} games`);
    console.log('seed   us score  ru score  joint  winners      implemented  broken  end');
    for (const r of rows) {
      const winners = [r.usWon && 'us', r.ruWon && 'ru'].filter(Boolean).join('+') || '-';
      console.log(
        `${String(r.seed).padStart(4)}  ${r.us.toFixed(1).padStart(8)}  ${r.ru.toFixed(1).padStart(8)}  ${r.joint.toFixed(1).padStart(5)}  ${winners.padEnd(11)}  ${String(r.implemented).padStart(11)}  ${String(r.broken).padStart(6)}  ${r.end}`,
      );
    }
    const mean = (k: 'us' | 'ru' | 'joint') => (rows.reduce((s, r) => s + r[k], 0) / n).toFixed(1);
    console.log(`mean  ${mean('us').padStart(8)}  ${mean('ru').padStart(8)}  ${mean('joint').padStart(5)}   ${names.us} won ${rows.filter((r) => r.usWon).length}/${n}, ${names.ru} won ${rows.filter((r) => r.ruWon).length}/${n}`);
  }
} else {
  const seed = int(values.seed ?? fail('give --seed N (one game) or --games N'), '--seed');
  const { state, outcome } = playGame(scenario, seed, players(seed));
  if (values.json) {
    console.log(JSON.stringify({ scenario: scenario.id, seed, us: values.us, ru: values.ru, outcome, turns: timeline(state) }, null, 2));
  } else {
    console.log(`${scenario.id}, seed ${seed}: ${values.us} (us: ${names.us}) vs ${values.ru} (ru: ${names.ru})`);
    console.log(`ended: ${outcome.end?.reason} on turn ${outcome.end?.turn}`);
    for (const s of ['us', 'ru'] as const)
      console.log(`${names[s]}: score ${outcome[s].score} (goal ${outcome[s].goal}) ${outcome[s].won ? 'WON' : 'did not reach its goal'}`);
    console.log(`joint score ${outcome.joint}; agreements signed ${outcome.agreements.signed}, implemented ${outcome.agreements.implemented}, verified ${outcome.agreements.verified}, broken ${outcome.agreements.broken}`);
    console.log('tracks: ' + Object.entries(state.tracks).map(([id, t]) => `${id}=${t.stage}`).join(', '));
  }
}
