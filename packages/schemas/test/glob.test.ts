import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { globPattern } from '../src/instana.js';
import { globPattern as losantGlobPattern } from '../src/losant.js';

/** A glob matcher written independently of `globPattern` (backtracking, no RegExp). */
function globMatches(glob: string, value: string, ignoreCase: boolean): boolean {
  const fold = (text: string) => [...(ignoreCase ? text.toLowerCase() : text)];
  const g = fold(glob);
  const v = fold(value);
  const match = (i: number, j: number): boolean => {
    if (i === g.length) return j === v.length;
    if (g[i] === '*') return match(i + 1, j) || (j < v.length && match(i, j + 1));
    if (j === v.length) return false;
    return (g[i] === '?' || g[i] === v[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

test('one implementation, exported by both vendor entries', () => {
  expect(losantGlobPattern).toBe(globPattern);
});

describe('globPattern, ignoring case (a Losant list filter, the CLI --filter)', () => {
  it.each([
    ['my*token', 'my deploy token', true],
    ['my*token', 'MY TOKEN', true],
    ['my*token', 'my token!', false],
    ['?lpha', 'Alpha', true],
    ['?lpha', 'lpha', false],
    ['a.c', 'abc', false],
    ['a.c', 'a.c', true],
    ['(x)', '(x)', true],
    ['[ab]', 'a', false],
    ['[ab]', '[ab]', true],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['ü*', 'Ü-token', true],
    ['line*', 'line\nbreak', true],
  ])('%j against %j -> %s', (glob, value, expected) => {
    expect(globPattern(glob, { ignoreCase: true }).test(value)).toBe(expected);
    expect(globMatches(glob, value, true)).toBe(expected);
  });
});

describe('globPattern, case kept (a tokens file prune name)', () => {
  it.each([
    ['ci-*', 'ci-agents', true],
    ['ci-*', 'my-ci-agents', false],
    ['ci-?', 'ci-1', true],
    ['ci-?', 'ci-12', false],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['(*)', '(x)', true],
    ['ci-*', 'CI-agents', false],
  ])('%j against %j -> %s', (glob, value, expected) => {
    expect(globPattern(glob).test(value)).toBe(expected);
    expect(globMatches(glob, value, false)).toBe(expected);
  });
});

test('agrees with the reference matcher on random globs and values, either case rule', () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^[ab*?.]{0,6}$/),
      fc.stringMatching(/^[abAB.]{0,6}$/),
      fc.boolean(),
      (glob, value, ignoreCase) => {
        expect(globPattern(glob, { ignoreCase }).test(value)).toBe(
          globMatches(glob, value, ignoreCase),
        );
      },
    ),
    { numRuns: 500 },
  );
});
