import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    entry: ['src/index.ts'],
    platform: 'neutral',
    // One output module per source file: an app's bundler then keeps out of its first load the
    // modules only `rotate` imports (on its first call), which a shared chunk would drag in.
    unbundle: true,
  }),
);
