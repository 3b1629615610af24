// The scenario commands as an author runs them: real processes, real files.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInScenarioFiles, loadScenarioFile, requireScenario } from '../../src/scenario/files';
import { formatProblem } from '../../src/scenario/load';
import { runCli } from '../cli-process';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const BROKEN = join(ROOT, 'tests/fixtures/scenarios/broken');
const work = mkdtempSync(join(tmpdir(), 'reset-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (script: string, args: string[]) => runCli(script, args, { cwd: work });
const check = (...args: string[]) => run('scenario-check.ts', args);
// Each test starts one to four processes: generous for a loaded 2-core machine.
const SLOW = 240_000;

describe('npm run scenario:check', () => {
  it('passes the five shipped scenarios (translation warnings do not fail it)', async () => {
    const r = await check('--quiet', ...builtInScenarioFiles());
    expect(r.out).toBe('');
    expect(r.err).toContain('5 of 5 files valid; 0 errors');
    expect(r.code).toBe(0);
  }, SLOW);

  it('prints one file:line:column line per problem, no stack trace, and fails', async () => {
    const files = ['card-unknown-track.yaml', 'turns-not-a-number.yaml', 'not-yaml.txt', 'empty.yaml', 'deep-nesting.yaml'].map((f) => join(BROKEN, f));
    const r = await check('--quiet', ...files);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toContain(`${files[0]}:64:12: unknown track "arm"; did you mean "arms"? (at cards[0].track)`);
    expect(lines).toContain(`${files[1]}:10:8: expected a whole number, found string "eight" (at turns)`);
    for (const l of lines) expect(l).toMatch(/^\S+:\d+:\d+: \S/);
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
    expect(r.err).toContain('0 of 5 files valid');
  }, SLOW);

  it('--json prints the problems as data', async () => {
    const file = join(BROKEN, 'duplicate-card-id.yaml');
    const r = await check('--json', file);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out) as { file: string; ok: boolean; problems: { line: number; column: number; path: string; message: string; severity: string }[] }[];
    expect(data[0]).toMatchObject({ file, ok: false });
    expect(data[0].problems[0]).toEqual({ file, line: 68, column: 9, path: 'cards[1].id', message: 'duplicate card id "cut-warheads" (first used at cards[0])', severity: 'error' });
  }, SLOW);

  it('warnings alone do not fail the check, and are shown unless --quiet', async () => {
    const file = join(work, 'english-only.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'tests/fixtures/scenarios/valid/small.yaml'), 'utf8'));
    const r = await check(file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file}:8:8: warning: missing Russian translation`);
    // An English-only file has dozens: the first few, then a count; --translations lists them all.
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^\S+:\d+:\d+: warning: this and \d+ more texts have no Russian translation/);
    const all = await check('--translations', file);
    expect(all.out.trim().split('\n').length).toBeGreaterThan(10);
    const json = JSON.parse((await check('--json', file)).out) as { problems: unknown[] }[];
    expect(json[0].problems.length).toBe(all.out.trim().split('\n').length);
  }, SLOW);

  it('--simulate N plays every pairing of the strategies and reports balance', async () => {
    const r = await check('--quiet', '--simulate', '2', join(ROOT, 'tests/fixtures/scenarios/valid/small.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('32 games, 16 pairings of strategies');
    expect(r.out).toMatch(/overall: United States won \d+% of games, Russia \d+%/);
    expect(r.out).toMatch(/tracks that never moved: /);
    expect(r.out).toMatch(/cards never signed: /);
    const json = await check('--json', '--quiet', '--simulate', '1', join(ROOT, 'tests/fixtures/scenarios/valid/small.yaml'));
    const balance = (JSON.parse(json.out) as { balance: { games: number; pairings: unknown[]; tracksNeverMoved: string[] } }[])[0].balance;
    expect(balance.games).toBe(16);
    expect(balance.pairings).toHaveLength(16);
  }, SLOW);

  it('--simulate reports tracks that never move and cards never signed', async () => {
    // A track whose only card is a red line of its giver, with no event touching it, never moves.
    const text = readFileSync(join(ROOT, 'tests/fixtures/scenarios/valid/small.yaml'), 'utf8').replace(
      '    priorities: { arms: 5, trade: 7 }',
      '    priorities: { arms: 5, trade: 7 }\n    redLines:\n      - { card: open-market, why: Never. }',
    ).replace(/  - id: lift-tariffs\n(    .*\n){5}/, '');
    const file = join(work, 'stuck.yaml');
    writeFileSync(file, text);
    const r = await check('--quiet', '--simulate', '2', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('tracks that never moved: trade');
    expect(r.out).toContain('cards never signed: open-market');
  }, SLOW);

  it('--simulate calls the sides by the names the scenario gives them', async () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/scenarios/valid/small.yaml'), 'utf8')
      .replace('    name: United States', '    name: Canada')
      .replace('    name: Russia', '    name: United States');
    const file = join(work, 'lumber.yaml');
    writeFileSync(file, text);
    const r = await check('--quiet', '--simulate', '1', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('wins (Canada / United States) by pairing');
    expect(r.out).toMatch(/overall: Canada won \d+% of games, United States \d+%/);
    const sim = await run('sim.ts', [file, '--seed', '1']);
    expect(sim.out).toMatch(/^Canada: score /m);
    expect(sim.out).toMatch(/^United States: score /m);
  }, SLOW);

  it('stops quietly when the reader closes the pipe, as | head does', async () => {
    // The warnings come at once, the balance after the games: by then nobody reads.
    const child = spawn(TSX, [join(ROOT, 'src/cli/scenario-check.ts'), '--simulate', '2', join(ROOT, 'tests/fixtures/scenarios/valid/small.yaml')], { cwd: work });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.on('close', done));
    expect(err).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  }, SLOW);

  it('explains a mistake in the command itself with exit code 2', async () => {
    expect((await check()).code).toBe(2);
    const r = await check('--simulate', 'lots', 'x.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--simulate needs a whole number');
  }, SLOW);
});

describe('run through npm from the author\'s own folder', () => {
  // npm starts scripts in the package root and keeps the folder the command was typed in as INIT_CWD.
  const viaNpm = (script: string, args: string[]) => runCli(script, args, { cwd: ROOT, env: { ...process.env, INIT_CWD: work, npm_lifecycle_script: `tsx src/cli/${script}` } });

  it('scenario:new and scenario:check take relative paths from that folder, not the game\'s', async () => {
    const made = await viaNpm('scenario-new.ts', ['from-my-folder.yaml']);
    expect(made.code).toBe(0);
    expect(existsSync(join(work, 'from-my-folder.yaml'))).toBe(true);
    expect(existsSync(join(ROOT, 'from-my-folder.yaml'))).toBe(false);
    expect(made.out).toContain(`npm --prefix ${ROOT} run scenario:check -- from-my-folder.yaml`);
    const checked = await viaNpm('scenario-check.ts', ['--quiet', 'from-my-folder.yaml']);
    expect({ code: checked.code, out: checked.out }).toEqual({ code: 0, out: '' });
    const sim = await viaNpm('sim.ts', ['from-my-folder.yaml', '--seed', '1']);
    expect(sim.code).toBe(0);
  }, SLOW);
});

describe('npm run scenario:new', () => {
  it('writes a commented starter that passes the checker, and refuses to overwrite it', async () => {
    const file = join(work, 'my-class.yaml');
    const first = await run('scenario-new.ts', [file]);
    expect(first.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# /m);
    expect(text).toContain('id: my-class');
    const checked = await check('--quiet', file);
    expect({ code: checked.code, out: checked.out }).toEqual({ code: 0, out: '' });
    writeFileSync(file, text + '# my edits\n');
    const again = await run('scenario-new.ts', [file]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toContain('# my edits');
  }, SLOW);

  it('writes the two sides the author names, with a graded option, and no United States or Russia', async () => {
    const file = join(work, 'indus.yaml');
    const made = await run('scenario-new.ts', [file, '--sides', 'india,pakistan=Islamic Republic of Pakistan']);
    expect(made.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^sides:\n  india:\n    name: India\n/m);
    expect(text).toMatch(/^  pakistan:\n    name: Islamic Republic of Pakistan\n/m);
    expect(text).toMatch(/^    options:\n      - \{ id: /m);
    expect(text).not.toMatch(/United States|Russia\b|Washington|Moscow|side: (us|ru)\b|\.(us|ru)\b/);
    const r = loadScenarioFile(file);
    expect(r.ok ? r.warnings.filter((w) => !/translation/.test(w.message)).map(formatProblem) : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.seats).toEqual(['india', 'pakistan']);
    expect(r.scenario.cards.filter((c) => c.issue !== undefined).map((c) => c.level)).toEqual([1, 2]);
    // Without a terminal to ask in and without --sides: the guide's Westland and Eastland.
    const plain = join(work, 'plain.yaml');
    expect((await run('scenario-new.ts', [plain])).code).toBe(0);
    expect(loadScenarioFile(plain).ok && requireScenario(plain).seats).toEqual(['westland', 'eastland']);
  }, SLOW);

  it('refuses --sides that are not two different ids, and writes nothing', async () => {
    for (const [sides, said] of [
      ['india', 'exactly two sides'],
      ['india,india', 'two different ids'],
      ['India,pakistan', '"India" is not a usable side id'],
    ]) {
      const file = join(work, 'bad-sides.yaml');
      const r = await run('scenario-new.ts', [file, '--sides', sides]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(said);
      expect(existsSync(file)).toBe(false);
    }
  }, SLOW);

  it('refuses a name that is not an id', async () => {
    const r = await run('scenario-new.ts', [join(work, 'My Class.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a usable id');
  }, SLOW);
});
