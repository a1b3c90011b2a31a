import { parseDuration } from './duration.js';
import type { Lifetime } from './types.js';

/** An ISO 8601 date (`2027-01-31`) or date-time with a zone (`2027-01-31T12:00:00Z`). */
export const isoDatePattern =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

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
