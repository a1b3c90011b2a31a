/** Instana's rate-limit headers as last seen by a client. */
export interface RateLimitInfo {
  /** `X-RateLimit-Limit`: calls allowed per hour (5,000 by default). */
  limit: number;
  /** `X-RateLimit-Remaining`: calls left in the current hour. */
  remaining: number;
  /** `X-RateLimit-Reset`, read as seconds since the Unix epoch: when the budget refills. */
  resetAt: Date;
}

function integerHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/**
 * Reads `X-RateLimit-Limit`, `-Remaining` and `-Reset` from a response; `undefined` unless all
 * three are present and numeric, so a response without them never erases a good snapshot.
 */
export function readRateLimit(headers: Headers): RateLimitInfo | undefined {
  const limit = integerHeader(headers, 'x-ratelimit-limit');
  const remaining = integerHeader(headers, 'x-ratelimit-remaining');
  const reset = integerHeader(headers, 'x-ratelimit-reset');
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  // Instana documents the reset in seconds, explicitly not milliseconds.
  return { limit, remaining, resetAt: new Date(reset * 1000) };
}
