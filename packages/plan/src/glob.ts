/**
 * Whether `name` matches `glob`, where `*` is any run of characters (none included) and `?` one
 * character; everything else stands for itself. The whole name must match.
 */
export function matchesGlob(name: string, glob: string): boolean {
  const pattern = glob
    .split('')
    .map((character) => {
      if (character === '*') return '.*';
      if (character === '?') return '.';
      return character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${pattern}$`, 's').test(name);
}
