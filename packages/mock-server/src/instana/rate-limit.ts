import type { Clock } from '../clock.js';

const HOUR_MS = 3_600_000;

/** The `X-RateLimit-*` headers Instana sends on every response. */
export type RateLimitHeaders = Record<
  'x-ratelimit-limit' | 'x-ratelimit-remaining' | 'x-ratelimit-reset',
  string
>;

/** Hourly call budgets, one per API token. */
export interface RateLimiter {
  /** Counts one call for `key`; `allowed` is false once the hour's budget is spent. */
  consume(key: string): { allowed: boolean; headers: RateLimitHeaders };
  /** The headers for `key` without counting a call. */
  peek(key: string): RateLimitHeaders;
  /** Forgets every window. */
  reset(): void;
}

/**
 * Creates Instana's documented limit: `limit` calls per hour, enforced per API token (as an IBM
 * community post says), `X-RateLimit-Reset` in epoch seconds. A token's window opens at its first
 * call and lasts an hour; the exact windowing Instana uses is unverified.
 */
export function createRateLimiter(limit: number, clock: Clock): RateLimiter {
  const windows = new Map<string, { start: number; used: number }>();

  const current = (key: string): { start: number; used: number } => {
    const now = clock();
    let window = windows.get(key);
    if (window === undefined || now >= window.start + HOUR_MS) {
      window = { start: now, used: 0 };
      windows.set(key, window);
    }
    return window;
  };
  const headers = (window: { start: number; used: number }): RateLimitHeaders => ({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, limit - window.used)),
    'x-ratelimit-reset': String(Math.ceil((window.start + HOUR_MS) / 1000)),
  });

  return {
    consume(key) {
      const window = current(key);
      if (window.used >= limit) return { allowed: false, headers: headers(window) };
      window.used += 1;
      return { allowed: true, headers: headers(window) };
    },
    peek: (key) => headers(current(key)),
    reset() {
      windows.clear();
    },
  };
}
