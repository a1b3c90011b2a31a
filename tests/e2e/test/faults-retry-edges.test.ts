/**
 * The edges of the retry policy, over real HTTP: paginated iteration through faults, the forms
 * of `Retry-After`, aborting while waiting to retry, the overall deadline, and redirects (which
 * must never carry the credential to another origin).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@tokenkit/core';
import { createInstanaClient } from '@tokenkit/instana';
import { createLosantClient } from '@tokenkit/losant';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { attempts } from './helpers/operations.js';
import { describeOutcome, type Outcome, settle } from './helpers/outcome.js';

let f: Fixture;

beforeEach(async () => {
  f = await startFixture();
});

afterEach(async () => {
  expect(f.watch.leaks()).toEqual([]);
  await f.close();
});

function expectError<T>(outcome: Outcome, type: abstract new (...args: never[]) => T): T {
  expect(outcome.ok, 'the call should have failed').toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(error, describeOutcome(outcome)).toBeInstanceOf(type);
  return error as T;
}

describe.concurrent('iterate() walks every page through faults', () => {
  test('250 tokens in pages of 100, a fault on every page: each token exactly once', async () => {
    const g = await startFixture();
    try {
      const seeded = g.mock.store.losant.add({ applicationId: g.applicationId }, 250);
      for (const token of seeded) g.watch.secret(token.token);
      const route = 'applicationApiTokens.get';
      g.mock.faults.failNext(1, { route, status: 503, retryAfter: 0 });
      const seen: string[] = [];
      for await (const token of g.losant.applicationApiTokens.iterate({
        applicationId: g.applicationId,
        perPage: 100,
      })) {
        seen.push(String(token.id));
        // One fault on each later page: a dropped connection, then a 502 page.
        if (seen.length === 1) g.mock.faults.dropNext(1, { route });
        if (seen.length === 101) g.mock.faults.htmlErrorNext(1, { route });
      }
      expect(seen).toHaveLength(250);
      expect(new Set(seen)).toEqual(new Set(seeded.map((token) => token.id)));
      // 3 pages + 3 retried failures.
      expect(attempts(g, 'applicationApiTokens.get')).toBe(6);
      expect(g.watch.leaks()).toEqual([]);
    } finally {
      await g.close();
    }
  });

  test('a page that keeps failing ends the iteration with ServerError after the pages before it', async () => {
    const g = await startFixture();
    try {
      const seeded = g.mock.store.losant.add('user', 150);
      for (const token of seeded) g.watch.secret(token.token);
      const seen: string[] = [];
      const outcome = await settle(g.watch, async () => {
        for await (const token of g.losant.userApiTokens.iterate({ perPage: 100 })) {
          seen.push(String(token.id));
          // Page 1 fails on every attempt once page 0 has been handed out.
          if (seen.length === 1) {
            g.mock.faults.failNext(3, { route: 'userApiTokens.get', status: 500, retryAfter: 0 });
          }
        }
      });
      expect(expectError(outcome, ServerError).status).toBe(500);
      expect(seen).toHaveLength(100);
      expect(attempts(g, 'userApiTokens.get')).toBe(4);
      expect(g.watch.leaks()).toEqual([]);
    } finally {
      await g.close();
    }
  });
});

describe('Retry-After in its other forms', () => {
  test('an HTTP date a moment ahead is waited out, then the call succeeds', async () => {
    const [token] = f.mock.store.instana.add(1);
    f.watch.secret(token?.accessGrantingToken);
    const soon = new Date(Date.now() + 1000).toUTCString();
    f.mock.faults.failNext(1, { route: 'getApiToken', status: 503, retryAfter: soon });
    const outcome = await settle(f.watch, () =>
      f.instana.apiTokens.getApiToken(String(token?.internalId)),
    );
    expect(outcome.ok, describeOutcome(outcome)).toBe(true);
    expect(attempts(f, 'getApiToken')).toBe(2);
  });

  test('an unreadable value falls back to backoff and still retries', async () => {
    f.mock.faults.failNext(1, { route: 'userApiTokens.get', status: 429, retryAfter: 'soon' });
    const outcome = await settle(f.watch, () => f.losant.userApiTokens.get());
    expect(outcome.ok, describeOutcome(outcome)).toBe(true);
    expect(attempts(f, 'userApiTokens.get')).toBe(2);
  });

  test('an HTTP date an hour ahead is past the cap: RateLimitError at once with the wait', async () => {
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    f.mock.faults.failNext(1, { route: 'getApiTokens', status: 429, retryAfter: later });
    const outcome = await settle(f.watch, () => f.instana.apiTokens.getApiTokens());
    const error = expectError(outcome, RateLimitError);
    expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(3_600_000);
    expect(attempts(f, 'getApiTokens')).toBe(1);
  });
});

describe("Instana's own hourly rate limit", () => {
  test('past the budget: RateLimitError at once (the reset is far off), rateLimit shows 0 left', async () => {
    const g = await startFixture({ mock: { instanaRateLimit: 3 } });
    try {
      for (let call = 0; call < 3; call++) {
        expect(await g.instana.apiTokens.getApiTokens()).toEqual([]);
      }
      expect(g.instana.rateLimit).toMatchObject({ limit: 3, remaining: 0 });
      const outcome = await settle(g.watch, () => g.instana.apiTokens.getApiTokens());
      const error = expectError(outcome, RateLimitError);
      // The window resets within the hour, past the 60 s cap on waits: no retry.
      expect(error.retryAfterMs).toBeGreaterThan(60_000);
      // X-RateLimit-Reset is in whole seconds: up to one more second.
      expect(error.retryAfterMs).toBeLessThanOrEqual(3_601_000);
      expect(attempts(g, 'getApiTokens')).toBe(4);
      expect(g.instana.rateLimit?.resetAt.getTime()).toBeGreaterThan(Date.now());
      expect(g.watch.leaks()).toEqual([]);
    } finally {
      await g.close();
    }
  });
});

describe('aborting and deadlines', () => {
  test('aborting while waiting out a Retry-After ends the call with AbortError, no more attempts', async () => {
    f.mock.faults.failNext(1, { route: 'userApiTokens.get', status: 503, retryAfter: 30 });
    const controller = new AbortController();
    const pending = settle(f.watch, () =>
      f.losant.userApiTokens.get({}, { signal: controller.signal }),
    );
    await vi.waitFor(() => expect(attempts(f, 'userApiTokens.get')).toBe(1), { interval: 5 });
    await vi.waitFor(
      () => expect(f.watch.lines.some((line) => line.message.startsWith('Retrying'))).toBe(true),
      { interval: 5 },
    );
    controller.abort();
    const error = expectError(await pending, AbortError);
    expect(error.request?.method).toBe('GET');
    expect(attempts(f, 'userApiTokens.get')).toBe(1);
  });

  test('a signal aborted before the call: AbortError, nothing sent', async () => {
    const outcome = await settle(f.watch, () =>
      f.instana.apiTokens.getApiTokens({ signal: AbortSignal.abort() }),
    );
    expectError(outcome, AbortError);
    expect(f.mock.requests).toEqual([]);
  });

  test('the overall deadline cuts a slow attempt: TimeoutError of kind total', async () => {
    f.mock.faults.latency({ route: 'userApiTokens.get', ms: 5000 });
    const outcome = await settle(f.watch, () =>
      f.losant.userApiTokens.get({}, { timeout: 20_000, totalTimeout: 600 }),
    );
    const error = expectError(outcome, TimeoutError);
    expect(error.kind).toBe('total');
    expect(error.timeoutMs).toBe(600);
    expect(f.watch.lines.filter((line) => line.message.startsWith('Retrying'))).toEqual([]);
  });

  test('a wait that would pass the overall deadline is not taken: the real error at once', async () => {
    f.mock.faults.failNext(1, { route: 'getApiTokens', status: 503, retryAfter: 20 });
    const outcome = await settle(f.watch, () =>
      f.instana.apiTokens.getApiTokens({ totalTimeout: 5000 }),
    );
    expect(expectError(outcome, ServerError).status).toBe(503);
    expect(attempts(f, 'getApiTokens')).toBe(1);
  });
});

/** A server on another loopback origin that answers every request with a redirect to `target`. */
async function redirector(
  status: number,
  target: string,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    res.writeHead(status, { location: `${target}${req.url ?? '/'}` }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

describe('redirects never carry the credential to another origin', () => {
  for (const status of [301, 302, 307, 308]) {
    test(`a ${status} to the mock (another origin) arrives there without Authorization`, async () => {
      const hop = await redirector(status, f.mock.url);
      try {
        const losant = createLosantClient({
          accessToken: f.mock.losant.accessToken,
          url: hop.url,
          logger: f.watch.logger,
        });
        const instana = createInstanaClient({
          apiToken: f.mock.instana.apiToken,
          baseUrl: hop.url,
          logger: f.watch.logger,
        });
        const losantOutcome = await settle(f.watch, () => losant.userApiTokens.get());
        const instanaOutcome = await settle(f.watch, () => instana.apiTokens.getApiTokens());
        // The mock refuses a call without credentials: that is the proof they were dropped
        // (Losant answers no token at all with 403 "Access is forbidden").
        expect(expectError(losantOutcome, PermissionDeniedError).vendorMessage).toBe(
          'Access is forbidden',
        );
        expect(expectError(instanaOutcome, AuthenticationError).status).toBe(401);
        expect(f.mock.requests.map((entry) => entry.headers.authorization)).toEqual([
          undefined,
          undefined,
        ]);
      } finally {
        await new Promise((resolve) => hop.server.close(resolve));
      }
    });
  }

  test('a redirect loop ends with ConnectionError after a bounded number of hops', async () => {
    const loop = createServer((req, res) => {
      res.writeHead(307, { location: req.url ?? '/' }).end();
    });
    await new Promise<void>((resolve) => loop.listen(0, '127.0.0.1', resolve));
    const { port } = loop.address() as AddressInfo;
    let hops = 0;
    loop.on('request', () => hops++);
    try {
      const losant = createLosantClient({
        accessToken: f.mock.losant.accessToken,
        url: `http://127.0.0.1:${port}`,
        logger: f.watch.logger,
        maxRetries: 0,
      });
      const outcome = await settle(f.watch, () => losant.userApiTokens.get());
      expectError(outcome, ConnectionError);
      expect(hops).toBeLessThanOrEqual(21);
    } finally {
      await new Promise((resolve) => loop.close(resolve));
    }
  });
});
