import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserConfig } from 'tsdown';

/**
 * The build every package shares: ESM only, with declarations, the package's own version
 * inlined as `__PACKAGE_VERSION__` (for User-Agent strings), dependencies left external.
 */
export function packageBuild(directory: string, overrides: UserConfig = {}): UserConfig {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    entry: ['src/index.ts'],
    format: 'esm',
    dts: true,
    clean: true,
    fixedExtension: false,
    sourcemap: false,
    platform: 'neutral',
    target: 'es2022',
    define: { __PACKAGE_VERSION__: JSON.stringify(manifest.version) },
    ...overrides,
  };
}
