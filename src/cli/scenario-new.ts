// npm run scenario:new -- <name | path.yaml>
// Writes a small, commented, valid starter scenario: scenarios/<name>.yaml for a plain name, or the
// path given. Never overwrites a file.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { SCENARIO_DIR } from '../scenario/files';
import { starterScenario } from '../scenario/starter';
import { useAuthorCwd } from './author-cwd';
import { exitQuietlyWhenPipeCloses } from './pipe';

useAuthorCwd();
exitQuietlyWhenPipeCloses();

const usage = 'usage: npm run scenario:new -- <name>   (a short id such as my-scenario, or a path ending in .yaml)';
const arg = process.argv.slice(2).find((a) => a !== '--');
if (!arg || arg.startsWith('-')) {
  console.error(`scenario:new: name the new scenario\n${usage}`);
  process.exit(2);
}
const isPath = /[/\\]|\.ya?ml$/.test(arg);
const file = isPath ? resolve(arg.endsWith('.yaml') || arg.endsWith('.yml') ? arg : `${arg}.yaml`) : resolve(SCENARIO_DIR, `${arg}.yaml`);
const id = basename(file).replace(/\.ya?ml$/, '');
if (!/^[a-z][a-z0-9-]{0,39}$/.test(id)) {
  console.error(`scenario:new: "${id}" is not a usable id: use lower-case letters, digits and dashes, starting with a letter\n${usage}`);
  process.exit(2);
}
if (existsSync(file)) {
  console.error(`scenario:new: ${file} already exists; choose another name (nothing was written)`);
  process.exit(1);
}
if (!existsSync(dirname(file))) {
  console.error(`scenario:new: the folder ${dirname(file)} does not exist`);
  process.exit(1);
}
const schema = relative(dirname(file), resolve(SCENARIO_DIR, 'schema.json')).replace(/\\/g, '/');
writeFileSync(file, starterScenario(id, schema.startsWith('.') ? schema : `./${schema}`), { flag: 'wx' });
const shownPath = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
// Outside the game's folder plain `npm run` finds no package.json: show the command that works from here.
const root = resolve(SCENARIO_DIR, '..');
const inRoot = !relative(root, process.cwd()).startsWith('..');
const npmRun = inRoot ? 'npm run' : `npm --prefix ${root} run`;
console.log(`wrote ${shownPath}\ncheck it with: ${npmRun} scenario:check -- ${shownPath}`);
