import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/output/wrap.js';

describe('wrapWords', () => {
  it('breaks at spaces within the width, indenting the lines after the first', () => {
    expect(wrapWords('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
  });

  it('keeps a word longer than the width whole, and the text’s own leading spaces', () => {
    const id = 'a'.repeat(24);
    expect(wrapWords(`  owner ${id} (name)`, 12, '    ')).toEqual([
      '  owner',
      `    ${id}`,
      '    (name)',
    ]);
  });

  it('does not count colour codes as width', () => {
    expect(wrapWords('\u001b[1mbold\u001b[22m word', 9)).toEqual(['\u001b[1mbold\u001b[22m word']);
  });
});
