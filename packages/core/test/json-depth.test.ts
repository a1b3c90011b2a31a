import { describe, expect, it } from 'vitest';
import { maxJsonDepth, nestsTooDeep } from '../src/json-depth.js';

const nested = (depth: number, open = '[', close = ']') =>
  JSON.parse(open.repeat(depth) + close.repeat(depth));

describe('nestsTooDeep', () => {
  it('allows exactly maxJsonDepth levels of arrays and refuses one more', () => {
    expect(nestsTooDeep(nested(maxJsonDepth))).toBe(false);
    expect(nestsTooDeep(nested(maxJsonDepth + 1))).toBe(true);
  });

  it('counts objects and arrays alike, through any key', () => {
    let deep: unknown = { leaf: 'x' };
    for (let level = 1; level < maxJsonDepth; level++)
      deep = level % 2 ? [deep] : { [`k${level}`]: deep };
    expect(nestsTooDeep(deep)).toBe(false);
    expect(nestsTooDeep({ ok: 1, deeper: deep })).toBe(true);
    // Past the first item of an array too: every item is walked.
    expect(nestsTooDeep([1, 'two', { three: [] }, [deep]])).toBe(true);
  });

  it('walks a 100,000-deep value without a RangeError, and ignores brackets inside strings', () => {
    expect(nestsTooDeep(nested(100_000))).toBe(true);
    expect(nestsTooDeep({ name: '['.repeat(10_000) })).toBe(false);
    expect(nestsTooDeep('plain')).toBe(false);
    expect(nestsTooDeep(null)).toBe(false);
  });
});
