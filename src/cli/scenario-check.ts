// npm run scenario:check -- <files...> [--json] [--quiet] [--simulate N]
// Checks scenario files: one line per problem, file:line:column: message (at path). Exit 0 when every
// file is valid (warnings do not fail it), 1 when any has an error, 2 for a mistake in the command.
// --simulate N also plays N games for each pairing of the built-in strategies and reports balance.
import { parseArgs } from 'node:util';
import { playGame } from '../ai/runner';
import { STRATEGIES } from '../ai/strategies';
import { textOf, type Scenario } from '../engine';
import { formatProblem, type Problem } from '../scenario/load';
import { loadScenarioFile } from '../scenario/files';
import { useAuthorCwd } from './author-cwd';
import { proveClassLength, type ClassLengthProof } from './class-length';
import { readFileSync } from 'node:fs';
import { exitQuietlyWhenPipeCloses } from './pipe';

useAuthorCwd();
exitQuietlyWhenPipeCloses();

const usage = `usage: npm run scenario:check -- <scenario files...> [--json] [--quiet] [--translations] [--simulate N]
  --json          print the problems (and balance) as JSON
  --quiet         leave warnings out
  --translations  list every text without a Russian translation (otherwise the first few and a count)
  --simulate N  also play N games per pairing of the strategies ${Object.keys(STRATEGIES).join(', ')} and report balance`;

function fail(message: string): never {
  console.error(`scenario:check: ${message}\n${usage}`);
  process.exit(2);
}

interface Balance {
  games: number;
  /** The two seats, in the scenario's order: `first` plays the rows' strategy, `second` the columns'. */
  seats: [string, string];
  /** Per pairing of strategies: share of games each seat won (0..1), by seat id. */
  pairings: { first: string; second: string; games: number; won: Record<string, number>; failed?: string }[];
  /** Share of all games each seat won, by seat id. */
  won: Record<string, number>;
  tracksNeverMoved: string[];
  cardsNeverSigned: string[];
}

/** Play every pairing of the built-in strategies `n` times; which sides win, what never happens. */
function simulate(scenario: Scenario, n: number): Balance {
  const [a, b] = scenario.seats;
  const moved = new Set<string>();
  const signed = new Set<string>();
  const pairings: Balance['pairings'] = [];
  const won: Record<string, number> = { [a]: 0, [b]: 0 };
  let total = 0;
  for (const [firstName, first] of Object.entries(STRATEGIES))
    for (const [secondName, second] of Object.entries(STRATEGIES)) {
      const row: Balance['pairings'][number] = { first: firstName, second: secondName, games: 0, won: { [a]: 0, [b]: 0 } };
      for (let seed = 1; seed <= n; seed++) {
        try {
          const { state, outcome } = playGame(scenario, seed, { [a]: first, [b]: second });
          row.games++;
          for (const s of scenario.seats) if (outcome.sides[s].won) row.won[s]++;
          for (const t of scenario.tracks)
            if (state.tracks[t.id].stage !== t.start || state.history.some((h) => h.stages && h.stages[t.id] !== t.start)) moved.add(t.id);
          for (const side of scenario.seats) for (const c of state.given[side]) signed.add(c);
        } catch (e) {
          // A game the engine or an agent cannot finish is itself a finding about the scenario.
          row.failed = `seed ${seed}: ${(e as Error).message.split('\n')[0]}`;
          break;
        }
      }
      for (const s of scenario.seats) won[s] += row.won[s];
      total += row.games;
      pairings.push(row);
    }
  for (const s of scenario.seats) won[s] = total ? won[s] / total : 0;
  return {
    games: total,
    seats: [a, b],
    pairings,
    won,
    tracksNeverMoved: scenario.tracks.filter((t) => !moved.has(t.id)).map((t) => t.id),
    cardsNeverSigned: scenario.cards.filter((c) => !signed.has(c.id)).map((c) => c.id),
  };
}

