/**
 * Replaces every known secret in `text` with `[redacted]`. The CLI registers the credentials it
 * was given, so even a vendor error message that echoes a token cannot leak it to a terminal
 * or a CI log.
 *
 * Core scrubs its own errors the same way (`scrubSecrets` in `packages/core/src/redact.ts`), but
 * does not export it, and this runs on every line the CLI prints, including usage errors raised
 * before any vendor package is loaded. This is therefore the one scrubber for terminal text;
 * like core's, it replaces the longest secret first, so one that contains another is not left
 * half-scrubbed.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let result = text;
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  for (const secret of ordered) {
    // Very short values would blank out ordinary words; real tokens are long.
    if (secret.length >= 8) result = result.replaceAll(secret, '[redacted]');
  }
  return result;
}
