/**
 * Every idempotent operation of both clients (Losant list/get/delete on all three owners,
 * Instana getApiTokens/getApiToken/putApiToken/deleteApiToken) under every fault the mock
 * server can inject: it either succeeds within its retry budget (2 retries) or fails with the
 * right typed error, after exactly the attempts the retry policy allows. Each test has its own
 * mock server, so they run concurrently.
 */
import {
  ConnectionError,
  RateLimitError,
  type RequestOptions,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from '@tokenkit/core';
import { describe, expect, test, vi } from 'vitest';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { attempts, type IdempotentOperation, idempotentOperations } from './helpers/operations.js';
import { describeOutcome, type Outcome, settle } from './helpers/outcome.js';

interface Context {
  readonly f: Fixture;
  readonly op: IdempotentOperation;
  readonly outcome: Outcome;
  readonly checkResult: (result: unknown) => void;
  readonly applied: () => boolean;
}

interface Scenario {
  readonly name: string;
  /** Injects the fault(s) before the call. */
  arrange(f: Fixture, op: IdempotentOperation): void;
  /** Per-call options. */
  readonly options?: RequestOptions;
  /** Runs while the call is in flight. */
  during?(f: Fixture, op: IdempotentOperation): Promise<void>;
  verify(context: Context): void;
}

function expectSuccess({ outcome, checkResult }: Context): void {
  expect(outcome.ok, describeOutcome(outcome)).toBe(true);
  if (outcome.ok) checkResult(outcome.value);
}

function expectError<T>(outcome: Outcome, type: abstract new (...args: never[]) => T): T {
  expect(outcome.ok, 'the call should have failed').toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(error, describeOutcome(outcome)).toBeInstanceOf(type);
  return error as T;
}

/** How many retries the client logged for `reason` (`timeout`, `connection error`, a status). */
function retriesLogged(f: Fixture, reason: string): number {
  return f.watch.lines.filter(
    (line) => line.message.startsWith('Retrying') && line.message.includes(`after ${reason} `),
  ).length;
}

/** The redacted request on an error names the operation's method. */
function expectRequest(
  error: { request?: { method: string } | undefined },
  op: IdempotentOperation,
) {
  expect(error.request?.method).toBe(op.method);
}

const scenarios: Scenario[] = [
  {
    name: 'a burst of two 503s (Retry-After: 0) is retried through',
    arrange: (f, op) => f.mock.faults.failNext(2, { route: op.route, status: 503, retryAfter: 0 }),
    verify(context) {
      expectSuccess(context);
      expect(attempts(context.f, context.op.route)).toBe(3);
    },
  },
  {
    name: 'three 5xx in a row exhaust the budget: ServerError with the last status',
    arrange(f, op) {
      for (const status of [500, 502, 504]) {
        f.mock.faults.failNext(1, { route: op.route, status, retryAfter: 0 });
      }
    },
    verify({ f, op, outcome, applied }) {
      const error = expectError(outcome, ServerError);
      expect(error.status).toBe(504);
      expect(error.vendorMessage).toMatch(/gateway timeout/i);
      expectRequest(error, op);
      expect(attempts(f, op.route)).toBe(3);
      expect(applied()).toBe(false);
    },
  },
  {
    name: '429 with Retry-After: 1 is waited out (the wait logged as 1000 ms), then succeeds',
    arrange: (f, op) => f.mock.faults.failNext(1, { route: op.route, status: 429, retryAfter: 1 }),
    verify(context) {
      expectSuccess(context);
      expect(attempts(context.f, context.op.route)).toBe(2);
      const waits = context.f.watch.lines
        .map((line) => (line.details as { waitMs?: unknown } | undefined)?.waitMs)
        .filter((wait) => wait !== undefined);
      expect(waits).toEqual([1000]);
    },
  },
  {
    name: '429 with maxRetries 0: RateLimitError carrying retryAfterMs from Retry-After',
    arrange: (f, op) => f.mock.faults.failNext(1, { route: op.route, status: 429, retryAfter: 1 }),
    options: { maxRetries: 0 },
    verify({ f, op, outcome }) {
      const error = expectError(outcome, RateLimitError);
      expect(error.status).toBe(429);
      expect(error.retryAfterMs).toBe(1000);
      expectRequest(error, op);
      expect(attempts(f, op.route)).toBe(1);
    },
  },
  {
    name: '429 asking for a wait past the cap (Retry-After: 120) fails at once with RateLimitError',
    arrange: (f, op) =>
      f.mock.faults.failNext(1, { route: op.route, status: 429, retryAfter: 120 }),
    verify({ f, op, outcome }) {
      const error = expectError(outcome, RateLimitError);
      expect(error.retryAfterMs).toBe(120_000);
      expect(attempts(f, op.route)).toBe(1);
    },
  },
  {
    name: '429 with X-RateLimit-Reset (epoch seconds) is waited out, then succeeds',
    arrange: (f, op) =>
      f.mock.faults.failNext(1, {
        route: op.route,
        status: 429,
        rateLimitReset: Math.ceil(Date.now() / 1000),
      }),
    verify(context) {
      expectSuccess(context);
      expect(attempts(context.f, context.op.route)).toBe(2);
    },
  },
  {
    name: 'one dropped connection (before the response) is retried through',
    arrange: (f, op) => f.mock.faults.dropNext(1, { route: op.route }),
    verify(context) {
      expectSuccess(context);
      expect(attempts(context.f, context.op.route)).toBe(2);
    },
  },
  {
    name: 'a connection dropped on every attempt: ConnectionError after 3 attempts',
    arrange: (f, op) => f.mock.faults.dropNext(3, { route: op.route }),
    verify({ f, op, outcome, applied }) {
      const error = expectError(outcome, ConnectionError);
      expectRequest(error, op);
      expect(attempts(f, op.route)).toBe(3);
      expect(applied()).toBe(false);
    },
  },
  {
    name: 'a connection dropped mid-body is retried; the change is applied exactly once',
    arrange: (f, op) => f.mock.faults.dropNext(1, { route: op.route, when: 'mid-body' }),
    verify(context) {
      const { f, op, outcome, applied } = context;
      expect(attempts(f, op.route)).toBe(2);
      if (op.method === 'DELETE') {
        // The first attempt deleted the token; the retry can only find it gone.
        if (!outcome.ok) expect(expectError(outcome, Error).name).toBe('NotFoundError');
        expect(applied()).toBe(true);
      } else {
        expectSuccess(context);
      }
    },
  },
  {
    name: 'a truncated body: ResponseValidationError (not retried), or success without a body',
    arrange: (f, op) => f.mock.faults.truncateNext(1, { route: op.route }),
    verify(context) {
      const { f, op, outcome, applied } = context;
      expect(attempts(f, op.route)).toBe(1);
      if (!op.hasBody) return expectSuccess(context);
      const error = expectError(outcome, ResponseValidationError);
      expect(error.status).toBe(200);
      expect(error.issues[0]?.message).toMatch(/not valid JSON/);
      expectRequest(error, op);
      expect(applied()).toBe(op.method !== 'GET');
    },
  },
  {
    name: 'a body that is not JSON: ResponseValidationError, or success without a body',
    arrange: (f, op) => f.mock.faults.invalidJsonNext(1, { route: op.route }),
    verify(context) {
      const { f, op, outcome } = context;
      expect(attempts(f, op.route)).toBe(1);
      if (!op.hasBody) return expectSuccess(context);
      const error = expectError(outcome, ResponseValidationError);
      expect(error.status).toBe(200);
    },
  },
  {
    name: "one proxy's HTML 502 page is retried through",
    arrange: (f, op) => f.mock.faults.htmlErrorNext(1, { route: op.route }),
    verify(context) {
      expectSuccess(context);
      expect(attempts(context.f, context.op.route)).toBe(2);
    },
  },
  {
    name: 'HTML 503 pages on every attempt: ServerError with a text snippet as body',
    arrange: (f, op) => f.mock.faults.htmlErrorNext(3, { route: op.route, status: 503 }),
    verify({ f, op, outcome, applied }) {
      const error = expectError(outcome, ServerError);
      expect(error.status).toBe(503);
      expect(typeof error.body).toBe('string');
      expect(String(error.body)).toContain('503 Service Unavailable');
      expect(String(error.body).length).toBeLessThanOrEqual(200);
      expect(attempts(f, op.route)).toBe(3);
      expect(applied()).toBe(false);
    },
  },
  {
    name: 'a latency spike on the first attempt times it out; a retry succeeds',
    arrange: (f, op) => f.mock.faults.latency({ route: op.route, ms: 5000 }),
    options: { timeout: 1000 },
    async during(f, op) {
      // The spike ends once the first attempt has reached the server.
      await vi.waitFor(() => expect(attempts(f, op.route)).toBeGreaterThan(0), {
        timeout: 5000,
        interval: 5,
      });
      f.mock.faults.clear();
    },
    verify(context) {
      const { f, op, outcome, applied } = context;
      expect(retriesLogged(f, 'timeout')).toBeGreaterThanOrEqual(1);
      if (op.method === 'DELETE' && !outcome.ok) {
        // A timed-out attempt may still have been processed; the next one finds it gone.
        expect(expectError(outcome, Error).name).toBe('NotFoundError');
        expect(applied()).toBe(true);
      } else {
        expectSuccess(context);
      }
    },
  },
  {
    name: 'latency past the timeout on every attempt: TimeoutError (attempt) after 3 attempts',
    arrange: (f, op) => f.mock.faults.latency({ route: op.route, ms: 5000 }),
    options: { timeout: 400 },
    verify({ f, op, outcome }) {
      const error = expectError(outcome, TimeoutError);
      expect(error.kind).toBe('attempt');
      expect(error.timeoutMs).toBe(400);
      expectRequest(error, op);
      // Counted by the client: on a loaded machine an attempt can time out before the server
      // has even read it, so the server's log may hold fewer.
      expect(retriesLogged(f, 'timeout')).toBe(2);
      expect(attempts(f, op.route)).toBeLessThanOrEqual(3);
    },
  },
  {
    name: 'latency within the timeout: one attempt, success',
    arrange: (f, op) => f.mock.faults.latency({ route: op.route, ms: 50 }),
    verify(context) {
      expectSuccess(context);
      expect(attempts(context.f, context.op.route)).toBe(1);
    },
  },
];

describe.concurrent('idempotent operations under injected faults', () => {
  for (const op of idempotentOperations) {
    describe(op.name, () => {
      for (const scenario of scenarios) {
        test(scenario.name, async () => {
          const f = await startFixture();
          try {
            const prepared = op.prepare(f);
            scenario.arrange(f, op);
            const pending = settle(f.watch, () => prepared.call(scenario.options));
            await scenario.during?.(f, op);
            const outcome = await pending;
            scenario.verify({
              f,
              op,
              outcome,
              checkResult: prepared.checkResult,
              applied: prepared.applied,
            });
            expect(f.watch.leaks()).toEqual([]);
          } finally {
            await f.close();
          }
        });
      }
    });
  }
});
