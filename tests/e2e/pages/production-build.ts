// The production build, made and served the way `npm run build` + `npm run preview` do, into a
// temporary folder and on a free loopback port: for the build test and the browser benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type InlineConfig } from 'vite';
import { ROOT } from '../harness';

export interface ServedBuild {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/** Build with the project's vite.config.ts; `inputs` replaces its HTML entry points when given. */
export async function buildAndServe(inputs?: Record<string, string>): Promise<ServedBuild> {
  const base = ((await import(join(ROOT, 'vite.config.ts'))) as { default: InlineConfig }).default;
  const outDir = mkdtempSync(join(tmpdir(), 'reset-build-'));
  const config: InlineConfig = {
    ...base,
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      ...base.build,
      outDir,
      emptyOutDir: true,
      rollupOptions: { ...base.build?.rollupOptions, ...(inputs ? { input: inputs } : {}) },
    },
  };
  await build(config);
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    outDir,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
