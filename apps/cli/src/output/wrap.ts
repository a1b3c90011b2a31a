import { visibleWidth } from './text-width.js';

/**
 * Breaks prose into lines of at most `width` visible characters, at spaces. A word longer than
 * the width (a URL, a command to copy) stays whole on a line of its own rather than being cut.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current === '') current = word;
    else if (visibleWidth(current) + 1 + visibleWidth(word) <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}
