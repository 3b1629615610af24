// Engine throughput: whole 20-turn games per second on one core, and the time of one move.
// Targets (issue 14): >= 500 whole games/s on one core, judged per CPU second (the machine may be shared), and
// p99 < 0.5 ms per applyMove. BEFORE=<games per CPU second> prints the ratio to an earlier figure.
// Runs with immer's production build, as the browser build does: NODE_ENV is set here, before the
// engine (and immer) are first imported. Run alone with `npm run bench -- engine`.
import { basename } from 'node:path';

type Engine = typeof import('../../src/engine');

const TURNS = 20;
const SEEDS = 12;
const MATCHUPS: [string, string][] = [
  ['reciprocator', 'reciprocator'],
  ['hardliner', 'hardliner'],
  ['conceder', 'hardliner'],
  ['hardliner', 'reciprocator'],
  ['random', 'random'],
];

/** Which immer build was loaded: the production one throws minified errors. */
function immerBuild(immer: typeof import('immer')): string {
  try {
    immer.original({});
  } catch (e) {
    return /minified/i.test(String((e as Error).message)) ? 'production' : 'development';
  }
  return 'unknown';
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Repeat `work` for about `ms` milliseconds; returns how many times it ran, how long that took, and the
 * CPU time this process used meanwhile (ms): on a busy machine wall time counts other processes' turns too.
 */
function timed(ms: number, work: () => void): { runs: number; elapsed: number; cpu: number } {
  work(); // warm-up
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let runs = 0;
  let elapsed = 0;
  do {
    work();
    runs++;
    elapsed = performance.now() - t0;
  } while (elapsed < ms);
  const c = process.cpuUsage(c0);
  return { runs, elapsed, cpu: (c.user + c.system) / 1000 };
}

export async function run(): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  const engine: Engine = await import('../../src/engine');
  const { playGame } = await import('../../src/ai/runner');
  const { STRATEGIES } = await import('../../src/ai/strategies');
  const { builtInScenarioFiles, requireScenario } = await import('../../src/scenario/files');
  const { applyMove, createGame, replay, logOf } = engine;

  const build = immerBuild(await import('immer'));
  console.log(`node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, immer build: ${build}; one core (single thread)`);
  console.log(`games: each scenario with turns overridden to ${TURNS}, seeds 1..${SEEDS}, matchups ${MATCHUPS.map((m) => m.join('/')).join(', ')}`);

  const allDurations: number[] = [];
  let totalGames = 0;
  let totalReplayMs = 0;
  let totalReplayGames = 0;
  let totalReplayCpuMs = 0;
  let totalAgentMs = 0;
  let totalAgentGames = 0;
  let fullMs = 0;
  let fullCpuMs = 0;
  let fullGames = 0;
  console.log('scenario                          moves/game  turns/game  engine games/s (per CPU s)  with agents games/s  median µs/move  p99 µs/move');
  for (const file of builtInScenarioFiles()) {
    const scenario = { ...requireScenario(file), turns: TURNS };
    const games = MATCHUPS.flatMap(([us, ru]) =>
      Array.from({ length: SEEDS }, (_, i) => () => playGame(scenario, i + 1, { us: STRATEGIES[us], ru: STRATEGIES[ru] })),
    );

    // With agents: the scripted strategies decide every move (their views, package search) and the engine applies
    // it: the players' own time is in this figure. The engine figure below is the engine alone.
    const logs = games.map((g) => logOf(g().state));
    const agents = timed(1500, () => games.forEach((g) => g()));
    const agentGamesPerSec = (agents.runs * games.length) / (agents.elapsed / 1000);

    // Engine only: replay the recorded logs (createGame + every applyMove).
    const engineRun = timed(2000, () => logs.forEach((l) => replay(scenario, l)));
    const engineGamesPerSec = (engineRun.runs * logs.length) / (engineRun.elapsed / 1000);
    // The same for the games that lasted all 20 turns (hardliners often reach the brink sooner).
    const full = logs.filter((l) => replay(scenario, l).end?.reason === 'turns');
    if (full.length > 0) {
      const fullRun = timed(1000, () => full.forEach((l) => replay(scenario, l)));
      fullMs += fullRun.elapsed;
      fullCpuMs += fullRun.cpu;
      fullGames += fullRun.runs * full.length;
    }

    // One move at a time, several passes so the figures are not one cold pass.
    const durations: number[] = [];
    for (let pass = 0; pass < 5; pass++) {
      for (const l of logs) {
        let state = createGame(scenario, l.seed);
        for (const move of l.moves) {
          const t0 = performance.now();
          const r = applyMove(scenario, state, move);
          durations.push(performance.now() - t0);
          if (!r.ok) throw new Error(`replayed move refused: ${r.reason}`);
          state = r.state;
        }
      }
    }
    const sorted = Float64Array.from(durations).sort();
    const movesPerGame = logs.reduce((n, l) => n + l.moves.length, 0) / logs.length;
    const turnsPerGame = logs.reduce((n, l) => n + replay(scenario, l).turn, 0) / logs.length;
    console.log(
      `${basename(file).padEnd(32)}  ${movesPerGame.toFixed(1).padStart(10)}  ${turnsPerGame.toFixed(1).padStart(10)}  ${engineGamesPerSec.toFixed(0).padStart(14)} ${`(${((engineRun.runs * logs.length) / (engineRun.cpu / 1000)).toFixed(0)})`.padStart(12)}  ${agentGamesPerSec.toFixed(0).padStart(19)}  ${(quantile(sorted, 0.5) * 1000).toFixed(1).padStart(14)}  ${(quantile(sorted, 0.99) * 1000).toFixed(1).padStart(11)}`,
    );
    allDurations.push(...durations);
    totalGames += logs.length;
    totalReplayMs += engineRun.elapsed;
    totalReplayCpuMs += engineRun.cpu;
    totalReplayGames += engineRun.runs * logs.length;
    totalAgentMs += agents.elapsed;
    totalAgentGames += agents.runs * games.length;
  }
  const sorted = Float64Array.from(allDurations).sort();
  const gamesPerSec = totalReplayGames / (totalReplayMs / 1000);
  const p99 = quantile(sorted, 0.99);
  console.log(
    `all scenarios (${totalGames} distinct games): engine ${gamesPerSec.toFixed(0)} games/s (${(totalReplayGames / (totalReplayCpuMs / 1000)).toFixed(0)} per CPU second), with agents ${(totalAgentGames / (totalAgentMs / 1000)).toFixed(0)} games/s; ` +
      `applyMove median ${(quantile(sorted, 0.5) * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs, max ${(sorted[sorted.length - 1] * 1000).toFixed(0)} µs`,
  );
  // For reference, the games that lasted all 20 turns alone (the mix above includes games that ended sooner at the
  // brink, which are cheaper). The target is judged on the whole mix, per CPU second.
  const fullPerSec = fullGames > 0 ? fullGames / (fullMs / 1000) : 0;
  const fullPerCpuSec = fullGames > 0 ? fullGames / (fullCpuMs / 1000) : 0;
  console.log(`games that lasted all ${TURNS} turns only: engine ${fullPerSec.toFixed(0)} games/s (${fullPerCpuSec.toFixed(0)} per CPU second)`);
  const perCpuSec = totalReplayGames / (totalReplayCpuMs / 1000);
  const before = Number(process.env.BEFORE);
  console.log(
    `targets (issue 14): >= 500 whole games/s on one core: ${perCpuSec.toFixed(0)} per CPU second ${perCpuSec >= 500 ? 'MET' : 'NOT MET'}` +
      `${before > 0 ? ` (${(perCpuSec / before).toFixed(2)}x the ${before} before)` : ''}; p99 < 0.5 ms per move ${p99 < 0.5 ? 'MET' : 'NOT MET'}`,
  );
}
