// The computer counterpart's acceptance figures (issue 16), over every shipped scenario and seat:
// - what it must never do: ask for a red line the other side declared, send again a package a reasoned refusal
//   ruled out, propose a package giving nothing without saying why (counted at the moment of each decision);
// - that it cannot be gamed: against agent:hard an always-hostile reciprocator scores less than a conciliatory one,
//   the hardliner less than the agent, the conceder less than the agent;
// - that difficulty is felt: a fixed cooperative player's goal rate falls Easy → Normal → Hard by ≥ 15 points a step;
// - that it finds the integrative value: two agent:hard reach ≥ 80 % of the joint score of two reciprocators.
// The scripted players declare their red lines and give reasons for refusals (withReasons). Run alone with
// `npm run bench -- counterpart`; COUNTERPART_SEEDS sets the games per cell (default 8), COUNTERPART_DIFFICULTY_SEEDS
// those of the difficulty figures (default 50).
import { basename } from 'node:path';

export async function run(): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  const engine = await import('../../src/engine');
  const { NegotiatorAgent } = await import('../../src/ai/agent');
  const { playGame } = await import('../../src/ai/runner');
  const { STRATEGIES, hostileReciprocator, withReasons } = await import('../../src/ai/strategies');
  const { builtInScenarioFiles, requireScenario } = await import('../../src/scenario/files');
  type Strategy = import('../../src/ai/strategies').Strategy;
  type Difficulty = import('../../src/ai/agent').Difficulty;
  type Scenario = import('../../src/engine').Scenario;

  const seeds = Array.from({ length: Number(process.env.COUNTERPART_SEEDS ?? 8) }, (_, i) => i + 1);
  const scenarios = builtInScenarioFiles().map((f) => ({ name: basename(f, '.yaml'), s: requireScenario(f) }));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const f1 = (x: number) => x.toFixed(1);

  const faults = { decisions: 0, proposals: 0, declared: 0, ruledOut: 0, nothingUnexplained: 0, examples: [] as string[] };
  /** The agent as a player, its proposals checked against what its own view showed when it made them. */
  const agentPlayer = (s: Scenario, side: string, difficulty: Difficulty, seed: number): Strategy => {
    const agent = new NegotiatorAgent(engine.scenarioFor(s, side), side, difficulty, seed);
    return (ctx) => {
      const { move, reason } = agent.decide(ctx.view);
      faults.decisions++;
      if (move.type === 'propose' || move.type === 'counter') {
        faults.proposals++;
        const them = engine.otherSide(s.seats, side);
        const declared = engine.declaredRedLines(ctx.view, them);
        const note = (what: string) => faults.examples.length < 5 && faults.examples.push(`${what}: turn ${ctx.view.turn} ${side} ${JSON.stringify(move)} — ${reason}`);
        if (move.ask.some((id) => declared.includes(id))) (faults.declared++, note('declared red line'));
        if (engine.ruledOut(ctx.view, side, move)) (faults.ruledOut++, note('ruled out'));
        if (move.give.length === 0 && !/owes|would freeze/.test(reason ?? '')) (faults.nothingUnexplained++, note('nothing given'));
      }
      return move;
    };
  };
  const scripted = (name: string): Strategy => withReasons(name === 'hostile-reciprocator' ? hostileReciprocator : STRATEGIES[name]);
  const versus = (s: Scenario, agentSide: string, seed: number, player: Strategy, difficulty: Difficulty = 'hard') => {
    const them = engine.otherSide(s.seats, agentSide);
    return playGame(s, seed, { [agentSide]: agentPlayer(s, agentSide, difficulty, seed), [them]: player });
  };

  const only = (process.env.COUNTERPART_ONLY ?? 'abcd').split('');
  let met = true;
  const check = (ok: boolean) => {
    met &&= ok;
    return ok ? 'met' : 'NOT MET';
  };

  if (only.includes('a')) {
  console.log(`\n-- against agent:hard (${seeds.length} games per cell; player's score / agent's score)`);
  console.log('scenario                       agent  hostile-recip  reciprocator   hardliner      conceder      hostile<recip hard<agent conc<agent');
  const cells: boolean[] = [];
  for (const { name, s } of scenarios)
    for (const agentSide of s.seats) {
      const player = engine.otherSide(s.seats, agentSide);
      const scores = (strategy: string) => {
        const games = seeds.map((seed) => versus(s, agentSide, seed, scripted(strategy)));
        return { player: mean(games.map((g) => g.outcome.sides[player].score)), agent: mean(games.map((g) => g.outcome.sides[agentSide].score)) };
      };
      const hr = scores('hostile-reciprocator');
      const rc = scores('reciprocator');
      const hl = scores('hardliner');
      const cn = scores('conceder');
      const ok = [hr.player < rc.player, hl.player < hl.agent, cn.player < cn.agent];
      cells.push(...ok);
      const pair = (x: { player: number; agent: number }) => `${f1(x.player).padStart(5)} / ${f1(x.agent).padEnd(5)}`;
      console.log(
        `${name.padEnd(30)} ${agentSide.padEnd(5)}  ${pair(hr)}  ${pair(rc)}  ${pair(hl)}  ${pair(cn)}  ${ok.map((x) => (x ? 'yes' : 'NO').padEnd(11)).join('')}`,
      );
    }
  console.log(`cells holding: ${cells.filter(Boolean).length} of ${cells.length} — ${check(cells.every(Boolean))}`);
  }

  if (only.includes('b')) {
  // Two fixed cooperative players: the plain reciprocator, the player goals are set by (npm run balance --
  // --suggest-goals puts its goal rate against agent:hard near 45 %), and the same reciprocator giving reasons for its
  // refusals and declaring its red lines, which the agent learns from (so it does better against every level).
  const players: [string, Strategy][] = [
    ['reciprocator (the player goals are set by)', STRATEGIES.reciprocator],
    ['reciprocator giving reasons', scripted('reciprocator')],
  ];
  // Goal rates move in steps of one game in a hundred and more: more games than the other figures need.
  const games = Array.from({ length: Number(process.env.COUNTERPART_DIFFICULTY_SEEDS ?? 50) }, (_, i) => i + 1);
  for (const [label, player] of players) {
  console.log(`\n-- difficulty (${games.length} games per seat and level): a cooperative player's goal rate against Easy / Normal / Hard, averaged over seats: ${label}`);
  for (const { name, s } of scenarios) {
    const rate = (difficulty: Difficulty) =>
      100 *
      mean(
        s.seats.flatMap((agentSide) =>
          games.map((seed) => (versus(s, agentSide, seed, player, difficulty).outcome.sides[engine.otherSide(s.seats, agentSide)].won ? 1 : 0)),
        ),
      );
    const [e, n, h] = (['easy', 'normal', 'hard'] as const).map(rate);
    console.log(`${name.padEnd(30)} easy ${f1(e).padStart(5)} %  normal ${f1(n).padStart(5)} %  hard ${f1(h).padStart(5)} %  steps ${f1(e - n)}, ${f1(n - h)} — ${check(e - n >= 15 && n - h >= 15)}`);
  }
  }
  }
  if (only.includes('c')) {
  console.log(`\n-- joint score: two agent:hard against two reciprocators`);
  const joints: { agents: number; recips: number }[] = [];
  for (const { name, s } of scenarios) {
    const [a, b] = s.seats;
    const agents = mean(seeds.map((seed) => playGame(s, seed, { [a]: agentPlayer(s, a, 'hard', seed), [b]: agentPlayer(s, b, 'hard', seed + 100) }).outcome.joint));
    const recips = mean(seeds.map((seed) => playGame(s, seed, { [a]: STRATEGIES.reciprocator, [b]: STRATEGIES.reciprocator }).outcome.joint));
    joints.push({ agents, recips });
    console.log(`${name.padEnd(30)} agents ${f1(agents).padStart(6)}  reciprocators ${f1(recips).padStart(6)}  ${f1((100 * agents) / recips)} %`);
  }
  const share = (100 * mean(joints.map((j) => j.agents))) / mean(joints.map((j) => j.recips));
  console.log(`all scenarios: ${f1(share)} % (target ≥ 80 %) — ${check(share >= 80)}`);
  }

  console.log(`\n-- what it never does (${faults.proposals} proposals in ${faults.decisions} decisions of the agent)`);
  console.log(`asking for a declared red line: ${faults.declared} — ${check(faults.declared === 0)}`);
  console.log(`sending again a package a reasoned refusal ruled out: ${faults.ruledOut} — ${check(faults.ruledOut === 0)}`);
  console.log(`giving nothing without saying why: ${faults.nothingUnexplained} — ${check(faults.nothingUnexplained === 0)}`);
  for (const e of faults.examples) console.log(`  ${e}`);
  console.log(`\ncounterpart acceptance: ${met ? 'all met' : 'some NOT MET (above)'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