/** Each problem on its own line; missing translations, often dozens in an English-only file, are counted after the first few. */
function printProblems(problems: Problem[], allTranslations: boolean): void {
  const isTranslation = (p: Problem) => p.severity === 'warning' && /Russian translation/.test(p.message);
  const translations = problems.filter(isTranslation);
  const shownTranslations = allTranslations ? translations : translations.slice(0, TRANSLATIONS_SHOWN);
  for (const p of problems) if (!isTranslation(p) || shownTranslations.includes(p)) console.log(formatProblem(p));
  const hidden = translations.slice(shownTranslations.length);
  if (hidden.length > 0) {
    const [first] = hidden;
    console.log(`${first.file}:${first.line}:${first.column}: warning: this and ${hidden.length - 1} more texts have no Russian translation (--translations lists them)`);
  }
}
const TRANSLATIONS_SHOWN = 3;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function printBalance(scenario: Scenario, b: Balance): void {
  const names = Object.keys(STRATEGIES);
  const [a, c] = scenario.seats;
  const name = (s: string) => textOf(scenario.sides[s].name);
  console.log(`${scenario.id} (${textOf(scenario.title)}): ${b.games} games, ${names.length * names.length} pairings of strategies`);
  console.log(`  wins (${name(a)} / ${name(c)}) by pairing; rows: the strategy of ${name(a)} (${a}), columns: of ${name(c)} (${c})`);
  console.log(`  ${''.padEnd(13)}${names.map((n) => n.padStart(14)).join('')}`);
  for (const first of names) {
    const cells = names.map((second) => {
      const r = b.pairings.find((p) => p.first === first && p.second === second)!;
      return (r.failed ? 'failed' : `${pct(r.games ? r.won[a] / r.games : 0)} / ${pct(r.games ? r.won[c] / r.games : 0)}`).padStart(14);
    });
    console.log(`  ${first.padEnd(13)}${cells.join('')}`);
  }
  console.log(`  overall: ${name(a)} won ${pct(b.won[a])} of games, ${name(c)} ${pct(b.won[c])}`);
  for (const side of scenario.seats)
    if (b.won[side] === 0) console.log(`  warning: ${name(side)} (${side}) never won: its goal may be out of reach`);
  console.log(`  tracks that never moved: ${b.tracksNeverMoved.join(', ') || 'none'}`);
  console.log(`  cards never signed: ${b.cardsNeverSigned.join(', ') || 'none'}`);
  for (const p of b.pairings) if (p.failed) console.log(`  ${p.first} vs ${p.second} could not finish a game (${p.failed})`);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        translations: { type: 'boolean', default: false },
        simulate: { type: 'string' },
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
if (positionals.length === 0) fail('name at least one scenario file, e.g. scenarios/reset-2009.yaml');
const games = values.simulate === undefined ? 0 : /^[1-9]\d{0,4}$/.test(values.simulate) ? Number(values.simulate) : fail(`--simulate needs a whole number of games (1 or more), not "${values.simulate}"`);

const report: { file: string; ok: boolean; problems: Problem[]; balance?: Balance; classLength?: ClassLengthProof }[] = [];
for (const file of positionals) {
  const r = loadScenarioFile(file);
  const problems = (r.ok ? r.warnings : r.problems).filter((p) => !values.quiet || p.severity === 'error');
  const entry: (typeof report)[number] = { file, ok: r.ok, problems };
  // The class length: each side must be able to reach its goal in it, shown by a game it wins.
  const proof = r.ok ? proveClassLength(r.scenario) : null;
  if (r.ok && proof) {
    entry.classLength = proof;
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => /^classLength:/.test(l)) + 1 || 1;
    for (const side of r.scenario.seats)
      if (!proof.witnesses[side]) {
        entry.ok = false;
        problems.push({ file, line, column: 1, path: 'classLength', severity: 'error', message: `${textOf(r.scenario.sides[side].name)} (${side}) cannot reach its goal ${r.scenario.classLength!.goals[side]} in the class length's ${proof.turns} turns in any of ${proof.games} games of the built-in strategies: lower its goal under classLength.goals, or give the class length more turns` });
      }
  }
  if (!values.json) printProblems(problems, values.translations!);
  if (r.ok && proof && entry.ok && !values.json && !values.quiet) {
    const { scenario } = r;
    const shown = (w: NonNullable<ClassLengthProof['together']>) => `${scenario.seats.map((s) => w.strategies[s]).join(' vs ')}, seed ${w.seed}`;
    console.log(
      `${file}: class length (${proof.turns} turns): ` +
        scenario.seats.map((s) => { const w = proof.witnesses[s]!; return `${textOf(scenario.sides[s].name)} can reach its goal ${w.goal} (${shown(w)}: ${w.score})`; }).join('; ') +
        (proof.together ? `; both at once (${shown(proof.together)})` : '; never both at once in these games'),
    );
  }
  if (r.ok && games > 0) {
    entry.balance = simulate(r.scenario, games);
    if (!values.json) printBalance(r.scenario, entry.balance);
  }
  report.push(entry);
}
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  const errors = report.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = report.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  const valid = report.filter((r) => r.ok).length;
  console.error(`${valid} of ${report.length} file${report.length === 1 ? '' : 's'} valid; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
}
process.exitCode = report.every((r) => r.ok) ? 0 : 1;
