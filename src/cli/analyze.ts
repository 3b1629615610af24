// npm run analyze -- <scenario-file> [--log <game-log.json>] [--json]
// The deal space of a scenario (Pareto frontier, Nash and Kalai–Smorodinsky points) and, with a
// game log ({scenario, seed, moves}, as logOf() writes it), where that game's deal stands.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeScenario, type ScenarioAnalysis, type ScenarioDeal } from '../ai/analysis';
import { replay, textOf, type GameLog, type GameState, type Scenario } from '../engine';
import { formatProblem } from '../scenario/load';
import { loadScenarioFile } from '../scenario/files';
import { useAuthorCwd } from './author-cwd';
import { exitQuietlyWhenPipeCloses } from './pipe';

useAuthorCwd();
exitQuietlyWhenPipeCloses();

const usage = 'usage: npm run analyze -- <scenario-file> [--log <game-log.json>] [--json]';

function fail(message: string, code = 2): never {
  console.error(`analyze: ${message}\n${usage}`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { log: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

const file = positionals[0] ?? fail('name a scenario file, e.g. scenarios/reset-2009.yaml');
if (positionals.length > 1) fail(`one scenario file at a time (got ${positionals.join(', ')})`);
const loaded = loadScenarioFile(file);
if (!loaded.ok) {
  for (const p of loaded.problems) console.error(formatProblem(p));
  process.exit(1);
}
const scenario = loaded.scenario;

function readLog(path: string, s: Scenario): GameState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`cannot read the game log ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, 1);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`${path} is not valid JSON: ${(e as Error).message}`, 1);
  }
  const log = data as Partial<GameLog>;
  if (!log || typeof log !== 'object' || typeof log.scenario !== 'string' || typeof log.seed !== 'number' || !Array.isArray(log.moves))
    return fail(`${path} is not a game log: it needs "scenario" (an id), "seed" (a number) and "moves" (a list), as the game's export writes them`, 1);
  if (log.scenario !== s.id) return fail(`${path} is a log of scenario "${log.scenario}", but ${file} is "${s.id}"`, 1);
  try {
    return replay(s, log as GameLog);
  } catch (e) {
    return fail(`${path} does not replay on ${file}: ${(e as Error).message}`, 1);
  }
}

const game = values.log !== undefined ? readLog(values.log, scenario) : undefined;
const result = analyzeScenario(scenario, game);

if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  printReport(result);
}

function printReport(r: ScenarioAnalysis): void {
  const fmt = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(2);
  // The names the scenario gives its seats, in its order.
  const worth = (w: Record<string, number>) => r.seats.map((s) => `${textOf(scenario.sides[s].name)} ${fmt(w[s])}`).join('  ');
  const line = (label: string, d: ScenarioDeal | null) => console.log(`${label.padEnd(20)}${d ? `${worth(d.worth)}  ${d.summary}` : 'no package gains both sides'}`);
  console.log(`${r.title} (${r.scenario})`);
  console.log(
    `deal space: ${r.space.packages} packages of ${r.space.cards} concession cards in ${r.space.issues} issues, ${r.space.formats.join(' or ')}` +
      (r.space.excludedRedLines.length ? ` (red lines left out: ${r.space.excludedRedLines.join(', ')})` : ''),
  );
  console.log(
    `worth is the change in each side's own score that signing, carrying out and verifying a package would bring from turn ${r.from.turn} ` +
      `(${r.from.phase}): its concessions, the progress it makes on the tracks, support at home, escalation; no deal is worth ${worth(r.disagreement).trim()}.`,
  );
  const m = r.method;
  console.log(
    `method: exact Pareto frontier of the Minkowski sum of ${m.groups.length} per-track point sets (${m.groups.map((g) => `${g.tracks.join('+')} ${g.combinations}`).join(', ')}), ` +
      `${m.sums} sums over who gives, the format${m.coupled.length ? ` and the classes of ${m.coupled.map((c) => c.meter).join(', ')}` : ''}; at most ${m.largestFront} partial packages kept.`,
  );
  if (!r.exact) for (const c of m.caveats) console.log(`  not exact: ${c}`);
  console.log(`ideal point: ${worth(r.ideal)}`);
  line('Nash bargaining', r.nash);
  line('Kalai–Smorodinsky', r.kalaiSmorodinsky);
  const rational = r.frontier.filter((d) => r.seats.every((s) => d.worth[s] >= r.disagreement[s]));
  console.log(`\nPareto frontier: ${r.frontier.length} packages; the ${rational.length} that both sides prefer to no deal (--json lists all):`);
  for (const d of rational) console.log(`  ${worth(d.worth)}  ${d.summary}`);
  const g = r.game;
  if (!g) return;
  console.log(`\nthis game (${values.log}), its concessions valued as one package from its start:`);
  line('delivered', g.delivered);
  line('signed', g.agreed);
  console.log(`distance to the frontier ${g.distanceToFrontier.toFixed(2)}, to the Nash point ${g.distanceToNash.toFixed(2)}${g.onFrontier ? ' — on the frontier' : ''}`);
  if (g.missed.length === 0) console.log('no package would have been better for both sides.');
  else {
    console.log(`better deals both sides missed (both could have gained at least ${g.bothCouldGain.toFixed(2)}):`);
    for (const d of g.missed) console.log(`  ${worth(d.worth)}  ${d.summary}`);
  }
}
