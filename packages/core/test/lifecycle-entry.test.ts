// `@tokenkit/core/lifecycle` is what the vendor clients' `rotate` import on first use: it must
// bring the engine and the error tree, never the HTTP client (nor ky), or an app would load
// the transport twice over, and esbuild, which wraps everything a lazily imported module
// reaches, would grow every single-file bundle.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

test('the lifecycle entry reaches only the engine, the errors and their guards', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/lifecycle/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const modules = Object.keys(result.metafile.inputs).map((input) =>
    input.replace(/^(.*packages\/core\/)?src\//, ''),
  );
  const outside = modules.filter((module) => !module.startsWith('lifecycle/'));
  expect(outside.sort()).toEqual(['answer-lost.ts', 'errors.ts', 'guards.ts']);
});
