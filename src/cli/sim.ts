// npm run sim -- <scenario-file> --seed N [--first PLAYER] [--second PLAYER] [--json]
// npm run sim -- <scenario-file> --games N [--first PLAYER] [--second PLAYER] [--json]
// --first plays the scenario's first side, --second its second, whatever the scenario calls them
// (--us and --ru, the shipped scenarios' ids, are the older spellings of the same two).
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

const usage = `usage: npm run sim -- <scenario-file> (--seed N | --games N) [--first PLAYER] [--second PLAYER] [--json] [--help]
--first plays the first side under the scenario's sides, --second the other (--us and --ru also work)
players: a scripted strategy (${Object.keys(STRATEGIES).join(', ')}; default reciprocator)
         or the computer counterpart at a difficulty (${DIFFICULTIES.map((d) => `agent:${d}`).join(', ')}),
         e.g. --first agent:hard --second hardliner`;

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
        first: { type: 'string' },
        second: { type: 'string' },
        us: { type: 'string' },
        ru: { type: 'string' },
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
/** The option that chose a side's player, as typed: --first (india) or --us. */
const flagOf = (side: Side) =>
  side === scenario.seats[0] ? (values.us !== undefined ? '--us' : `--first (${side})`) : values.ru !== undefined ? '--ru' : `--second (${side})`;
/** A player for one game: a counterpart agent is made afresh for each game (it learns as it plays). */
function playerFor(name: string, side: Side): (scenario: Scenario, seed: number) => Strategy {
  if (name.startsWith('agent:')) {
    const difficulty = name.slice('agent:'.length) as Difficulty;
    if (!DIFFICULTIES.includes(difficulty)) fail(`unknown difficulty "${difficulty}" for ${flagOf(side)}: agent:${DIFFICULTIES.join(', agent:')}`);
    return (sc, seed) => agentStrategy(new NegotiatorAgent(scenarioFor(sc, side), side, difficulty, seed));
  }
  const strategy = STRATEGIES[name] ?? fail(`unknown player "${name}" for ${flagOf(side)}`);
  return () => strategy;
}
// --first and --second (or --us and --ru) name the strategies of the scenario's first and second side (its own ids: india, pakistan).
const [first, second] = scenario.seats;
if (values.first !== undefined && values.us !== undefined) fail('--first and --us both name the first side: give one of them');
if (values.second !== undefined && values.ru !== undefined) fail('--second and --ru both name the second side: give one of them');
const chosen: Record<string, string> = { [first]: values.first ?? values.us ?? 'reciprocator', [second]: values.second ?? values.ru ?? 'reciprocator' };
const makers = Object.fromEntries(scenario.seats.map((s) => [s, playerFor(chosen[s], s)]));
/** The names the scenario gives its two seats (Canada and the United States in a lumber dispute, not always the U.S. and Russia). */
const names: Record<string, string> = Object.fromEntries(scenario.seats.map((s) => [s, textOf(scenario.sides[s].name)]));
const players = (seed: number) => Object.fromEntries(scenario.seats.map((s) => [s, makers[s](scenario, seed)]));
const int = (s: string, name: string) => (/^\d+$/.test(s) ? Number(s) : fail(`${name} must be a whole number, not "${s}"`));
const vs = `${chosen[first]} (${first}: ${names[first]}) vs ${chosen[second]} (${second}: ${names[second]})`;

if (values.games !== undefined) {
  const n = int(values.games, '--games');
  const rows: { seed: number; scores: Record<string, number>; joint: number; won: string[]; implemented: number; broken: number; end: string }[] = [];
  for (let seed = 1; seed <= n; seed++) {
    const { outcome } = playGame(scenario, seed, players(seed));
    rows.push({
      seed,
      scores: Object.fromEntries(scenario.seats.map((s) => [s, outcome.sides[s].score])),
      joint: outcome.joint,
      won: scenario.seats.filter((s) => outcome.sides[s].won),
      implemented: outcome.agreements.implemented,
      broken: outcome.agreements.broken,
      end: outcome.end?.reason ?? '',
    });
  }
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(`${scenario.id}: ${vs}, ${n} games`);
    const wide = Math.max(11, first.length + second.length + 1);
    console.log(`seed  ${`${first} score`.padStart(14)}  ${`${second} score`.padStart(14)}  joint  ${'winners'.padEnd(wide)}  implemented  broken  end`);
    for (const r of rows) {
      console.log(
        `${String(r.seed).padStart(4)}  ${r.scores[first].toFixed(1).padStart(14)}  ${r.scores[second].toFixed(1).padStart(14)}  ${r.joint.toFixed(1).padStart(5)}  ${(r.won.join('+') || '-').padEnd(wide)}  ${String(r.implemented).padStart(11)}  ${String(r.broken).padStart(6)}  ${r.end}`,
      );
    }
    const mean = (value: (r: (typeof rows)[number]) => number) => (rows.reduce((s, r) => s + value(r), 0) / n).toFixed(1);
    const wins = (s: string) => rows.filter((r) => r.won.includes(s)).length;
    console.log(`mean  ${mean((r) => r.scores[first]).padStart(14)}  ${mean((r) => r.scores[second]).padStart(14)}  ${mean((r) => r.joint).padStart(5)}   ${names[first]} won ${wins(first)}/${n}, ${names[second]} won ${wins(second)}/${n}`);
  }
} else {
  const seed = int(values.seed ?? fail('give --seed N (one game) or --games N'), '--seed');
  const { state, outcome } = playGame(scenario, seed, players(seed));
  if (values.json) {
    console.log(JSON.stringify({ scenario: scenario.id, seed, players: chosen, outcome, turns: timeline(state) }, null, 2));
  } else {
    console.log(`${scenario.id}, seed ${seed}: ${vs}`);
    console.log(`ended: ${outcome.end?.reason} on turn ${outcome.end?.turn}`);
    for (const s of scenario.seats)
      console.log(`${names[s]}: score ${outcome.sides[s].score} (goal ${outcome.sides[s].goal}) ${outcome.sides[s].won ? 'WON' : 'did not reach its goal'}`);
    console.log(`joint score ${outcome.joint}; agreements signed ${outcome.agreements.signed}, implemented ${outcome.agreements.implemented}, verified ${outcome.agreements.verified}, broken ${outcome.agreements.broken}`);
    console.log('tracks: ' + Object.entries(state.tracks).map(([id, t]) => `${id}=${t.stage}`).join(', '));
  }
}
