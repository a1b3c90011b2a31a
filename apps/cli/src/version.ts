import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __PACKAGE_VERSION__: string;

/** This package's version, inlined at build time. */
export const VERSION: string = __PACKAGE_VERSION__;

/**
 * The SDK packages `--version` names, each with the package it is loaded through: the CLI
 * depends on the vendor packages and schemas itself, and loads core only through
 * `@tokenkit/losant`.
 */
const sdkPackages: readonly (readonly [name: string, through?: string])[] = [
  ['@tokenkit/losant'],
  ['@tokenkit/instana'],
  ['@tokenkit/core', '@tokenkit/losant'],
  ['@tokenkit/schemas'],
];

/**
 * The folder of the copy of package `name` that an import from `from` (a folder) loads: the
 * first `node_modules/<name>` up from it, symlinks resolved, as Node looks a bare specifier up.
 * Walked by hand rather than with `require.resolve`, so no module is resolved before a command
 * needs one.
 */
function packageFolder(name: string, from: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(folder) === folder) return undefined;
  }
}

/** The version in the `package.json` of the copy of `name` this CLI loads. */
function installedVersion(name: string, through: string | undefined): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const from = through === undefined ? here : packageFolder(through, here);
  const folder = from === undefined ? undefined : packageFolder(name, from);
  if (folder === undefined) return 'not installed';
  try {
    const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * What `tokenkit --version` prints: the CLI's version, then the version of each SDK package as
 * installed where this CLI loads it (read at run time, so an upgraded or overridden package
 * shows its own version; none of them is imported or resolved as a module), and Node's version.
 */
export function versionText(): string {
  const packages = sdkPackages.map(
    ([name, through]) => `  ${name} ${installedVersion(name, through)}`,
  );
  return [`tokenkit ${VERSION}`, ...packages, `  node ${process.versions.node}`].join('\n');
}
