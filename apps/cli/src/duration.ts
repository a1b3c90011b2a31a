import { parseDuration as parseDurationRule } from '@tokenkit/plan/duration';
import { usageError } from './errors.js';

const isoDatePattern =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a duration option's text such as `90d`, `12h`, `2w` or `1y` into milliseconds, with
 * the tokens file's rule (`@tokenkit/plan/duration`); spaces around it and `0d` are allowed.
 * Returns `undefined` for anything else.
 */
export function parseDuration(text: string): number | undefined {
  return parseDurationRule(text.trim(), { allowZero: true });
}

/**
 * Reads a duration option (`--expiring-within 30d`), or throws a usage error naming the option.
 */
export function durationOption(option: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw usageError(
      `${option} must be a duration such as 30d, 12h, 2w or 1y (got "${text}")`,
      'units: s, m (minutes), h, d, w, y',
    );
  }
  return ms;
}

/**
 * Whether the `YYYY-MM-DD` an ISO string starts with names a day that exists: JavaScript
 * quietly rolls 2027-02-30 over to 2027-03-02, which is never what was meant.
 */
function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Turns `--expires` into a date: either a duration from `now` (`90d`) or an ISO 8601 date
 * (`2027-01-31` or `2027-01-31T12:00:00Z`; a date alone means midnight UTC). The date must lie
 * in the future: a token that is born expired is never what anyone meant.
 */
export function parseExpiry(text: string, now: Date): Date {
  const ms = parseDuration(text);
  let date: Date;
  if (ms !== undefined) {
    date = new Date(now.getTime() + ms);
  } else if (isoDatePattern.test(text.trim())) {
    date = new Date(text.trim());
  } else {
    throw usageError(
      `--expires must be an ISO date (2027-01-31) or a duration (90d, 12w, 1y), got "${text}"`,
    );
  }
  if (Number.isNaN(date.getTime()) || (ms === undefined && !isCalendarDate(text.trim()))) {
    throw usageError(`--expires is not a real date: "${text}"`);
  }
  if (date.getTime() <= now.getTime()) {
    throw usageError(`--expires must be in the future, got ${date.toISOString()}`);
  }
  return date;
}
