// In `npm run dev`, saving a scenario file sends its text to the page over Vite's HMR socket
// (event 'reset:scenario'), instead of reloading the page. A real Vite server and a real socket.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SCENARIO_EVENT, scenarioHotReload, type ScenarioChange } from '../../src/scenario/vite-plugin';
import { until } from '../waiting';

let root: string;
let server: ViteDevServer;
let socket: WebSocket;
const messages: { type: string; event?: string; data?: unknown; path?: string }[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'reset-hot-'));
  mkdirSync(join(root, 'scenarios'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'scenarios', 'schema.json'), '{}');
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    plugins: [scenarioHotReload()],
    server: { host: '127.0.0.1', port: 0, strictPort: false, watch: { usePolling: true, interval: 50 } },
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  socket = new WebSocket(`ws://127.0.0.1:${address.port}/?token=${server.config.webSocketToken}`, 'vite-hmr');
  socket.on('message', (m) => messages.push(JSON.parse(String(m))));
  await new Promise((ok, fail) => (socket.once('open', ok), socket.once('error', fail)));
});

afterAll(async () => {
  socket?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

async function nextChange(file: string): Promise<ScenarioChange> {
  const m = await until(() => messages.find((x) => x.type === 'custom' && x.event === SCENARIO_EVENT && (x.data as ScenarioChange).file === file), `the page to hear of ${file}`);
  return m.data as ScenarioChange;
}

describe('scenario hot reload in the dev server', () => {
  it('a new scenario file and each save of it reach the page as text, without a full reload', async () => {
    writeFileSync(join(root, 'scenarios', 'class-a.yaml'), 'id: class-a\nturns: 3\n');
    expect(await nextChange('class-a.yaml')).toEqual({ file: 'class-a.yaml', id: 'class-a', text: 'id: class-a\nturns: 3\n' });
    messages.length = 0;
    writeFileSync(join(root, 'scenarios', 'class-a.yaml'), 'id: class-a\nturns: 9\n');
    expect((await nextChange('class-a.yaml'))?.text).toBe('id: class-a\nturns: 9\n');
    expect(messages.filter((m) => m.type === 'full-reload')).toEqual([]);
  });

  it('the schema and files elsewhere are not scenarios', async () => {
    messages.length = 0;
    writeFileSync(join(root, 'scenarios', 'schema.json'), '{"title":"x"}');
    writeFileSync(join(root, 'notes.yaml'), 'id: notes\n');
    writeFileSync(join(root, 'scenarios', 'marker.json'), '{"id":"marker"}');
    // Written before the marker; a second marker, written once the first was heard, comes after any late event for them.
    expect((await nextChange('marker.json'))?.id).toBe('marker');
    writeFileSync(join(root, 'scenarios', 'marker-2.json'), '{"id":"marker-2"}');
    await nextChange('marker-2.json');
    expect(messages.filter((m) => m.event === SCENARIO_EVENT).map((m) => (m.data as ScenarioChange).file)).toEqual(['marker.json', 'marker-2.json']);
  });
});
