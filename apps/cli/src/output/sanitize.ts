// What a terminal obeys or hides instead of showing: the C0 controls (ESC, CR, BEL, newline …),
// DEL, the C1 controls (U+0080–U+009F; a terminal may read U+009B as ESC [), the bidi controls
// that reorder what follows (U+202A–U+202E, U+2066–U+2069) and the zero-width characters that
// hide in a name (U+200B–U+200D, U+2060, U+FEFF).
const unsafeCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is this module's job.
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

// The same minus C0 (which JSON escapes itself): what `JSON.stringify` leaves raw.
const unsafeInJson = /[\u007f-\u009f\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

function codeOf(character: string): string {
  return character.charCodeAt(0).toString(16).padStart(2, '0');
}

function visible(character: string): string {
  if (character === '\n') return '\\n';
  if (character === '\t') return '\\t';
  if (character === '\r') return '\\r';
  if (character === '\u001b') return '\\e';
  const code = codeOf(character);
  return code.length <= 2 ? `\\x${code}` : `\\u${code.padStart(4, '0')}`;
}

/**
 * THE sanitizer for server text on a terminal (a token's name, a description, an error message,
 * a secret the server sent): every character a terminal would obey or hide is shown as an escape
 * (`\e`, `\n`, `\x07`, `\u202e` …) instead, so a token named `evil\e[31m…` cannot repaint the
 * screen or fake a line, and one holding U+202E cannot reverse what a question shows. Apply it
 * before colouring; `--json` output uses {@link jsonSafe} instead.
 */
export function sanitize(text: string): string {
  return text.replace(unsafeCharacters, visible);
}

/**
 * JSON text with the characters `JSON.stringify` leaves raw (DEL, C1, bidi and zero-width) written
 * as `\uXXXX` escapes: the same value for a parser, nothing a terminal obeys for a person.
 */
export function jsonSafe(json: string): string {
  return json.replace(unsafeInJson, (character) => `\\u${codeOf(character).padStart(4, '0')}`);
}

/** {@link sanitize} for every string field of a record, one level deep (arrays included). */
export function sanitizeFields<T extends object>(record: T): T {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return sanitize(value);
    if (Array.isArray(value)) return value.map(clean);
    return value;
  };
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, clean(value)])) as T;
}
