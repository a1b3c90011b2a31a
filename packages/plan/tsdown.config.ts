import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

// Node: apply writes secret files and runs delivery commands.
export default defineConfig(
  packageBuild(import.meta.dirname, { entry: ['src/index.ts'], platform: 'node' }),
);
