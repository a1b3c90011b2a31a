/**
 * Preloaded (`node --import`) into a measured `tokenkit audit`. On exit it writes
 * `{ maxRssBytes, cpuMs, peakLiveHeapBytes }` to file descriptor 3, which the benchmark reads:
 * the CPU time shows how much of the wall time the process itself worked on a busy machine.
 * With `--expose-gc` it also runs a full GC every 50 ms and samples the live heap (heapUsed
 * right after it), as the pagination benchmark does; those collections cost time, so only the
 * memory runs ask for them.
 */
import { writeSync } from 'node:fs';

let peakLiveHeapBytes = 0;
const sample = () => {
  globalThis.gc?.();
  peakLiveHeapBytes = Math.max(peakLiveHeapBytes, process.memoryUsage().heapUsed);
};
if (globalThis.gc) setInterval(sample, 50).unref();

process.on('exit', () => {
  if (globalThis.gc) sample();
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  try {
    writeSync(3, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuMs, peakLiveHeapBytes }));
  } catch {
    // Not started by the benchmark: nothing listens on fd 3.
  }
});
