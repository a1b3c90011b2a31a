/**
 * Replaces every known secret in `text` with `[redacted]`. The CLI registers the credentials it
 * was given, so even a vendor error message that echoes a token cannot leak it to a terminal
 * or a CI log.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real tokens are long.
    if (secret.length >= 8) result = result.replaceAll(secret, '[redacted]');
  }
  return result;
}
