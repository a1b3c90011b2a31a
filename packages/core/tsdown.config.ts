import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    // `./errors` is dist/error-exports.js, `./lifecycle` dist/lifecycle/index.js (package.json).
    entry: ['src/index.ts', 'src/node.ts', 'src/error-exports.ts', 'src/lifecycle/index.ts'],
    platform: 'neutral',
    // One output module per source file, shared by the entries (so they share the error
    // classes): an app's bundler then leaves out of its first load the lifecycle engine, which
    // the vendor packages import on the first rotation (`./lifecycle`), where a shared chunk
    // would drag it in. Every condition of "." takes its types from index.d.ts (node.ts has the
    // same exports), so node.d.ts would ship a declaration nothing points at.
    unbundle: true,
    onSuccess: (config) => rmSync(join(config.outDir, 'node.d.ts'), { force: true }),
  }),
);
