/**
 * The deepest nesting of arrays and objects core reads in an answer. The vendors' bodies nest
 * fewer than 10 levels; 512 is far above that, and far below what recursive code (schema
 * validation, scrubbing, `util.inspect`) can walk on Node's default stack, where a 100,000-deep
 * body ends in a bare `RangeError`.
 */
export const maxJsonDepth = 512;

const quote = 34;
const backslash = 92;

/** True when JSON `text` nests arrays and objects deeper than {@link maxJsonDepth}. */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === backslash) index++;
      else if (code === quote) inString = false;
    } else if (code === quote) {
      inString = true;
    } else if (code === 91 || code === 123 /* [ { */) {
      if (++depth > maxJsonDepth) return true;
    } else if (code === 93 || code === 125 /* ] } */) {
      depth--;
    }
  }
  return false;
}
