import { defineConfig } from 'vitest/config';

/**
 * Test settings every package shares. The JSON report feeds `scripts/test-summary.mjs`, and
 * turbo caches it with the task so a cached run still reports its counts.
 */
export const sharedTestConfig = defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    restoreMocks: true,
    typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
