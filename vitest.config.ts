import { defineConfig } from 'vitest/config';
import { EVENT_TIMEOUT, TEST_TIMEOUT } from './tests/waiting';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One limit for every test and hook, one for every wait (tests/waiting.ts): generous for a loaded 2-core machine.
    testTimeout: TEST_TIMEOUT,
    hookTimeout: TEST_TIMEOUT,
    // Browser tests share one Chromium; keep files in parallel but not too many for 2 cores.
    maxWorkers: 2,
    // expect.poll waits on pages and servers: 1 s (the default) is too short on a loaded 2-core machine.
    expect: { poll: { timeout: EVENT_TIMEOUT } },
  },
});
