// Dev hot reload of scenarios: when a file in scenarios/ is saved during `npm run dev`, send its text
// to the page as a custom HMR event instead of reloading the page, so the running game can keep going.
// The page listens with onScenarioChange (hot.ts). Runs in Node, inside Vite only.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Plugin } from 'vite';

export const SCENARIO_EVENT = 'reset:scenario';

/** What the page receives when a scenario file is saved. */
export interface ScenarioChange {
  /** The file name, e.g. reset-2009.yaml */
  file: string;
  /** The built-in id, e.g. reset-2009 */
  id: string;
  text: string;
}

const isScenarioFile = (dir: string, file: string) =>
  resolve(file, '..') === dir && /\.(ya?ml|json)$/.test(file) && basename(file) !== 'schema.json';

export function scenarioHotReload(options: { dir?: string } = {}): Plugin {
  let dir = options.dir ? resolve(options.dir) : '';
  return {
    name: 'reset-scenario-hot-reload',
    apply: 'serve',
    configResolved(config) {
      if (!dir) dir = resolve(config.root, 'scenarios');
    },
    configureServer(server) {
      server.watcher.add(dir);
      const send = async (file: string) => {
        if (!isScenarioFile(dir, file)) return;
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch {
          return; // saved and removed again before we could read it
        }
        const name = basename(file);
        const change: ScenarioChange = { file: name, id: name.replace(/\.(ya?ml|json)$/, ''), text };
        server.ws.send({ type: 'custom', event: SCENARIO_EVENT, data: change });
      };
      server.watcher.on('change', send);
      server.watcher.on('add', send);
    },
    // A scenario the page imported as text must not trigger a full page reload: the event above carries it.
    handleHotUpdate(ctx) {
      if (isScenarioFile(dir, ctx.file)) return [];
    },
  };
}
