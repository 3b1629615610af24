// The counterpart's decision time in its worst case, and the deal analysis time.
// Worst case: the largest built-in scenario (most concession cards), the hard agent (largest
// package search and opponent model), late in a game where almost every card is still open
// (two hardliners rarely sign anything), with a long history to learn from. Each decision is
// timed twice: warm (the counterpart has followed the game) and cold (created afresh, as after a
// reload, so it must read the whole history first). Targets (issue 5): p99 < 50 ms per decision,
// analysis of the largest scenario < 200 ms (Node: analysis.bench.ts; the browser's below). Measured in Node on one
// core; the browser runs the same code (no DOM, no Node APIs). Run alone with `npm run bench -- agent`.
import { basename } from 'node:path';

const REPEATS = 30;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function summary(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  return `median ${quantile(s, 0.5).toFixed(2)} ms, p99 ${quantile(s, 0.99).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms (${s.length} decisions)`;
}

export async function run(): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  const engine = await import('../../src/engine');
  const { createCounterpart } = await import('../../src/ai/counterpart');
  const { builtInScenarioFiles, requireScenario } = await import('../../src/scenario/files');

  const files = builtInScenarioFiles();
  const all = files.map((f) => ({ file: f, s: requireScenario(f) }));
  const { file, s } = all.sort((a, b) => b.s.cards.length - a.s.cards.length || b.s.turns - a.s.turns)[0];
  console.log(`largest scenario: ${basename(file)} (${s.cards.length} cards, ${s.tracks.length} tracks, ${s.turns} turns)`);

  // Two stonewallers: they talk every turn (a long history) and sign nothing (every card stays open).
  type State = import('../../src/engine').GameState;
  type Move = import('../../src/engine').Move;
  const stonewall = (state: State, side: string, random: () => number): Move => {
    if (state.phase === 'statements') return { type: 'statement', side, tone: 'neutral' };
    if (state.phase === 'responses') return { type: 'reject', side };
    if (state.phase === 'proposals') {
      const theirs = s.cards.filter((c) => c.side !== side);
      const ask = [theirs[Math.floor(random() * theirs.length)].id];
      const move: Move = { type: 'propose', side, give: [], ask };
      return engine.whyNot(s, state, move) === null ? move : { type: 'pass', side };
    }
    return engine.legalMoves(s, state, side)[0];
  };
  // Late-game states where a side must propose or answer, with every card still open.
  const samples: { state: import('../../src/engine').GameState; side: string }[] = [];
  for (let seed = 1; samples.length < 12 && seed < 40; seed++) {
    let state = engine.createGame(s, seed);
    const random = engine.makeRandom(seed);
    while (state.phase !== 'ended') {
      const side = engine.pendingSides(state)[0];
      if (state.turn >= s.turns - 3 && (state.phase === 'proposals' || state.phase === 'responses')) samples.push({ state, side });
      state = engine.applyMove(s, state, stonewall(state, side, random)).state;
    }
  }
  const open = (g: import('../../src/engine').GameState) => s.cards.length - g.given.us.length - g.given.ru.length;
  console.log(
    `decision points: ${samples.length}, turns ${Math.min(...samples.map((x) => x.state.turn))}–${Math.max(...samples.map((x) => x.state.turn))}, ` +
      `${Math.min(...samples.map((x) => open(x.state)))}–${Math.max(...samples.map((x) => open(x.state)))} of ${s.cards.length} cards open, ` +
      `${Math.max(...samples.map((x) => engine.allMoves(x.state).length))} moves of history`,
  );

  for (const difficulty of ['hard', 'normal', 'easy'] as const) {
    const warm: number[] = [];
    const cold: number[] = [];
    for (const { state, side } of samples) {
      const cp = createCounterpart(s, side, difficulty, 1);
      cp.decide(state); // follows the game once
      for (let i = 0; i < REPEATS; i++) {
        let t0 = performance.now();
        cp.decide(state);
        warm.push(performance.now() - t0);
        t0 = performance.now();
        createCounterpart(s, side, difficulty, 1).decide(state);
        cold.push(performance.now() - t0);
      }
    }
    console.log(`agent decision, ${difficulty}, warm: ${summary(warm)}`);
    console.log(`agent decision, ${difficulty}, cold (after a reload): ${summary(cold)}`);
  }

  await inBrowser(s, samples);

  // The deal analysis in Node: analysis.bench.ts.
}

/**
 * The same decisions in headless Chromium (Vite's dev server, as the UI would call the counterpart):
 * the browser is the worst case the UI lives with.
 */
async function inBrowser(
  scenario: import('../../src/engine').Scenario,
  samples: { state: import('../../src/engine').GameState; side: string }[],
): Promise<void> {
  const { launchBrowser, startViteServer } = await import('../e2e/harness');
  const { url, server } = await startViteServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    // Any page of the dev server's origin can import the game's modules.
    await page.goto(`${url}/src/ai/counterpart.ts`);
    const load = () => page.evaluate(async (path) => !!(await import(/* @vite-ignore */ path)).createCounterpart, '/src/ai/counterpart.ts');
    await load().catch(async () => {
      await page.waitForLoadState('load'); // the dev server may reload once after optimising dependencies
      await load();
    });
    for (const difficulty of ['hard', 'easy'] as const) {
      const r = await page.evaluate(
        async ({ scenario, samples, difficulty, repeats, path }) => {
          const { createCounterpart } = (await import(/* @vite-ignore */ path)) as typeof import('../../src/ai/counterpart');
          const warm: number[] = [];
          const cold: number[] = [];
          for (const { state, side } of samples) {
            const cp = createCounterpart(scenario, side, difficulty, 1);
            cp.decide(state);
            for (let i = 0; i < repeats; i++) {
              let t0 = performance.now();
              cp.decide(state);
              warm.push(performance.now() - t0);
              t0 = performance.now();
              createCounterpart(scenario, side, difficulty, 1).decide(state);
              cold.push(performance.now() - t0);
            }
          }
          return { warm, cold };
        },
        { scenario, samples, difficulty, repeats: 10, path: '/src/ai/counterpart.ts' },
      );
      console.log(`browser (Chromium, dev server), ${difficulty}, warm: ${summary(r.warm)}`);
      console.log(`browser (Chromium, dev server), ${difficulty}, cold (after a reload): ${summary(r.cold)}`);
    }
    const a = await page.evaluate(async ({ scenario, path }) => {
      const { analyzeScenario } = (await import(/* @vite-ignore */ path)) as typeof import('../../src/ai/analysis');
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const fresh = { ...scenario };
        const t0 = performance.now();
        analyzeScenario(fresh);
        times.push(performance.now() - t0);
      }
      return times;
    }, { scenario, path: '/src/ai/analysis.ts' });
    console.log(`browser (Chromium, dev server), analysis: ${summary(a).replace(/decisions/, 'runs')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
