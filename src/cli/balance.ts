// npm run balance [-- --games N] [--scenario id] [--length full|class] [--workers N] [--json]
// npm run balance -- --suggest-goals [--goal-reach P] [--write]: each side's goal as the rule in src/ai/balance.ts
// (GOAL_REACH) sets it from the reciprocator's games against agent:hard over seeds 1..N (default 30), as YAML lines;
// --write puts them into the shipped scenario files.
// Plays every shipped scenario (or one) over seeds 1..N for each pairing of the scripted strategies and the computer's
// levels (src/ai/balance.ts: pairings), spread over worker threads, and prints per scenario and seat the goal rate,
// mean score and crisis rate of each player, each strategy's seat edge, the best responses, how often cooperative
// games reach what history reached, and issue 15's targets with PASS or MISS. Deterministic: the same seeds give the
// same figures, whatever the number of workers.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import { GOAL_PAIRINGS, GOAL_REACH, pairings, playPairing, suggestGoals, summarise, withGoals, type GameResult, type Pairing, type ScenarioSummary } from '../ai/balance';
import { scenarioOfLength, type GameLength, type Scenario } from '../engine';
import { builtInScenarioFiles, requireScenario, scenarioIdOf } from '../scenario/files';
import { exitQuietlyWhenPipeCloses } from './pipe';

interface Job {
  file: string;
  length: GameLength;
  players: Pairing;
  seeds: number[];
}

if (isMainThread) await main();
else worker();

function worker(): void {
  const scenarios = new Map<string, Scenario>();
  parentPort!.on('message', (job: Job | null) => {
    if (job === null) return process.exit(0);
    const scenario = scenarios.get(job.file) ?? scenarioOfLength(requireScenario(job.file), job.length);
    scenarios.set(job.file, scenario);
    parentPort!.postMessage(job.seeds.map((seed) => playPairing(scenario, job.players, seed)));
  });
  void workerData;
}

async function main(): Promise<void> {
  exitQuietlyWhenPipeCloses();
  const usage = `usage: npm run balance -- [--games N] [--scenario id] [--workers N] [--json]
  --games N     seeds 1..N for each pairing (default 20)
  --scenario id one shipped scenario (default: all of them)
  --length L    full (default) or class: the scenario's short class length (its classLength block)
  --workers N   worker threads (default: the machine's cores)
  --json        the figures as JSON
  --suggest-goals  set each side's goal from the reciprocator's games against agent:hard (seeds 1..N, default 30):
                the highest score it reaches in at least a share P of them (--goal-reach P, default ${GOAL_REACH}: the
                55th percentile), printed as YAML; with --write, into the shipped scenario files (full length only)`;
  const fail = (message: string): never => {
    console.error(`balance: ${message}\n${usage}`);
    process.exit(2);
  };
  const { values } = (() => {
    try {
      return parseArgs({
        options: {
          games: { type: 'string' },
          scenario: { type: 'string' },
          length: { type: 'string', default: 'full' },
          workers: { type: 'string' },
          json: { type: 'boolean', default: false },
          'suggest-goals': { type: 'boolean', default: false },
          'goal-reach': { type: 'string' },
          write: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (e) {
      return fail((e as Error).message);
    }
  })();
  if (values.help) {
    console.log(usage);
    return;
  }
  const int = (s: string, name: string) => (/^[1-9]\d*$/.test(s) ? Number(s) : fail(`${name} must be a whole number above 0, not "${s}"`));
  const suggesting = values['suggest-goals'];
  const games = int(values.games ?? (suggesting ? '30' : '20'), '--games');
  const reach = values['goal-reach'] === undefined ? GOAL_REACH : Number(values['goal-reach']);
  if (!(reach > 0 && reach <= 1)) fail(`--goal-reach is a share above 0 and at most 1, not "${values['goal-reach']}"`);
  if ((values.write || values['goal-reach'] !== undefined) && !suggesting) fail('--write and --goal-reach go with --suggest-goals');
  const workers = values.workers !== undefined ? int(values.workers, '--workers') : Math.max(1, availableParallelism());
  if (values.length !== 'full' && values.length !== 'class') fail(`--length is full or class, not "${values.length}"`);
  const length = values.length as GameLength;
  const all = builtInScenarioFiles();
  const files = values.scenario === undefined ? all : all.filter((f) => scenarioIdOf(f) === values.scenario);
  if (!files.length) fail(`no shipped scenario "${values.scenario}": ${all.map(scenarioIdOf).join(', ')}`);
  if (values.write && length !== 'full') fail('--write sets the full-length goals only: run it without --length class');

  // Small jobs, slowest first (the counterpart's games take longest), so the workers finish together.
  const chunk = 5;
  const jobs: Job[] = [];
  for (const file of files)
    for (const players of suggesting ? GOAL_PAIRINGS : pairings())
      for (let s = 1; s <= games; s += chunk) jobs.push({ file, length, players, seeds: Array.from({ length: Math.min(chunk, games - s + 1) }, (_, i) => s + i) });
  const weight = (j: Job) => j.players.filter((p) => p.startsWith('agent:')).length;
  jobs.sort((a, b) => weight(b) - weight(a));

  const started = performance.now();
  const results: GameResult[] = [];
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, jobs.length) }, () => {
      const w = new Worker(new URL(import.meta.url));
      return new Promise<void>((resolve, reject) => {
        const give = () => w.postMessage(next < jobs.length ? jobs[next++] : null);
        w.on('message', (rs: GameResult[]) => {
          results.push(...rs);
          done += rs.length;
          if (!values.json && process.stderr.isTTY) process.stderr.write(`\r${done} games`);
          give();
        });
        w.on('error', reject);
        w.on('exit', () => resolve());
        give();
      });
    }),
  );
  if (!values.json && process.stderr.isTTY) process.stderr.write('\r');
  const seconds = (performance.now() - started) / 1000;
  // The same order whatever the workers did.
  results.sort((a, b) => a.scenario.localeCompare(b.scenario) || a.players.join().localeCompare(b.players.join()) || a.seed - b.seed);
  if (suggesting) return printGoals(files, length, results, reach, games, values.json, values.write);
  const summaries = files.map((f) => summarise(scenarioOfLength(requireScenario(f), length), results));
  if (values.json) console.log(JSON.stringify({ games, length, summaries }, null, 2));
  else {
    if (length === 'class') console.log('class length: each scenario as its classLength block plays it (its turns and goals)');
    for (const s of summaries) print(s, games);
    const targets = summaries.flatMap((s) => s.targets);
    const missed = targets.filter((t) => !t.pass).length;
    console.log(`${results.length} games in ${seconds.toFixed(0)} s on ${workers} workers; targets: ${targets.length - missed} PASS, ${missed} MISS`);
  }
}

