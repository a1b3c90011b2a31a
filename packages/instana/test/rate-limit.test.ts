import { startRecordingServer } from '@tokenkit/http-test-server';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createInstanaClient,
  isRateLimitError,
  type Logger,
  newApiToken,
  type RateLimitError,
} from '../src/index.js';

let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, instanaRateLimit: 50 });
});
afterAll(() => mock.close());
afterEach(() => {
  mock.store.reset();
  mock.faults.clear();
  mock.clearRequests();
});

async function rateLimited(promise: Promise<unknown>): Promise<RateLimitError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!isRateLimitError(error)) throw new Error(`expected a RateLimitError, got ${String(error)}`);
  return error;
}

/** Epoch seconds about one second ahead: the soonest reset a test can wait for. */
function resetSoon(): number {
  return Math.ceil(Date.now() / 1000) + 1;
}

describe('rate limits', () => {
  it('keeps a snapshot of the latest X-RateLimit-* headers, remaining counting down', async () => {
    const instana = createInstanaClient({ apiToken: mock.instana.apiToken, baseUrl: mock.url });
    expect(instana.rateLimit).toBeUndefined();
    mock.store.instana.add(1);
    await instana.apiTokens.getApiTokens();
    const first = instana.rateLimit!;
    expect(first.limit).toBe(50);
    expect(first.resetAt).toBeInstanceOf(Date);
    expect(first.resetAt.getTime() % 1000).toBe(0);
    expect(first.resetAt.getTime()).toBeGreaterThan(Date.now());
    expect(first.resetAt.getTime()).toBeLessThanOrEqual(Date.now() + 3_601_000);
    await instana.apiTokens.getApiTokens();
    expect(instana.rateLimit).toEqual({ ...first, remaining: first.remaining - 1 });
    // A 404 carries the headers too.
    await instana.apiTokens.getApiToken('missing').catch(() => undefined);
    expect(instana.rateLimit?.remaining).toBe(first.remaining - 2);
  });

  it('reads the exact header values, and keeps them across a response without any', async () => {
    const server = await startRecordingServer();
    try {
      const instana = createInstanaClient({ apiToken: 'token-1234', baseUrl: server.url });
      server.respond = () => ({
        headers: {
          'X-RateLimit-Limit': '5000',
          'X-RateLimit-Remaining': '4321',
          'X-RateLimit-Reset': '1767225600',
        },
        body: [],
      });
      await instana.apiTokens.getApiTokens();
      const expected = { limit: 5000, remaining: 4321, resetAt: new Date(1_767_225_600_000) };
      expect(instana.rateLimit).toEqual(expected);
      server.respond = () => ({ body: [] });
      await instana.apiTokens.getApiTokens();
      expect(instana.rateLimit).toEqual(expected);
      server.respond = () => ({
        headers: {
          'X-RateLimit-Limit': 'many',
          'X-RateLimit-Remaining': '1',
          'X-RateLimit-Reset': '2',
        },
        body: [],
      });
      await instana.apiTokens.getApiTokens();
      expect(instana.rateLimit).toEqual(expected);
    } finally {
      await server.close();
    }
  });

  it('retries a GET, PUT and DELETE after a 429 once X-RateLimit-Reset has passed', async () => {
    const lines: Parameters<NonNullable<Logger['info']>>[] = [];
    const instana = createInstanaClient({
      apiToken: mock.instana.apiToken,
      baseUrl: mock.url,
      logger: { info: (...line) => lines.push(line) },
    });
    const [seeded] = mock.store.instana.add(1);
    mock.faults.failNext(1, { status: 429, rateLimitReset: resetSoon(), route: 'getApiTokens' });
    const tokens = await instana.apiTokens.getApiTokens();
    expect(tokens.map((token) => token.internalId)).toEqual([seeded!.internalId]);
    expect(lines).toHaveLength(1);
    const wait = lines[0]![1]!.waitMs as number;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(2_000);

    const token = newApiToken({ name: 'put-after-429' });
    mock.faults.failNext(1, { status: 429, rateLimitReset: resetSoon() - 5, method: 'PUT' });
    await instana.apiTokens.putApiToken(token.internalId, token);
    mock.faults.failNext(1, { status: 429, rateLimitReset: resetSoon() - 5, method: 'DELETE' });
    await instana.apiTokens.deleteApiToken(token.internalId);

    expect(mock.requests.map((entry) => `${entry.operation} ${entry.status}`)).toEqual([
      'getApiTokens 429',
      'getApiTokens 200',
      'putApiToken 429',
      'putApiToken 200',
      'deleteApiToken 429',
      'deleteApiToken 204',
    ]);
  });

  it('surfaces a 429 on POST as RateLimitError without sending it twice', async () => {
    const instana = createInstanaClient({
      apiToken: mock.instana.apiToken,
      baseUrl: mock.url,
      maxRetries: 5,
    });
    const token = newApiToken({ name: 'once' });
    mock.faults.failNext(1, { status: 429, rateLimitReset: resetSoon(), route: 'postApiToken' });
    const error = await rateLimited(instana.apiTokens.postApiToken(token));
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(2_000);
    expect(mock.requests.filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(mock.store.instana.list()).toEqual([]);

    // The caller decides: send it again, and exactly one token exists.
    await instana.apiTokens.postApiToken(token);
    expect(mock.store.instana.list().map((stored) => stored.internalId)).toEqual([
      token.internalId,
    ]);
  });

  it('does not wait out a reset beyond the retry budget: the RateLimitError says how long', async () => {
    const small = await startMockServer({ port: 0, instanaRateLimit: 2 });
    try {
      const instana = createInstanaClient({ apiToken: small.instana.apiToken, baseUrl: small.url });
      await instana.apiTokens.getApiTokens();
      await instana.apiTokens.getApiTokens();
      const error = await rateLimited(instana.apiTokens.getApiTokens());
      expect(instana.rateLimit?.remaining).toBe(0);
      const untilReset = instana.rateLimit!.resetAt.getTime() - Date.now();
      expect(error.retryAfterMs).toBeGreaterThan(60_000);
      expect(Math.abs(error.retryAfterMs! - untilReset)).toBeLessThan(5_000);
      expect(small.requests).toHaveLength(3);
    } finally {
      await small.close();
    }
  });
});
