// npm run bench: runs every benchmark module in this folder (each prints its own figures).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
for (const f of files) {
  console.log(`\n=== ${f}`);
  const mod = (await import(join(here, f))) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') throw new Error(`${f} must export run()`);
  await mod.run();
}
