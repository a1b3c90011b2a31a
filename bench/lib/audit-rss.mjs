/**
 * Preloaded (`node --expose-gc --import`) into a measured `tokenkit audit`. Every 50 ms it runs
 * a full GC and samples the live heap (heapUsed right after it), as the pagination benchmark
 * does; on exit it writes `{ maxRssBytes, peakLiveHeapBytes }` to file descriptor 3, which the
 * benchmark reads. Only for the memory runs: the forced collections cost time.
 */
import { writeSync } from 'node:fs';

let peakLiveHeapBytes = 0;
const sample = () => {
  globalThis.gc?.();
  peakLiveHeapBytes = Math.max(peakLiveHeapBytes, process.memoryUsage().heapUsed);
};
setInterval(sample, 50).unref();

process.on('exit', () => {
  sample();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  try {
    writeSync(3, JSON.stringify({ maxRssBytes, peakLiveHeapBytes }));
  } catch {
    // Not started by the benchmark: nothing listens on fd 3.
  }
});
