// npm run golden:record [-- --write] [--same-rules]
// Records the golden corpus (tests/fixtures/golden/): whole games over every shipped scenario, every pairing
// of players on each side (the scripted strategies and the computer counterpart at each difficulty), a few
// seeds each, and some games with a teacher's injects. Without --write it only says what would change.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DIFFICULTIES, NegotiatorAgent, type Difficulty } from '../src/ai/agent';
import { agentStrategy, playGame } from '../src/ai/runner';
import { STRATEGIES, contextFor, type Strategy } from '../src/ai/strategies';
import {
  RULES_VERSION,
  allMoves,
  applyInject,
  applyMove,
  createGame,
  makeRandom,
  nextActors,
  scenarioFor,
  whyNotInject,
  type GameState,
  type Inject,
  type Scenario,
  type Side,
} from '../src/engine';
import { builtInScenarioFiles, requireScenario } from '../src/scenario/files';
import {
  GOLDEN_DIR,
  RECORD_COMMAND,
  canonicalJson,
  divergence,
  encodeGolden,
  gameName,
  goldenFile,
  goldenScenarios,
  readGolden,
  replayGolden,
  stateHash,
  type GoldenLog,
} from '../tests/golden';

const SEEDS = [1, 2, 3];
const EVERY = 5;
const PLAYERS = [...Object.keys(STRATEGIES), ...DIFFICULTIES.map((d) => `agent:${d}`)];
/** Pairings that also get a teacher's injects, on these seeds. */
const INJECT_PAIRINGS: [string, string][] = [
  ['reciprocator', 'random'],
  ['agent:normal', 'hardliner'],
  ['conceder', 'agent:hard'],
  ['agent:easy', 'agent:easy'],
];
const INJECT_SEEDS = [1, 2];

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, 'same-rules': { type: 'boolean', default: false } } });

/** A player for one game: a counterpart agent is made afresh for each game (as npm run sim does). */
function playerFor(scenario: Scenario, name: string, side: Side, seed: number): Strategy {
  if (name.startsWith('agent:')) return agentStrategy(new NegotiatorAgent(scenarioFor(scenario, side), side, name.slice('agent:'.length) as Difficulty, seed));
  const strategy = STRATEGIES[name];
  if (!strategy) throw new Error(`unknown player ${name}`);
  return strategy;
}

/** Two or three injects at moves the seed picks: a scenario event, a written one with effects, sometimes another event. */
function plannedInjects(scenario: Scenario, seed: number): { before: number; inject: Inject }[] {
  const random = makeRandom(seed * 7919 + scenario.id.length);
  const event = () => scenario.events[Math.floor(random() * scenario.events.length)].id;
  const plan: { before: number; inject: Inject }[] = [
    { before: 3 + Math.floor(random() * 10), inject: { kind: 'event', event: event() } },
    {
      before: 15 + Math.floor(random() * 15),
      inject: { kind: 'written', id: 'inject-2', title: 'A jet buzzes a destroyer', text: 'A close pass over the Baltic.', effects: [{ meter: 'trust.us', delta: -5 }, { meter: 'escalation', delta: 8 }] },
    },
  ];
  if (random() < 0.5) plan.push({ before: 32 + Math.floor(random() * 15), inject: { kind: 'event', event: event() } });
  return plan;
}

/** playGame with a teacher's injects fired between moves (as the classroom server fires them). */
function playWithInjects(scenario: Scenario, seed: number, agents: Record<Side, Strategy>, plan: { before: number; inject: Inject }[]) {
  let state: GameState = createGame(scenario, seed);
  const random: Record<string, () => number> = Object.fromEntries(scenario.seats.map((s, i) => [s, makeRandom(seed * 2 + 1 + i)]));
  const fired: { before: number; inject: Inject }[] = [];
  for (let i = 0; i < 5000 && state.phase !== 'ended'; i++) {
    for (const p of plan.filter((p) => p.before === i)) {
      if (whyNotInject(scenario, state, p.inject) !== null) continue;
      state = applyInject(scenario, state, p.inject);
      fired.push(p);
    }
    const side = nextActors(state)[0];
    const move = agents[side](contextFor(scenario, state, side, random[side]));
    const r = applyMove(scenario, state, move);
    if (!r.ok) throw new Error(`${scenario.id} seed ${seed}: ${side}'s ${move.type} refused: ${r.reason}`);
    state = r.state;
  }
  if (state.phase !== 'ended') throw new Error(`${scenario.id} seed ${seed}: the game did not end`);
  return { state, injects: fired };
}

