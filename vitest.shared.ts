import { defineConfig } from 'vitest/config';

/**
 * Test settings every package shares. The JSON report feeds `scripts/test-summary.mjs`, and
 * turbo caches it with the task so a cached run still reports its counts. Type tests
 * (`*.test-d.ts`) are checked by each package's `typecheck` task (tsc covers `test/`), so vitest
 * does not run tsc a second time.
 */
export const sharedTestConfig = defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    restoreMocks: true,
  },
});
