import { stripVTControlCharacters } from 'node:util';

// An SGR colour sequence such as `\e[31m`: the only escapes the CLI itself writes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: an escape sequence starts with ESC.
const colourSequence = /^\u001b\[[0-9;]*m/;

/** How many terminal cells `text` takes: its characters, colour codes not counted. */
export function visibleWidth(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

/**
 * Cuts `text` to `width` visible characters, ending with `…` when something was cut. Colour
 * codes are kept whole, and a reset is added after a cut so colour cannot bleed onwards.
 */
export function truncateVisible(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let result = '';
  let shown = 0;
  let coloured = false;
  let rest = text;
  while (rest.length > 0 && shown < width - 1) {
    const sequence = colourSequence.exec(rest)?.[0];
    if (sequence) {
      result += sequence;
      coloured = true;
      rest = rest.slice(sequence.length);
      continue;
    }
    const character = String.fromCodePoint(rest.codePointAt(0)!);
    result += character;
    rest = rest.slice(character.length);
    shown++;
  }
  return `${result}…${coloured ? '\u001b[0m' : ''}`;
}
