// `npm run` starts a script in the package root, whatever folder the author typed the command in
// (e.g. `npm --prefix ~/reset run scenario:check -- mine.yaml` from their own folder). npm keeps
// that folder in INIT_CWD: relative paths on the command line are relative to it, as the author
// expects. Only when npm started this very script, so a test or a shell that runs it directly with
// another working directory keeps its own.
import { basename } from 'node:path';

export function authorCwd(env: NodeJS.ProcessEnv = process.env, script = process.argv[1] ?? ''): string {
  const init = env.INIT_CWD;
  const lifecycle = env.npm_lifecycle_script ?? '';
  if (init && script && lifecycle.includes(basename(script))) return init;
  return process.cwd();
}

/** Run the rest of the command in the author's folder. */
export function useAuthorCwd(): void {
  const dir = authorCwd();
  if (dir !== process.cwd()) process.chdir(dir);
}
