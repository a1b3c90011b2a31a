/** Single-quotes `text` for sh-like shells: a `'` inside becomes `'\''`. */
export function shQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A word the shell reads as itself: as it is when plainly safe, else single-quoted. For the
 * commands tokenkit prints to be pasted, whose ids and names may be the server's text.
 */
export function shellWord(word: string): string {
  return /^[\w.@%+=:,/-]+$/.test(word) ? word : shQuote(word);
}
