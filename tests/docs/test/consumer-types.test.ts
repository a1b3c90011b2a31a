import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheck } from './typecheck.ts';

// What the READMEs tell TypeScript users, checked against the built declarations (skipLibCheck
// off, so an error inside a package's .d.ts counts).
const FOLDER = join(import.meta.dirname, '../.blocks/consumer');
const LIBRARY_ENTRIES = [
  '@tokenkit/core',
  '@tokenkit/core/errors',
  '@tokenkit/losant',
  '@tokenkit/instana',
  '@tokenkit/schemas',
  '@tokenkit/schemas/losant',
  '@tokenkit/schemas/instana',
  '@tokenkit/schemas/validator',
];

/** A module that imports every entry of the libraries, under the given file name. */
function consumer(name: string, syntax: 'esm' | 'cjs'): string {
  mkdirSync(FOLDER, { recursive: true });
  const file = join(FOLDER, name);
  const lines = LIBRARY_ENTRIES.map((entry, index) =>
    syntax === 'esm'
      ? `import * as entry${index} from '${entry}';`
      : `import entry${index} = require('${entry}');`,
  );
  const use = LIBRARY_ENTRIES.map((_, index) => `entry${index}`).join(', ');
  writeFileSync(file, `${lines.join('\n')}\nexport const entries = [${use}];\n`);
  return file;
}

const errorsOf = (file: string, options: Parameters<typeof typecheck>[1]) =>
  typecheck([file], { skipLibCheck: false, ...options }).get(file) ?? [];

describe('what the declarations need from a consumer', () => {
  it('compile with the fetch types from @types/node, and no DOM lib', () => {
    const file = consumer('node-types.ts', 'esm');
    expect(errorsOf(file, { lib: ['lib.es2023.d.ts'], types: ['node'] })).toEqual([]);
  });

  it('compile with the fetch types from the DOM lib, and no @types/node', () => {
    const file = consumer('dom-lib.ts', 'esm');
    expect(errorsOf(file, { lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: [] })).toEqual([]);
  });

  it('need one of the two: without fetch types they do not compile', () => {
    const file = consumer('no-fetch-types.ts', 'esm');
    const errors = errorsOf(file, { lib: ['lib.es2023.d.ts'], types: [] }).join('\n');
    expect(errors).toMatch(/Cannot find name 'Response'/);
  });

  it('load from CommonJS under module nodenext with this TypeScript (5.8 or later)', () => {
    const file = consumer('commonjs.cts', 'cjs');
    expect(errorsOf(file, { verbatimModuleSyntax: false })).toEqual([]);
  });
});
