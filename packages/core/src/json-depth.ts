/**
 * The deepest nesting of arrays and objects core reads in an answer. The vendors' bodies nest
 * fewer than 10 levels; 512 is far above that, and far below what recursive code (schema
 * validation, scrubbing, `util.inspect`) can walk on Node's default stack, where a 100,000-deep
 * body ends in a bare `RangeError`.
 */
export const maxJsonDepth = 512;

/**
 * True when a parsed JSON value nests arrays and objects deeper than {@link maxJsonDepth} (the
 * value itself, an array or object, is level 1). `JSON.parse` copes with any depth, so the
 * parsed value is walked rather than the text: a loop with its own stack, visiting each array
 * and object once (a page of 1,000 tokens in a tenth of the time a scan of its text takes).
 */
export function nestsTooDeep(value: unknown): boolean {
  const containers: object[] = [];
  const depths: number[] = [];
  const push = (child: unknown, depth: number) => {
    // Only arrays and objects are kept: strings and numbers, most of a page, are not.
    if (typeof child !== 'object' || child === null) return;
    containers.push(child);
    depths.push(depth);
  };
  push(value, 1);
  for (let depth = depths.pop(); depth !== undefined; depth = depths.pop()) {
    const container = containers.pop() as Record<string, unknown>;
    if (depth > maxJsonDepth) return true;
    if (Array.isArray(container)) for (const child of container) push(child, depth + 1);
    else for (const key in container) push(container[key], depth + 1);
  }
  return false;
}
