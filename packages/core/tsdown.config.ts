import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    entry: { index: 'src/index.ts', node: 'src/node.ts', errors: 'src/error-exports.ts' },
    platform: 'neutral',
  }),
);
