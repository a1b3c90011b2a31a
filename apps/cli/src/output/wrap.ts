import { visibleWidth } from './text-width.js';

/**
 * Breaks `text` at spaces into lines of at most `width` visible characters, each line after the
 * first starting with `indent`. A word longer than a line (an id, a URL) is kept whole on a line
 * of its own rather than cut: values people copy are never broken.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  // The text's own leading spaces stay on its first line.
  const lead = /^ */.exec(text)?.[0] ?? '';
  let current = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = current.trim() === '' ? current + word : `${current} ${word}`;
    const prefix = lines.length === 0 ? '' : indent;
    if (current.trim() !== '' && visibleWidth(prefix + candidate) > width) {
      lines.push(prefix + current);
      current = word;
    } else {
      current = candidate;
    }
  }
  lines.push((lines.length === 0 ? '' : indent) + current);
  return lines;
}
