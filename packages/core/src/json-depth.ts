/**
 * The deepest nesting of arrays and objects core reads in an answer. The vendors' bodies nest
 * fewer than 10 levels; 512 is far above that, and far below what recursive code (schema
 * validation, scrubbing, `util.inspect`) can walk on Node's default stack, where a 100,000-deep
 * body ends in a bare `RangeError`.
 */
export const maxJsonDepth = 512;

/**
 * True when `container` (an array or object at level `depth`) or anything in it nests deeper
 * than {@link maxJsonDepth}. Recursive: it stops one level past the bound, so it never holds
 * more than 513 frames, and a recursion visits a freshly parsed page several times faster than
 * a loop over a stack of its own (no array of every container, no closure per child).
 */
function deeper(container: object, depth: number): boolean {
  if (depth > maxJsonDepth) return true;
  if (Array.isArray(container)) {
    for (let index = 0; index < container.length; index++) {
      const child: unknown = container[index];
      if (typeof child === 'object' && child !== null && deeper(child, depth + 1)) return true;
    }
    return false;
  }
  const record = container as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    // Only arrays and objects are visited: strings and numbers, most of a page, are not.
    if (typeof child === 'object' && child !== null && deeper(child, depth + 1)) return true;
  }
  return false;
}

/**
 * True when a parsed JSON value nests arrays and objects deeper than {@link maxJsonDepth} (the
 * value itself, an array or object, is level 1). `JSON.parse` copes with any depth, so the
 * parsed value is walked rather than the text (a page of 1,000 tokens in a tenth of the time a
 * scan of its text takes), each array and object once.
 */
export function nestsTooDeep(value: unknown): boolean {
  return typeof value === 'object' && value !== null && deeper(value, 1);
}
