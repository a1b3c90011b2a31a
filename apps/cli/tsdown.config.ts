import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig(
  packageBuild(import.meta.dirname, {
    // The audit runs on its own thread, started from its own entry (src/audit/off-thread.ts).
    entry: { bin: 'src/bin.ts', 'audit-worker': 'src/audit/worker.ts' },
    platform: 'node',
    dts: false,
    // The duration rule is read at start-up (option parsing): bundled, so `--help` loads no
    // workspace package. It has no imports of its own.
    noExternal: ['@tokenkit/plan/duration'],
  }),
);
