import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../src/output/human-duration.js';
import { checkJsonFields, jsonFields, pickFields } from '../../src/output/json-fields.js';
import { jsonSafe, sanitize, sanitizeFields } from '../../src/output/sanitize.js';
import { shellWord, shQuote } from '../../src/output/shell-word.js';

describe('sanitize', () => {
  it('shows C0, DEL and C1 controls as escapes and leaves other text alone', () => {
    expect(sanitize('evil\u001b[31mRED\nline2')).toBe('evil\\e[31mRED\\nline2');
    expect(sanitize('a\u0007b\u007fc\u009bd\te\r')).toBe('a\\x07b\\x7fc\\x9bd\\te\\r');
    expect(sanitize('ünïcødé – “quotes” 😀')).toBe('ünïcødé – “quotes” 😀');
  });

  it('shows bidi controls and zero-width characters as escapes', () => {
    expect(sanitize('a\u202eb\u2066c\u2069d\u202ae')).toBe('a\\u202eb\\u2066c\\u2069d\\u202ae');
    expect(sanitize('x\u200by\u200dz\u2060w\ufeffv')).toBe('x\\u200by\\u200dz\\u2060w\\ufeffv');
  });

  it('jsonSafe escapes what JSON.stringify leaves raw, and the value parses back the same', () => {
    const value = { name: 'a\u202eb\u009bc\u007fd\u200be\u001bf' };
    const text = jsonSafe(JSON.stringify(value));
    expect(text).toBe('{"name":"a\\u202eb\\u009bc\\u007fd\\u200be\\u001bf"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('cleans every string field and list item, one level deep', () => {
    expect(sanitizeFields({ name: 'a\nb', scope: ['x\u001by'], count: 3 })).toEqual({
      name: 'a\\nb',
      scope: ['x\\ey'],
      count: 3,
    });
  });
});

describe('humanDuration', () => {
  it('rounds to the unit a person would say', () => {
    expect(humanDuration(400)).toBe('about 1 second');
    expect(humanDuration(2_500)).toBe('about 3 seconds');
    expect(humanDuration(90_000)).toBe('about 2 minutes');
    expect(humanDuration(3_601_000)).toBe('about 1 hour');
    expect(humanDuration(7_200_000)).toBe('about 2 hours');
  });
});

describe('--json fields', () => {
  it('reads a bare --json as everything and a list as those fields', () => {
    expect(jsonFields(true)).toBeUndefined();
    expect(jsonFields(undefined)).toBeUndefined();
    expect(jsonFields(' name, id ,')).toEqual(['name', 'id']);
  });

  it('picks fields in the order asked, null for absent ones, and refuses unknown ones', () => {
    expect(pickFields({ id: '1', name: 'n', x: 2 }, ['name', 'id', 'status'])).toEqual({
      name: 'n',
      id: '1',
      status: null,
    });
    expect(() => checkJsonFields(['nmae'], ['name', 'id'])).toThrow('--json: unknown field "nmae"');
    expect(() => checkJsonFields(['name'], ['name', 'id'])).not.toThrow();
  });
});

describe('shell words', () => {
  /** What `sh` reads the printed word as. */
  const asShellReadsIt = (word: string) =>
    execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' });

  it('leaves a plainly safe word alone and quotes anything else', () => {
    expect(shellWord('6b161e2e0c9ea1d2f0a3b4c5')).toBe('6b161e2e0c9ea1d2f0a3b4c5');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shQuote('ci')).toBe("'ci'");
  });

  it.each(["it's", 'a b', '$(touch x)', '`id`', 'a;b', '*', "'", "''"])(
    'sh reads %j back as itself',
    (word) => {
      expect(asShellReadsIt(shellWord(word))).toBe(word);
      expect(asShellReadsIt(shQuote(word))).toBe(word);
    },
  );
});
