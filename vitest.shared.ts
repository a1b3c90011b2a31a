import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Each package's coverage floor (percent), raised by `pnpm coverage:raise`, never lowered. */
type Floor = Record<'lines' | 'statements' | 'functions' | 'branches', number>;
const floors: Record<string, Floor> = JSON.parse(
  readFileSync(join(import.meta.dirname, 'coverage-floors.json'), 'utf8'),
);
// Turbo and `pnpm --filter` run vitest from the package's folder; that names the floor.
const manifest = join(process.cwd(), 'package.json');
const packageName: string | undefined = existsSync(manifest)
  ? JSON.parse(readFileSync(manifest, 'utf8')).name
  : undefined;
const floor = packageName === undefined ? undefined : floors[packageName];

/**
 * Test settings every package shares. The JSON report feeds `scripts/test-summary.mjs`, and
 * turbo caches it with the task so a cached run still reports its counts. Type tests
 * (`*.test-d.ts`) are checked by each package's `typecheck` task (tsc covers `test/`), so vitest
 * does not run tsc a second time. Coverage of `src/` is collected in the same run (v8); the run
 * fails below the package's floor in `coverage-floors.json`, and `coverage/coverage-summary.json`
 * feeds `scripts/coverage.mjs`.
 */
export const sharedTestConfig = defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    restoreMocks: true,
    coverage: {
      enabled: existsSync(join(process.cwd(), 'src')),
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      ...(floor && { thresholds: floor }),
    },
  },
});
