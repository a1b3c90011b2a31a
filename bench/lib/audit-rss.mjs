/**
 * Preloaded (`node --import`) into a measured `tokenkit audit`: on exit, writes the process's
 * peak resident set size in kB to file descriptor 3, which the benchmark reads.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // Not started by the benchmark: nothing listens on fd 3.
  }
});
