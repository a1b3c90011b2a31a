import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Most tests here wait on retries and timeouts, not on the CPU, and each has its own mock
// server, so many can run at once.
export default mergeConfig(sharedTestConfig, defineConfig({ test: { maxConcurrency: 16 } }));