function print(s: ScenarioSummary, games: number): void {
  const [a, b] = s.seats;
  const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(5);
  const num = (x: number) => x.toFixed(1).padStart(6);
  console.log(`\n== ${s.scenario}: ${games} seeds a pairing, ${s.games} games`);
  console.log(`${'player'.padEnd(14)} | ${`${a}: goal  score crisis`.padStart(24)} | ${`${b}: goal  score crisis`.padStart(24)} | edge`);
  for (const [p, f] of Object.entries(s.players)) {
    const edge = s.seatEdge[p];
    const cells = [a, b].map((seat) => `${pct(f[seat].goal)} ${num(f[seat].score)} ${pct(f[seat].crisis)}`.padStart(24));
    console.log(`${p.padEnd(14)} | ${cells[0]} | ${cells[1]} | ${edge === undefined ? '' : `${edge > 0 ? '+' : ''}${edge.toFixed(1)}`}`);
  }
  for (const seat of s.seats)
    console.log(`best response from ${seat}: ${Object.entries(s.bestResponses[seat]).map(([opp, br]) => `${opp}→${br.player} (${br.score.toFixed(1)})`).join(', ')}`);
  // Can each side reach its goal at all (the checker's question, over every pairing and seed played)?
  for (const seat of s.seats) {
    const best = Object.entries(s.players).sort(([, x], [, y]) => y[seat].goal - x[seat].goal)[0];
    console.log(`${seat} reaches its goal: ${best && best[1][seat].goal > 0 ? `yes, most often as ${best[0]} (${pct(best[1][seat].goal).trim()} of its games)` : 'in no game played'}`);
  }
  console.log(`history's stage reached in cooperative games: ${Object.entries(s.history).map(([t, h]) => `${t} ${h.stage} ${Math.round(h.share * 100)}%`).join(', ')}`);
  for (const t of s.targets) console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.seat ? `${t.seat}: ` : ''}${t.what}: ${t.figure} (${t.wanted})`);
}

function printGoals(files: string[], length: GameLength, results: GameResult[], reach: number, games: number, json: boolean, write: boolean): void {
  const suggested = files.map((f) => ({ file: f, ...suggestGoals(scenarioOfLength(requireScenario(f), length), results, reach) }));
  if (json) console.log(JSON.stringify({ games, length, reach, suggested }, null, 2));
  else {
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    console.log(`# goals: the highest score the reciprocator reaches against agent:hard in at least ${pct(reach)} of seeds 1..${games}${length === 'class' ? ' (class length: classLength.goals)' : ''}`);
    for (const s of suggested) {
      console.log(`# ${s.scenario}: two reciprocators both reach their goals in ${pct(s.bothNow)} now, ${pct(s.both)} with these`);
      for (const g of s.sides) console.log(`#   ${g.side}: goal ${g.now} reached in ${pct(g.reachNow)} of ${g.seeds} games now; ${g.goal} in ${pct(g.reach)}`);
      // The same games under other shares, to choose the rule by: goals, and how often two reciprocators both reach them.
      const scenario = scenarioOfLength(requireScenario(s.file), length);
      const others = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6].map((r) => ({ r, g: suggestGoals(scenario, results, r) }));
      console.log(`#   other shares: ${others.map(({ r, g }) => `${pct(r)}: ${g.sides.map((x) => x.goal).join('/')} both ${pct(g.both)}`).join('; ')}`);
      console.log(`${s.scenario}:\n${s.sides.map((g) => `  ${g.side}: { goal: ${g.goal} }`).join('\n')}`);
    }
  }
  if (!write) return;
  for (const s of suggested) {
    const text = readFileSync(s.file, 'utf8');
    const next = withGoals(text, Object.fromEntries(s.sides.map((g) => [g.side, g.goal])));
    if (next !== text) writeFileSync(s.file, next);
    console.error(`${next === text ? 'unchanged' : 'wrote'} ${s.file}`);
  }
}