function record(scenario: Scenario, us: string, ru: string, seed: number, withInjects: boolean): GoldenLog {
  const agents = { us: playerFor(scenario, us, 'us', seed), ru: playerFor(scenario, ru, 'ru', seed) };
  const played = withInjects ? playWithInjects(scenario, seed, agents, plannedInjects(scenario, seed)) : { ...playGame(scenario, seed, agents), injects: [] };
  const log = { seed, moves: allMoves(played.state), every: EVERY, ...(played.injects.length ? { injects: played.injects } : {}) };
  const replayed = replayGolden(scenario, log);
  // The hashes come from the replay, the corpus's own way; it must end where the game did.
  if (replayed.refused || replayed.final !== stateHash(played.state)) throw new Error(`${scenario.id} seed ${seed} ${us}/${ru}: the replay does not reproduce the game`);
  return { rules: RULES_VERSION, scenario: scenario.id, seed, us, ru, moves: log.moves, ...(log.injects ? { injects: log.injects } : {}), every: EVERY, hashes: replayed.hashes, final: replayed.final };
}

const key = (l: GoldenLog) => `${l.us}|${l.ru}|${l.seed}|${l.injects ? 'injects' : ''}`;
const t0 = performance.now();
let total = 0;
let changedFiles = 0;
let rulesDiverged = 0;
const files = new Map<string, Buffer>();
for (const file of builtInScenarioFiles()) {
  const scenario = requireScenario(file);
  const logs: GoldenLog[] = [];
  for (const us of PLAYERS) for (const ru of PLAYERS) for (const seed of SEEDS) logs.push(record(scenario, us, ru, seed, false));
  for (const [us, ru] of INJECT_PAIRINGS) for (const seed of INJECT_SEEDS) logs.push(record(scenario, us, ru, seed, true));
  total += logs.length;

  // What changed: the recorded logs replayed under today's rules, then today's players against the recording.
  const old = readGolden(scenario.id);
  const diverging = old
    .map((l) => ({ l, d: divergence(l, replayGolden(scenario, l)) }))
    .filter((x) => x.d !== null)
    .sort((a, b) => a.d!.afterMove - b.d!.afterMove); // the soonest points closest to what changed
  const oldByKey = new Map(old.map((l) => [key(l), l]));
  const replayed = logs.filter((l) => {
    const o = oldByKey.get(key(l));
    return !o || canonicalJson(o) !== canonicalJson(l);
  });
  const gone = old.filter((o) => !logs.some((l) => key(l) === key(o)));
  const bytes = encodeGolden(logs);
  const same = existsSync(goldenFile(scenario.id)) && readFileSync(goldenFile(scenario.id)).equals(bytes);
  if (!same) {
    changedFiles++;
    files.set(goldenFile(scenario.id), bytes);
  }
  rulesDiverged += diverging.length;
  const moves = logs.reduce((n, l) => n + l.moves.length, 0);
  console.log(`${scenario.id}: ${logs.length} games, ${moves} moves, ${(bytes.length / 1024).toFixed(0)} KiB${same ? ', unchanged' : ''}`);
  if (old.length === 0) console.log('  no recording yet');
  else {
    if (diverging.length) {
      console.log(`  ${diverging.length} of ${old.length} recorded logs no longer replay to their hashes under today's rules; the soonest to differ:`);
      console.log(`    ${gameName(diverging[0].l)}: ${diverging[0].d!.text}`);
    }
    const differ = replayed.filter((l) => oldByKey.has(key(l)));
    if (differ.length) {
      const o = oldByKey.get(key(differ[0]))!;
      const at = differ[0].moves.findIndex((m, i) => JSON.stringify(m) !== JSON.stringify(o.moves[i]));
      console.log(`  ${differ.length} games differ from their recording (moves or hashes); the first: ${gameName(differ[0])}, ${at >= 0 ? `moves differ from move ${at + 1}` : differ[0].moves.length !== o.moves.length ? 'a different length' : 'same moves, other hashes'}`);
    }
    const added = replayed.length - differ.length;
    if (added) console.log(`  ${added} new games`);
    if (gone.length) console.log(`  ${gone.length} recorded games no longer recorded`);
    if (!same && !diverging.length && !replayed.length && !gone.length) console.log('  the same games, written differently');
  }
}
console.log(`${total} games recorded in ${((performance.now() - t0) / 1000).toFixed(1)} s (rules version ${RULES_VERSION})`);

if (changedFiles === 0) console.log('The corpus is up to date.');
else if (!values.write) {
  console.log(`${changedFiles} files would change. Nothing written: run ${RECORD_COMMAND} to replace them.`);
  process.exitCode = 1;
} else if (rulesDiverged > 0 && goldenScenarios().some((id) => readGolden(id).some((l) => l.rules === RULES_VERSION)) && !values['same-rules']) {
  // Saves and logs replay the moves: if the same moves now make another game, old saves would resume wrong.
  console.log(
    `Refused: ${rulesDiverged} recorded logs replay differently, so the rules (or a shipped scenario) changed, but RULES_VERSION is still ${RULES_VERSION}. ` +
      'Raise it in src/engine/game.ts (saves from the old rules are then refused cleanly) and record again; ' +
      'or, if only the state’s shape changed and not the game, map it back in gameContent (tests/golden.ts). --same-rules writes anyway.',
  );
  process.exitCode = 1;
} else {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const [file, bytes] of files) writeFileSync(file, bytes);
  console.log(`Wrote ${changedFiles} files under ${relative(process.cwd(), GOLDEN_DIR)}/.`);
}
