// npm run balance [-- --games N] [--scenario id] [--length full|class] [--workers N] [--json]
// Plays every shipped scenario (or one) over seeds 1..N for each pairing of the scripted strategies and the computer's
// levels (src/ai/balance.ts: pairings), spread over worker threads, and prints per scenario and seat the goal rate,
// mean score and crisis rate of each player, each strategy's seat edge, the best responses, how often cooperative
// games reach what history reached, and issue 15's targets with PASS or MISS. Deterministic: the same seeds give the
// same figures, whatever the number of workers.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { pairings, playPairing, summarise, type GameResult, type Pairing, type ScenarioSummary } from '../ai/balance';
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
  --json        the figures as JSON`;
  const fail = (message: string): never => {
    console.error(`balance: ${message}\n${usage}`);
    process.exit(2);
  };
  const { values } = (() => {
    try {
      return parseArgs({
        options: {
          games: { type: 'string', default: '20' },
          scenario: { type: 'string' },
          length: { type: 'string', default: 'full' },
          workers: { type: 'string' },
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
    return;
  }
  const int = (s: string, name: string) => (/^[1-9]\d*$/.test(s) ? Number(s) : fail(`${name} must be a whole number above 0, not "${s}"`));
  const games = int(values.games, '--games');
  const workers = values.workers !== undefined ? int(values.workers, '--workers') : Math.max(1, availableParallelism());
  if (values.length !== 'full' && values.length !== 'class') fail(`--length is full or class, not "${values.length}"`);
  const length = values.length as GameLength;
  const all = builtInScenarioFiles();
  const files = values.scenario === undefined ? all : all.filter((f) => scenarioIdOf(f) === values.scenario);
  if (!files.length) fail(`no shipped scenario "${values.scenario}": ${all.map(scenarioIdOf).join(', ')}`);

  // Small jobs, slowest first (the counterpart's games take longest), so the workers finish together.
  const chunk = 5;
  const jobs: Job[] = [];
  for (const file of files)
    for (const players of pairings())
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
