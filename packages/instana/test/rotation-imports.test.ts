// What `rotateApiToken` imports on its first call (rotate.ts) must bring the engine and its
// own checks alone: never core's main entry, its HTTP client, ky or zod, which the client has
// loaded already and which esbuild would wrap again when it inlines the import (reads core's dist/).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

test("rotateApiToken's lazily imported module reaches core's engine and errors, nothing else of core", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/rotate.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const fromCore = inputs
    .filter((input) => input.includes('core/dist/'))
    .map((input) => input.replace(/.*core\/dist\//, ''));
  expect(fromCore.filter((module) => !module.startsWith('lifecycle/')).sort()).toEqual([
    'answer-lost.js',
    'error-exports.js',
    'errors.js',
    'guards.js',
  ]);
  expect(inputs.filter((input) => /node_modules\/(ky|zod)\//.test(input))).toEqual([]);
});
