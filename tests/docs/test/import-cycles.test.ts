import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './markdown.ts';

const SCRIPT = join(ROOT, 'scripts/import-cycles.mjs');

/** Runs the cycle finder on the given folders (default: every package's and app's src/). */
function findCycles(...folders: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...folders], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('import cycles', () => {
  it('there are none among the modules of packages/*/src and apps/*/src', () => {
    const { status, output } = findCycles();
    expect(output).toBe('No import cycles.\n');
    expect(status).toBe(0);
  });

  describe('the finder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tokenkit-cycles-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(join(folder, file, '..'), { recursive: true });
      writeFileSync(join(folder, file), text);
    };
    // client.ts → (type only) stores/index.ts → registry.ts → client.ts; leaf.ts is named only in
    // a comment and a string of registry.ts, and imports nothing back.
    write('client.ts', "import type { Store } from './stores/index.js';\nexport const c = 1;\n");
    write('stores/index.ts', "export type { Store } from '../registry.js';\n");
    write(
      'registry.ts',
      "import { c } from './client.js';\n// import { leaf } from './leaf.js';\nexport const s = \"import './leaf.js'\";\nexport type Store = typeof c;\n",
    );
    write('leaf.ts', "import { c } from './client.js';\nexport const leaf = c;\n");
    write('lazy.ts', "export const load = () => import('./lazy.js');\n");

    it('counts type-only imports, re-exports and dynamic imports, and nothing in comments or strings', () => {
      const { status, output } = findCycles(folder);
      expect(output.split('\n').filter(Boolean).sort()).toEqual([
        `${folder}: client.ts → stores/index.ts → registry.ts → client.ts`,
        `${folder}: lazy.ts → lazy.ts`,
      ]);
      expect(status).toBe(1);
    });
  });
});
