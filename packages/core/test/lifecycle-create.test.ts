import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createToken, isAbortError, TokenDeliveryError } from '../src/index.js';
import {
  type ServiceToken,
  serviceStore,
  startTokenService,
  type TokenService,
} from './helpers/token-service.js';

let service: TokenService;
beforeAll(async () => {
  service = await startTokenService();
});
afterAll(() => service.close());
beforeEach(() => service.reset());

const store = () => serviceStore(service);
const routes = () => service.server.requests.map((request) => `${request.method} ${request.path}`);

/** The create's error, which must be a TokenDeliveryError holding no secret anywhere. */
async function failed(promise: Promise<unknown>): Promise<TokenDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TokenDeliveryError);
  const shown = JSON.stringify(error) + inspect(error, { depth: 8 }) + String(error);
  expect(shown).not.toMatch(/never-shown/);
  return error as TokenDeliveryError;
}

describe('createToken with deliver', () => {
  test('hands over the secret and the stored token before resolving', async () => {
    const handed: [string, ServiceToken][] = [];
    const created = await createToken(
      store(),
      { name: 'ci' },
      {
        deliver: (secret, token: ServiceToken) => {
          handed.push([secret, token]);
        },
      },
    );
    expect(handed).toEqual([['s3cr3t-1-never-shown', created.token]]);
    expect(routes()).toEqual(['POST /tokens']);
  });

  test('a failed delivery deletes the new token and says so, without quoting the cause', async () => {
    const error = await failed(
      createToken(
        store(),
        { name: 'ci' },
        {
          deliver: () => {
            throw new Error('disk full; secret s3cr3t-1-never-shown');
          },
        },
      ),
    );
    expect(error).toMatchObject({ tokenId: 't1', token: 'deleted' });
    expect(error.message).toBe(
      'Creating test token: delivery failed; the new token t1 was deleted, nothing changed',
    );
    expect((error.cause as Error).message).toContain('disk full');
    expect(routes()).toEqual(['POST /tokens', 'DELETE /tokens/t1']);
    expect(service.tokens.size).toBe(0);
  });

  test.each([
    [502, 'unknown', 'deleting the new token t1 lost its answer: check whether it still exists'],
    [403, 'kept', 'deleting the new token t1 failed too: delete it'],
  ] as const)('a clean-up answered %i leaves the token %s', async (status, state, says) => {
    service.failNext('DELETE /tokens/t1', status);
    const error = await failed(
      createToken(store(), { name: 'ci' }, { deliver: () => Promise.reject(new Error('no')) }),
    );
    expect(error.token).toBe(state);
    expect(error.message).toContain(says);
  });

  test('an abort while delivering deletes the new token, though the signal has fired', async () => {
    const controller = new AbortController();
    const error = await failed(
      createToken(
        store(),
        { name: 'ci' },
        {
          signal: controller.signal,
          deliver: () => {
            controller.abort();
            return new Promise(() => {});
          },
        },
      ),
    );
    expect(isAbortError(error.cause)).toBe(true);
    expect(error.token).toBe('deleted');
    expect(service.tokens.size).toBe(0);
  });
});
