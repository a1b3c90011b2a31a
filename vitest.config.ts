import { defineConfig } from 'vitest/config';

// One root command runs every package's tests: `npx vitest run` here. Each package also runs
// its own with `pnpm --filter <name> test`.
export default defineConfig({
  test: { projects: ['packages/*', 'apps/*', 'tests/*'] },
});
