// C0 controls (ESC, CR, BEL, newline …), DEL and the C1 controls (U+0080–U+009F, where a
// terminal may read U+009B as ESC [).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is this module's job.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

function visible(character: string): string {
  const code = character.charCodeAt(0);
  if (character === '\n') return '\\n';
  if (character === '\t') return '\\t';
  if (character === '\r') return '\\r';
  if (code === 0x1b) return '\\e';
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * Makes text from a server (a token's name, a description, an error message) safe to print on
 * a terminal: every control character is shown as an escape (`\e`, `\n`, `\x07` …) instead of
 * being obeyed, so a token named `evil\e[31m…` cannot repaint the screen or fake a line.
 * Apply it before colouring; `--json` output never needs it (JSON escapes these already).
 */
export function sanitize(text: string): string {
  return text.replace(controlCharacters, visible);
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
