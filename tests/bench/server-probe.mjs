// Loaded into the classroom server process by `npm run bench:server` (NODE_OPTIONS=--import): once a second it
// prints the process's event-loop delay and longest garbage-collection pause, so the bench can tell a slow server
// (or one the machine did not schedule) from a slow client.
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let gcMax = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMax = Math.max(gcMax, e.duration);
}).observe({ entryTypes: ['gc'] });
setInterval(() => {
  process.stdout.write(`bench-probe ${JSON.stringify({ p99: loop.percentile(99) / 1e6, max: loop.max / 1e6, gcMax })}\n`);
  loop.reset();
  gcMax = 0;
}, 1000).unref();
