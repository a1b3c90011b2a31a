import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

/** The workspace packages `tokenkit --version` names, with the versions built alongside it. */
function sdkVersions(): Record<string, string> {
  const names = ['plan', 'losant', 'instana', 'core', 'schemas'];
  return Object.fromEntries(
    names.map((name) => {
      const file = join(import.meta.dirname, '../../packages', name, 'package.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string };
      return [manifest.name, manifest.version];
    }),
  );
}

const base = packageBuild(import.meta.dirname, {
  entry: ['src/bin.ts'],
  platform: 'node',
  dts: false,
});

export default defineConfig({
  ...base,
  define: { ...base.define, __SDK_VERSIONS__: JSON.stringify(sdkVersions()) },
});
