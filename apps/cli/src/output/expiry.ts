import { formatDay, relativeDays } from './format.js';
import type { Output } from './output.js';

const warnWithinMs = 30 * 86_400_000;

/**
 * A token's expiry for people, coloured by urgency: red once past, yellow within 30 days and
 * for "never". `compact` gives the table form, "2027-01-31 (68d)"; otherwise
 * "2027-01-31 (in 68 days)". Takes both vendors' forms: an ISO string (Losant) or epoch
 * milliseconds (Instana); absent or `null` means the token never expires.
 */
export function expiryCell(
  output: Output,
  expiry: string | number | null | undefined,
  now: Date,
  compact = false,
): string {
  const c = output.color;
  if (expiry === undefined || expiry === null || expiry === '') return c.yellow('never');
  const date = new Date(expiry);
  if (Number.isNaN(date.getTime())) return String(expiry);
  const days = Math.round((date.getTime() - now.getTime()) / 86_400_000);
  const text = compact
    ? `${formatDay(date)} (${days}d)`
    : `${formatDay(date)} (${relativeDays(date, now)})`;
  const left = date.getTime() - now.getTime();
  if (left <= 0) return c.red(text);
  return left <= warnWithinMs ? c.yellow(text) : text;
}
