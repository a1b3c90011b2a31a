import { ConnectionError, RequestValidationError } from '@tokenkit/core';
import { expect } from 'vitest';
import type { Fixture } from './fixture.js';
import { describeOutcome, settle } from './outcome.js';

/** How often each outcome happened over a property's runs, to prove it tested both. */
export interface Tally {
  refused: number;
  accepted: number;
}

/** A fresh tally. */
export const tally = (): Tally => ({ refused: 0, accepted: 0 });

/**
 * The bad-input contract for one call: either it is refused with `RequestValidationError`
 * before anything is sent (the mock's request log stays empty), or exactly one request goes out
 * and the mock server accepts it (2xx). Anything else (another error class, a 4xx, a retry)
 * fails. Clients here are built with `maxRetries: 0`.
 */
export async function refusedOrAccepted(
  f: Fixture,
  counts: Tally,
  call: () => unknown,
): Promise<unknown> {
  f.mock.clearRequests();
  // `call` may throw synchronously (newApiToken, client construction): settle catches both.
  let outcome = await settle(f.watch, async () => call());
  if (isStaleSocketReset(outcome.ok ? undefined : outcome.error) && f.mock.requests.length === 0) {
    // A reused keep-alive socket the server had just closed (seen only on a heavily loaded
    // machine): the server saw nothing, so this says nothing about the input. Try once more.
    outcome = await settle(f.watch, async () => call());
  }
  const sent = f.mock.requests;
  if (!outcome.ok) {
    expect(outcome.error, describeOutcome(outcome)).toBeInstanceOf(RequestValidationError);
    const error = outcome.error as RequestValidationError;
    expect(error.field, 'a RequestValidationError names its field').not.toBe('');
    expect(sent, 'a refused call sends nothing').toEqual([]);
    counts.refused++;
    return undefined;
  }
  expect(sent.map((entry) => entry.status)).toEqual([expect.any(Number)]);
  const status = sent[0]?.status ?? 0;
  expect(status >= 200 && status < 300, `the mock answered ${status}`).toBe(true);
  counts.accepted++;
  return outcome.value;
}

/** Asserts the property exercised both sides of the contract. */
export function expectBothOutcomes(counts: Tally): void {
  expect(counts.refused, 'some inputs were refused').toBeGreaterThan(0);
  expect(counts.accepted, 'some inputs were accepted').toBeGreaterThan(0);
}

/** A connection reset on a reused socket: the transport's problem, not the input's. */
function isStaleSocketReset(error: unknown): boolean {
  return error instanceof ConnectionError && error.code === 'ECONNRESET';
}
