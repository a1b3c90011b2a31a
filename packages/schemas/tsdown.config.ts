import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    entry: [
      'src/index.ts',
      'src/losant.ts',
      'src/instana.ts',
      'src/validator.ts',
      'src/validator-node.ts',
      // The two targets of `#object` (package.json `imports`), which stays an import.
      'src/object.ts',
      'src/object-node.ts',
    ],
    deps: { neverBundle: ['#object'] },
    platform: 'neutral',
    // One output module per source file: with `sideEffects: false`, a bundler then drops
    // every schema a caller does not import (e.g. the 500 scopes when only objectId is used).
    unbundle: true,
    // `./validator` and `#object` take their types from validator.d.ts and object.d.ts under
    // every condition; the Node builds' own declarations would ship unread.
    onSuccess: (config) => {
      for (const file of ['validator-node.d.ts', 'object-node.d.ts']) {
        rmSync(join(config.outDir, file), { force: true });
      }
    },
  }),
);
