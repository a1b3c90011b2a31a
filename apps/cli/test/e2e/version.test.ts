import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bin } from './run-cli.js';

const run = promisify(execFile);
const cliRoot = join(dirname(bin), '..');
let installed: string;

/** A package that is only a manifest: `--version` must read it, never import it. */
function fakePackage(dir: string, name: string, version: string) {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name,
    version,
    type: 'module',
    exports: { './package.json': './package.json' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
}

// The built CLI installed beside other versions of its SDK packages than it was built with,
// core nested under losant, as npm installs it when versions differ.
beforeAll(() => {
  installed = mkdtempSync(join(tmpdir(), 'tokenkit-version-'));
  cpSync(join(cliRoot, 'dist'), join(installed, 'dist'), { recursive: true });
  cpSync(join(cliRoot, 'package.json'), join(installed, 'package.json'));
  const modules = join(installed, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(cliRoot, 'node_modules')).filter((n) => n !== '@tokenkit')) {
    symlinkSync(join(cliRoot, 'node_modules', name), join(modules, name));
  }
  fakePackage(join(modules, '@tokenkit/losant'), '@tokenkit/losant', '7.1.0');
  fakePackage(
    join(modules, '@tokenkit/losant/node_modules/@tokenkit/core'),
    '@tokenkit/core',
    '7.3.0',
  );
  fakePackage(join(modules, '@tokenkit/core'), '@tokenkit/core', '1.0.0-not-the-one-losant-loads');
  fakePackage(join(modules, '@tokenkit/instana'), '@tokenkit/instana', '7.2.0');
  // Installed elsewhere and linked, as pnpm does: the link's target is read.
  fakePackage(join(installed, 'store/schemas'), '@tokenkit/schemas', '7.4.0');
  symlinkSync(join(installed, 'store/schemas'), join(modules, '@tokenkit/schemas'));
});

afterAll(() => rmSync(installed, { recursive: true, force: true }));

it('--version names the SDK versions installed where the CLI loads them, read at run time', async () => {
  const { stdout } = await run(process.execPath, [join(installed, 'dist/bin.js'), '--version']);
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^tokenkit \d+\.\d+\.\d+/);
  expect(lines.slice(1)).toEqual([
    '  @tokenkit/losant 7.1.0',
    '  @tokenkit/instana 7.2.0',
    '  @tokenkit/core 7.3.0',
    '  @tokenkit/schemas 7.4.0',
    `  node ${process.versions.node}`,
  ]);
});
