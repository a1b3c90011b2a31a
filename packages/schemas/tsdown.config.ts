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
    // `./validator` takes its types from validator.d.ts under every condition; the Node build's
    // own declaration would ship unread.
    onSuccess: (config) => rmSync(join(config.outDir, 'validator-node.d.ts'), { force: true }),
  }),
);
