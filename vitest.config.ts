import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium; keep files in parallel but not too many for 2 cores.
    maxWorkers: 2,
    // expect.poll waits on pages and servers: 1 s (the default) is too short on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
