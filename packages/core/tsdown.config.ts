import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    entry: { index: 'src/index.ts', node: 'src/node.ts', errors: 'src/error-exports.ts' },
    platform: 'neutral',
    // One build, so `node.js`, `index.js` and `errors.js` share the error classes. Every
    // condition of "." takes its types from index.d.ts (node.ts has the same exports), so
    // node.d.ts would ship a declaration nothing points at.
    onSuccess: (config) => rmSync(join(config.outDir, 'node.d.ts'), { force: true }),
  }),
);
