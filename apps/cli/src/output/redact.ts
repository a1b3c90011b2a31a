/**
 * Replaces every known secret in `text` with `[redacted]`. The CLI registers the credentials it
 * was given, so even a vendor error message that echoes a token cannot leak it to a terminal
 * or a CI log.
 *
 * Core has a scrubber for its own errors (`scrubSecrets` in `packages/core/src/redact.ts`), but
 * this one stays the only one for terminal text, on purpose:
 * - it runs on every line the CLI prints, usage errors and `--help` included, before any vendor
 *   package is loaded (commands load them lazily); the CLI reaches core only through the vendor
 *   packages, so using core's would load one on every run;
 * - the rule differs where terminal text needs it: values under 8 characters are left alone
 *   (core's floor is 4), since a short value would blank out ordinary words the person typed;
 *   the marker stays `[redacted]`, so what the CLI prints does not change.
 * Like core's, it replaces the longest secret first, so one that contains another is not left
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
