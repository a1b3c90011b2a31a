/** Options of {@link globPattern}. */
export interface GlobOptions {
  /** Match letters in either case. @default false */
  ignoreCase?: boolean | undefined;
}

/**
 * A name pattern as a RegExp: `*` matches any run of characters (none included), `?` exactly
 * one, and everything else stands for itself (no classes, no escapes); the whole name must
 * match. The one glob rule of tokenkit: a Losant list's `filter` (Losant's docs say only that it
 * "supports globbing", with `my*token` as the example), the CLI's `--filter` on Instana lists,
 * and a tokens file's `prune` names.
 *
 * @example
 * globPattern('ci-*').test('ci-deploy'); // true
 * globPattern('my*token', { ignoreCase: true }).test('MY TOKEN'); // true
 */
export function globPattern(glob: string, options: GlobOptions = {}): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, options.ignoreCase ? 'isu' : 'su');
}
