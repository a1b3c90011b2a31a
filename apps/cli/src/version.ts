declare const __PACKAGE_VERSION__: string;
declare const __SDK_VERSIONS__: Record<string, string>;

/** This package's version, inlined at build time. */
export const VERSION: string = __PACKAGE_VERSION__;

/**
 * What `tokenkit --version` prints: the CLI's version, then the SDK packages it was built with
 * (the workspace builds them together, so these are the ones it runs on) and Node's version.
 * Inlined at build time, so `--version` loads none of them.
 */
export function versionText(): string {
  const packages = Object.entries(__SDK_VERSIONS__).map(
    ([name, version]) => `  ${name} ${version}`,
  );
  return [`tokenkit ${VERSION}`, ...packages, `  node ${process.versions.node}`].join('\n');
}
