import type { MockServer } from '@tokenkit/mock-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  type ApiError,
  CreateOutcomeUnknownError,
  type LosantClient,
  ServerError,
  TimeoutError,
} from '../src/index.js';
import { startMock } from './helpers/mock.js';

let mock: MockServer;
let losant: LosantClient;

beforeAll(async () => {
  ({ mock, losant } = await startMock());
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.store.reset();
  mock.clearRequests();
});
afterEach(() => mock.faults.clear());

function attempts(operation: string): number {
  return mock.requests.filter((entry) => entry.operation === operation).length;
}

describe('retries', () => {
  it('retries a GET after an injected 503 and succeeds', async () => {
    mock.store.losant.add('user', 3);
    mock.faults.failNext(1, { status: 503, route: 'userApiTokens.get', retryAfter: '0' });
    const page = await losant.userApiTokens.get();
    expect(page.totalCount).toBe(3);
    expect(attempts('userApiTokens.get')).toBe(2);
    expect(mock.requests.map((entry) => entry.status)).toEqual([503, 200]);
  });

  it('retries a DELETE, which is idempotent', async () => {
    const [token] = mock.store.losant.add('user', 1);
    mock.faults.failNext(1, { status: 502, route: 'userApiToken.delete', retryAfter: '0' });
    await expect(losant.userApiToken.delete({ apiTokenId: token!.id })).resolves.toEqual({
      success: true,
    });
    expect(attempts('userApiToken.delete')).toBe(2);
  });

  it('does not resend a POST after a 503: it lists the candidates and says the outcome is unknown', async () => {
    mock.faults.failNext(1, { status: 503, route: 'userApiTokens.post', retryAfter: '0' });
    const error = await losant.userApiTokens
      .post({ apiToken: { name: 'once' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as CreateOutcomeUnknownError).candidateIds).toEqual([]);
    expect(attempts('userApiTokens.post')).toBe(1);
    expect(attempts('userApiTokens.get')).toBe(1);
  });

  it('does not resend a POST refused with a 4xx', async () => {
    mock.faults.failNext(1, { status: 409, route: 'userApiTokens.post' });
    const error = await losant.userApiTokens
      .post({ apiToken: { name: 'once' } })
      .catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(409);
    expect(attempts('userApiTokens.post')).toBe(1);
    expect(mock.store.losant.list('user')).toHaveLength(0);
  });

  it('does not retry a PATCH after a 503', async () => {
    const [token] = mock.store.losant.add('user', 1);
    mock.faults.failNext(1, { status: 503, route: 'userApiToken.patch', retryAfter: '0' });
    await expect(
      losant.userApiToken.patch({ apiTokenId: token!.id, apiToken: { name: 'renamed' } }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(attempts('userApiToken.patch')).toBe(1);
    expect(mock.store.losant.get('user', token!.id)?.name).toBe(token!.name);
  });

  it('gives up after maxRetries, per call', async () => {
    mock.faults.failNext(5, { status: 503, route: 'userApiTokens.get', retryAfter: '0' });
    await expect(losant.userApiTokens.get({}, { maxRetries: 1 })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(attempts('userApiTokens.get')).toBe(2);
  });
});

describe('timeouts and aborts', () => {
  it('ends a slow attempt with a TimeoutError', async () => {
    mock.faults.latency({ route: 'userApiTokens.get', ms: 400 });
    const error = await losant.userApiTokens
      .get({}, { timeout: 50, maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe('attempt');
  });

  it('ends an aborted call with an AbortError', async () => {
    mock.faults.latency({ route: 'userApiTokens.get', ms: 400 });
    const controller = new AbortController();
    const pending = losant.userApiTokens.get({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });
});
