import { describe, expect, test } from 'vitest';
import {
  backoffDelay,
  isConnectionRefused,
  serverRetryDelay,
  systemErrorCode,
} from '../src/retry-policy.js';

const now = Date.parse('2026-11-24T07:00:00Z');
const headers = (init: Record<string, string>) => new Headers(init);

describe('serverRetryDelay', () => {
  test('Retry-After in seconds (integer or decimal)', () => {
    expect(serverRetryDelay(headers({ 'retry-after': '7' }), 429, now)).toBe(7000);
    expect(serverRetryDelay(headers({ 'retry-after': '0.25' }), 503, now)).toBe(250);
  });

  test('Retry-After as an HTTP date, and a past date means now', () => {
    expect(
      serverRetryDelay(headers({ 'retry-after': 'Tue, 24 Nov 2026 07:00:30 GMT' }), 429, now),
    ).toBe(30_000);
    expect(
      serverRetryDelay(headers({ 'retry-after': 'Tue, 24 Nov 2026 06:00:00 GMT' }), 429, now),
    ).toBe(0);
  });

  test('X-RateLimit-Reset is epoch seconds, only on 429, and Retry-After wins', () => {
    const reset = String(now / 1000 + 90);
    expect(serverRetryDelay(headers({ 'x-ratelimit-reset': reset }), 429, now)).toBe(90_000);
    expect(serverRetryDelay(headers({ 'x-ratelimit-reset': reset }), 503, now)).toBeUndefined();
    expect(
      serverRetryDelay(headers({ 'x-ratelimit-reset': reset, 'retry-after': '2' }), 429, now),
    ).toBe(2000);
    // A reset time already past means "now".
    expect(
      serverRetryDelay(headers({ 'x-ratelimit-reset': String(now / 1000 - 5) }), 429, now),
    ).toBe(0);
  });

  test('garbage is ignored', () => {
    expect(serverRetryDelay(headers({ 'retry-after': 'soon' }), 429, now)).toBeUndefined();
    expect(serverRetryDelay(headers({ 'x-ratelimit-reset': '-1' }), 429, now)).toBeUndefined();
    expect(serverRetryDelay(headers({}), 429, now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  test('0.5 s × 2^n capped at 8 s, minus at most 25 % jitter', () => {
    for (let run = 0; run < 50; run++) {
      const values = [1, 2, 3, 4, 5, 6, 10].map((retry) => backoffDelay(retry));
      const bases = [500, 1000, 2000, 4000, 8000, 8000, 8000];
      values.forEach((value, index) => {
        const base = bases[index] ?? 0;
        expect(value).toBeLessThanOrEqual(base);
        expect(value).toBeGreaterThanOrEqual(base * 0.75);
      });
    }
  });
});

describe('connection refused detection', () => {
  test('finds ECONNREFUSED through causes and AggregateError lists', () => {
    const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused], 'all addresses failed');
    const wrapped = new TypeError('fetch failed', { cause: aggregate });
    expect(isConnectionRefused(wrapped)).toBe(true);
    expect(systemErrorCode(wrapped)).toBe('ECONNREFUSED');
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('socket'), { code: 'ECONNRESET' }),
    });
    expect(isConnectionRefused(reset)).toBe(false);
    expect(isConnectionRefused(new TypeError('terminated'))).toBe(false);
  });

  test('a cyclic cause chain terminates', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isConnectionRefused(error)).toBe(false);
  });
});
