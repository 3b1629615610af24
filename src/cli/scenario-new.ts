// npm run scenario:new -- <name | path.yaml> [--sides <id>[=<Name>],<id>[=<Name>]]
// Writes a small, commented, valid starter scenario: scenarios/<name>.yaml for a plain name, or the
// path given. Never overwrites a file. The two sides are the author's: given with --sides, asked for
// when the command runs in a terminal, else the guide's Westland and Eastland.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { SCENARIO_DIR } from '../scenario/files';
import { nameOfId, STARTER_SIDES, starterScenario, whyNotSides, type StarterSide } from '../scenario/starter';
import { useAuthorCwd } from './author-cwd';
import { exitQuietlyWhenPipeCloses } from './pipe';

useAuthorCwd();
exitQuietlyWhenPipeCloses();

const usage = `usage: npm run scenario:new -- <name> [--sides <id>,<id>]
  <name>    a short id such as my-scenario, or a path ending in .yaml
  --sides   the ids of the two sides, each with the name players see if it is not the id capitalised:
            --sides india,pakistan   or   --sides "us=United States,ru=Russia"
            (without --sides the command asks, in a terminal; otherwise it writes Westland and Eastland)`;

function fail(message: string, code = 2): never {
  console.error(`scenario:new: ${message}${code === 2 ? `\n${usage}` : ''}`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { sides: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (e) {
    return fail((e as Error).message);
  }
})();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const arg = positionals[0];
if (!arg) fail('name the new scenario');
const isPath = /[/\\]|\.ya?ml$/.test(arg);
const file = isPath ? resolve(arg.endsWith('.yaml') || arg.endsWith('.yml') ? arg : `${arg}.yaml`) : resolve(SCENARIO_DIR, `${arg}.yaml`);
const id = basename(file).replace(/\.ya?ml$/, '');
if (!/^[a-z][a-z0-9-]{0,39}$/.test(id)) fail(`"${id}" is not a usable id: use lower-case letters, digits and dashes, starting with a letter`);
if (existsSync(file)) fail(`${file} already exists; choose another name (nothing was written)`, 1);
if (!existsSync(dirname(file))) fail(`the folder ${dirname(file)} does not exist`, 1);

/** "india" or "us=United States": a side's id, and its name (the id capitalised when none is given). */
const sideOf = (text: string): StarterSide => {
  const [sideId, ...name] = text.split('=');
  return { id: sideId.trim(), name: name.join('=').trim() || nameOfId(sideId.trim()) };
};

async function askSides(): Promise<[StarterSide, StarterSide]> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const out: StarterSide[] = [];
    for (const [i, fallback] of STARTER_SIDES.entries()) {
      const which = i === 0 ? 'First side (it proposes first)' : 'Second side';
      let sideId = '';
      let typed = '';
      for (;;) {
        typed = (await rl.question(`${which}: its id, lower-case (e.g. india) [${fallback.id}]: `)).trim();
        // "India" or "East Timor" typed as a name: the id it would be (india, east-timor).
        sideId = typed.toLowerCase().replace(/[\s_.]+/g, '-').replace(/[^a-z0-9-]/g, '') || fallback.id;
        const why = whyNotSides(sideId, i === 0 ? `${sideId}-other` : out[0].id);
        if (!why) break;
        console.log(why);
      }
      const suggested = sideId === fallback.id && !typed ? fallback.name : typed !== sideId && typed ? typed : nameOfId(sideId);
      const name = (await rl.question(`  Its name, as players see it [${suggested}]: `)).trim() || suggested;
      out.push({ id: sideId, name });
    }
    return [out[0], out[1]];
  } finally {
    rl.close();
  }
}

async function chooseSides(): Promise<readonly [StarterSide, StarterSide]> {
  if (values.sides !== undefined) {
    const given = values.sides.split(',').map(sideOf);
    if (given.length !== 2) fail(`--sides names exactly two sides, separated by a comma (got ${given.length}: ${values.sides})`);
    const why = whyNotSides(given[0].id, given[1].id);
    if (why) fail(why);
    return [given[0], given[1]];
  }
  return process.stdin.isTTY && process.stdout.isTTY ? askSides() : STARTER_SIDES;
}

const sides = await chooseSides().catch((e: Error) => {
  // Ctrl+D or Ctrl+C at a question: the author changed their mind.
  if (e.name === 'AbortError') fail('stopped before the sides were named; nothing was written', 1);
  throw e;
});
const schema = relative(dirname(file), resolve(SCENARIO_DIR, 'schema.json')).replace(/\\/g, '/');
writeFileSync(file, starterScenario(id, schema.startsWith('.') ? schema : `./${schema}`, sides), { flag: 'wx' });
const shownPath = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
// Outside the game's folder plain `npm run` finds no package.json: show the command that works from here.
const root = resolve(SCENARIO_DIR, '..');
const inRoot = !relative(root, process.cwd()).startsWith('..');
const npmRun = inRoot ? 'npm run' : `npm --prefix ${root} run`;
console.log(`wrote ${shownPath} (sides ${sides.map((s) => `${s.id}: ${s.name}`).join(', ')})\ncheck it with: ${npmRun} scenario:check -- ${shownPath}`);
