import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The whole suite runs twice: over the global fetch (what browsers, Deno and Bun get from the
// main entry) and over `node:http`/`node:https` (what Node gets from the `node` entry). The tests
// import `../src/index.js`; the second project points that import at `src/node.ts`.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'global fetch', env: { CORE_TRANSPORT: 'fetch' } } },
        {
          extends: true,
          test: { name: 'node (node:http)', env: { CORE_TRANSPORT: 'node' } },
          resolve: {
            alias: [
              {
                find: /^\.\.\/src\/index\.js$/,
                replacement: fileURLToPath(new URL('./src/node.ts', import.meta.url)),
              },
            ],
          },
        },
      ],
    },
  }),
);
