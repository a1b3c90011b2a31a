/**
 * Preloaded (`node --import`) into a measured `tokenkit audit`; node runs it again in the
 * audit's Worker thread (Workers inherit `--import`). On exit each thread writes one line,
 * `{ thread, maxRssBytes, cpuMs, peakLiveHeapBytes, firstRequestAt }`, to file descriptor 3,
 * which the benchmark reads (`readUsage` in audit.mjs): RSS and CPU are the process's (the main thread
 * ends last), the live heap is each thread's own. The CPU time shows how much of the wall time
 * the process itself worked on a busy machine. With `--expose-gc` each thread also runs a full
 * GC every 50 ms and samples its live heap (heapUsed right after it), as the pagination
 * benchmark does; those collections cost time, so only the memory runs ask for them.
 */
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

let peakLiveHeapBytes = 0;
/** When this thread sent its first HTTP request (ms since the epoch): where start-up ends. */
let firstRequestAt;
subscribe('http.client.request.start', () => {
  firstRequestAt ??= performance.timeOrigin + performance.now();
});
const sample = () => {
  globalThis.gc?.();
  peakLiveHeapBytes = Math.max(peakLiveHeapBytes, process.memoryUsage().heapUsed);
};
if (globalThis.gc) setInterval(sample, 50).unref();

/**
 * The process's peak RSS in bytes. On Linux, `VmHWM` of /proc/self/status: `getrusage`'s
 * `ru_maxrss` (what `process.resourceUsage().maxRSS` reads) survives `execve`, so a child
 * spawned by a large parent (this benchmark, by the last runs a few hundred MiB) reports the
 * parent's RSS at fork time when its own peak is lower.
 */
function peakRssBytes(usage) {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // Not Linux: getrusage's figure.
  }
  return usage.maxRSS * 1024;
}

process.on('exit', () => {
  if (globalThis.gc) sample();
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  const thread = isMainThread ? 'main' : 'worker';
  const line = {
    thread,
    maxRssBytes: peakRssBytes(usage),
    cpuMs,
    peakLiveHeapBytes,
    firstRequestAt,
  };
  try {
    writeSync(3, `${JSON.stringify(line)}\n`);
  } catch {
    // Not started by the benchmark: nothing listens on fd 3.
  }
});
