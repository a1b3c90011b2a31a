import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    entry: ['src/index.ts', 'src/losant.ts', 'src/instana.ts'],
    platform: 'neutral',
  }),
);
