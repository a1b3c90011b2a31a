import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

// Node: apply writes secret files and runs delivery commands. `deliver` and `duration` are
// light entries (no vendor client) for the CLI's rotate and options.
export default defineConfig(
  packageBuild(import.meta.dirname, {
    entry: { index: 'src/index.ts', deliver: 'src/deliver/index.ts', duration: 'src/duration.ts' },
    platform: 'node',
  }),
);
