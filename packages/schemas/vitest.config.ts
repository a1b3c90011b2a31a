import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The sources' `#object` as Node resolves it (`object-node.ts`); test/object.test.ts checks
// that `object.ts`, what other runtimes load, answers the same.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    resolve: {
      alias: { '#object': fileURLToPath(new URL('src/object-node.ts', import.meta.url)) },
    },
  }),
);
