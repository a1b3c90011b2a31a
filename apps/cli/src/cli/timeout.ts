import { parseDuration } from '../duration.js';
import { usageError } from '../errors.js';

const millisecondsPattern = /^(\d+)ms$/;

/**
 * Reads `--timeout`: a duration (`30s`, `2m`) or milliseconds (`500ms`), above zero. Refused in
 * the flag's words, before any request (the SDK would answer in its own).
 */
export function timeoutOption(text: string): number {
  const trimmed = text.trim();
  const ms = millisecondsPattern.exec(trimmed)
    ? Number(trimmed.slice(0, -2))
    : parseDuration(trimmed);
  if (ms === undefined || ms <= 0 || !Number.isSafeInteger(ms)) {
    throw usageError(
      `--timeout must be a duration above zero such as 30s, 2m or 500ms (got "${text}")`,
      'units: ms, s, m (minutes), h',
    );
  }
  return ms;
}
