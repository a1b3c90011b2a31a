/**
 * Preloaded (`node --import`) into a measured `tokenkit audit`; node runs it again in the
 * audit's Worker thread (Workers inherit `--import`). On exit each thread writes one line,
 * `{ thread, maxRssBytes, cpuMs, peakLiveHeapBytes }`, to file descriptor 3, which the
 * benchmark reads (`readUsage` in audit.mjs): RSS and CPU are the process's (the main thread
 * ends last), the live heap is each thread's own. The CPU time shows how much of the wall time
 * the process itself worked on a busy machine. With `--expose-gc` each thread also runs a full
 * GC every 50 ms and samples its live heap (heapUsed right after it), as the pagination
 * benchmark does; those collections cost time, so only the memory runs ask for them.
 */
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

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
  const thread = isMainThread ? 'main' : 'worker';
  const line = { thread, maxRssBytes: usage.maxRSS * 1024, cpuMs, peakLiveHeapBytes };
  try {
    writeSync(3, `${JSON.stringify(line)}\n`);
  } catch {
    // Not started by the benchmark: nothing listens on fd 3.
  }
});
