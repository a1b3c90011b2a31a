import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    entry: ['src/index.ts', 'src/bin.ts'],
    platform: 'node',
    // bin.js is a command, not a module anyone imports: its declaration would be `export {}`.
    onSuccess: (config) => rmSync(join(config.outDir, 'bin.d.ts'), { force: true }),
  }),
);
