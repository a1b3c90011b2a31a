import type { Lifetime } from './types.js';

const unitMs = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
} as const;

/** `90d`, `12h`, `2w`, `1y`: a positive whole number and one unit. */
export const durationPattern = /^[1-9]\d*(s|m|h|d|w|y)$/;
/** An ISO 8601 date (`2027-01-31`) or date-time with a zone (`2027-01-31T12:00:00Z`). */
export const isoDatePattern =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Milliseconds in a duration such as `90d` (units s, m for minutes, h, d, w, y of 365 days), or
 * `undefined` when `text` is not one.
 */
export function parseDuration(text: string): number | undefined {
  if (!durationPattern.test(text)) return undefined;
  const unit = text.at(-1) as keyof typeof unitMs;
  return Number(text.slice(0, -1)) * unitMs[unit];
}

/** A duration or an ISO date, or `undefined` when `text` is neither. */
export function parseLifetime(text: string): Lifetime | undefined {
  const ms = parseDuration(text);
  if (ms !== undefined) return { kind: 'duration', ms, text };
  if (!isoDatePattern.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : { kind: 'date', at, text };
}

/** When a token made at `now` with this lifetime expires; `undefined` for none. */
export function expiryOf(lifetime: Lifetime | undefined, now: Date): Date | undefined {
  if (lifetime === undefined) return undefined;
  return lifetime.kind === 'date' ? lifetime.at : new Date(now.getTime() + lifetime.ms);
}

/** A span as a tokens file writes it: whole days (`90d`), else hours, else seconds. */
export function formatDuration(ms: number): string {
  if (ms % unitMs.d === 0) return `${ms / unitMs.d}d`;
  if (ms % unitMs.h === 0) return `${ms / unitMs.h}h`;
  return `${Math.max(1, Math.round(ms / unitMs.s))}s`;
}
