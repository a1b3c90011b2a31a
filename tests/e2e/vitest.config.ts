import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Most tests here wait on retries, backoff and timeouts rather than on the CPU, and each has its
// own mock server, so many run at once, and two files at a time even on two cores.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({ test: { maxConcurrency: 16, maxWorkers: 2 } }),
);
