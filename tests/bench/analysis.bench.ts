// The deal analysis of every built-in scenario, the largest one timed (issue 14: < 200 ms). Each run is of a fresh copy
// of the scenario, so every run computes everything: the frontier, its packages in words, Nash, Kalai–Smorodinsky and
// the cloud. Measured in Node on one core. Run alone with `npm run bench -- analysis`.
import { basename } from 'node:path';

const RUNS = 200;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function summary(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  return `median ${quantile(s, 0.5).toFixed(1)} ms, p99 ${quantile(s, 0.99).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (${s.length} runs)`;
}

export async function run(): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  const { analyzeScenario } = await import('../../src/ai/analysis');
  const { playGame } = await import('../../src/ai/runner');
  const { STRATEGIES } = await import('../../src/ai/strategies');
  const { builtInScenarioFiles, requireScenario } = await import('../../src/scenario/files');
  const all = builtInScenarioFiles().map((f) => ({ file: f, s: requireScenario(f) }));

  for (const { file, s } of all) {
    const a = analyzeScenario({ ...s });
    const both = a.frontier.filter((d) => a.seats.every((side) => d.worth[side] > a.disagreement[side]));
    const joint = both.map((d) => a.seats.reduce((n, side) => n + d.worth[side], 0));
    const at = (d: typeof a.nash) => (d ? `(${a.seats.map((side) => d.worth[side]).join(', ')})` : 'none');
    const m = a.method;
    console.log(
      `${basename(file)}: ${a.space.packages} packages × ${a.space.formats.length} formats; ${m.groups.length} track groups, ${m.sums} class sums` +
        `${m.coupled.length ? ` (coupled: ${m.coupled.map((c) => `${c.meter} ${c.dir}`).join(', ')})` : ''}, at most ${m.largestFront} partial packages kept; ` +
        `frontier ${a.frontier.length}, ${both.length} gain both, joint worth along them ${Math.min(...joint).toFixed(1)}–${Math.max(...joint).toFixed(1)}; ` +
        `Nash ${at(a.nash)}, KS ${at(a.kalaiSmorodinsky)}; exact: ${a.exact}`,
    );
  }

  const { file, s } = [...all].sort((a, b) => b.s.cards.length - a.s.cards.length)[0];
  for (let i = 0; i < 20; i++) analyzeScenario({ ...s }); // warm up
  // Wall time, and this process's CPU time (what one core spends, whatever else the machine runs).
  const timed = (f: () => void) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      f();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return `wall ${summary(wall)}; CPU ${summary(cpu)}`;
  };
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(`analysis of the largest scenario, ${basename(file)} (${s.cards.length} cards), load average ${load}: ${timed(() => analyzeScenario({ ...s }))}`);
  const { state } = playGame(s, 1, { us: STRATEGIES.reciprocator, ru: STRATEGIES.reciprocator });
  console.log(`the same with a finished game placed against it: ${timed(() => analyzeScenario({ ...s }, state))}`);
}
