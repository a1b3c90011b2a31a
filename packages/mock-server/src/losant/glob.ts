/**
 * Compiles a Losant list `filter` into a RegExp. `losant-rest`'s docs only say "Supports
 * globbing" and show `my*token`, so these rules are the mock's choice: `*` matches any run of characters
 * (including none), `?` exactly one character, everything else is literal (no classes, no
 * escapes), the whole value must match, and case is ignored.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'isu');
}
