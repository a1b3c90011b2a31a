import { describe, expect, it } from 'vitest';
import {
  CreateOutcomeUnknownError,
  createToken,
  isAnswerLost,
  losantTokenStore,
  NotFoundError,
} from '../src/index.js';
import { useMock } from './helpers/mock.js';

const env = useMock();

/** Each way the answer to a request can be lost, as the mock injects it on one route. */
const faults = {
  'dropped before the response': (route: string) => env.mock.faults.dropNext(1, { route }),
  'dropped mid-body': (route: string) => env.mock.faults.dropNext(1, { route, when: 'mid-body' }),
  truncated: (route: string) => env.mock.faults.truncateNext(1, { route }),
  'invalid JSON': (route: string) => env.mock.faults.invalidJsonNext(1, { route }),
  '502 HTML page': (route: string) => env.mock.faults.htmlErrorNext(1, { route, status: 502 }),
} as const;
const faultNames = Object.keys(faults) as (keyof typeof faults)[];

function posts(operation: string): number {
  return env.mock.requests.filter((entry) => entry.operation === operation).length;
}

describe('the raw post after a lost answer deletes nothing and names the candidates', () => {
  it.each(faultNames)('user token, %s', async (fault) => {
    faults[fault]('userApiTokens.post');
    const error = await env.losant.userApiTokens
      .post({ apiToken: { name: 'ci', scope: ['all.User.read'] } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    // Whatever the mock made (a dropped or 502 answer may come before it acts) is named, not deleted.
    const stored = env.mock.store.losant.list('user').map((token) => token.id);
    expect((error as CreateOutcomeUnknownError).candidateIds).toEqual(stored);
    expect((error as Error).message).toContain('nothing was deleted');
    expect(posts('userApiTokens.post')).toBe(1);
  });
});

describe('createToken over a store ends with one token and its secret in hand', () => {
  it.each(faultNames)('user token, %s', async (fault) => {
    faults[fault]('userApiTokens.post');
    const { token, secret } = await createToken(losantTokenStore(env.losant, { user: true }), {
      name: 'ci',
      scope: ['all.User.read'],
    });
    expect(env.mock.store.losant.list('user').map((stored) => stored.id)).toEqual([token.id]);
    // The secret in hand is the live token's: it authenticates.
    await expect(env.clientWith(secret).userApiTokens.get()).resolves.toMatchObject({
      totalCount: 1,
    });
    expect(posts('userApiTokens.post')).toBe(2);
  });

  it.each(faultNames)('application token, %s', async (fault) => {
    const applicationId = env.mock.losant.applicationId;
    const [other] = env.mock.store.losant.add({ applicationId }, [{ name: 'other' }]);
    faults[fault]('applicationApiTokens.post');
    const { token, secret } = await createToken(losantTokenStore(env.losant, { applicationId }), {
      name: 'gateway',
      scope: ['all.Application'],
    });
    const ids = env.mock.store.losant.list({ applicationId }).map((stored) => stored.id);
    expect(ids.sort()).toEqual([other!.id, token.id].sort());
    await expect(
      env.clientWith(secret).applicationApiTokens.get({ applicationId }),
    ).resolves.toMatchObject({ totalCount: 2 });
  });

  it('instance token, dropped mid-body', async () => {
    const instanceId = env.mock.losant.instanceId;
    faults['dropped mid-body']('instanceApiTokens.post');
    const { token } = await createToken(losantTokenStore(env.losant, { instanceId }), {
      name: 'ops',
      scope: ['all.Instance'],
    });
    expect(env.mock.store.losant.list({ instanceId }).map((stored) => stored.id)).toEqual([
      token.id,
    ]);
  });
});

describe('when the create cannot be settled, no token is left without a known secret', () => {
  it('an answer lost twice: both tokens deleted, the error thrown, the count unchanged', async () => {
    env.mock.faults.dropNext(2, { route: 'userApiTokens.post', when: 'mid-body' });
    const error = await createToken(losantTokenStore(env.losant, { user: true }), {
      name: 'twice',
    }).catch((caught: unknown) => caught);
    expect(isAnswerLost(error)).toBe(true);
    expect(posts('userApiTokens.post')).toBe(2);
    expect(env.mock.store.losant.list('user')).toHaveLength(0);
  });

  it('a failed check: CreateOutcomeUnknownError, no second create, nothing deleted', async () => {
    env.mock.faults.dropNext(1, { route: 'userApiTokens.post', when: 'mid-body' });
    env.mock.faults.failNext(3, { status: 503, route: 'userApiTokens.get', retryAfter: '0' });
    const error = await createToken(losantTokenStore(env.losant, { user: true }), {
      name: 'unchecked',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as Error).message).toMatch(/listing the tokens to find it failed/);
    expect(posts('userApiTokens.post')).toBe(1);
    expect(env.mock.store.losant.list('user')).toHaveLength(1);
  });
});

describe('DELETE with a lost answer', () => {
  it.each(['before-response', 'mid-body'] as const)(
    'resolves when the first answer is dropped %s',
    async (when) => {
      const [token] = env.mock.store.losant.add('user', 1);
      env.mock.faults.dropNext(1, { route: 'userApiToken.delete', when });
      await expect(env.losant.userApiToken.delete({ apiTokenId: token!.id })).resolves.toEqual({
        success: true,
      });
      expect(env.mock.store.losant.list('user')).toHaveLength(0);
    },
  );

  it('a 404 on the first attempt is still a NotFoundError', async () => {
    await expect(
      env.losant.userApiToken.delete({ apiTokenId: 'ffffffffffffffffffffffff' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('a create that timed out', () => {
  it('is not sent again while it may still land: CreateOutcomeUnknownError', async () => {
    env.mock.faults.latency({ route: 'userApiTokens.post', ms: 800 });
    const store = losantTokenStore(env.losant, { user: true });
    const error = await createToken(store, { name: 'slow' }, { timeout: 300 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as Error).message).toMatch(
      /carries the description 'tokenkit-create:[0-9a-f-]{36}': none exists yet, but the request may still be processed/,
    );
    expect(posts('userApiTokens.post')).toBe(1);
  });

  it('the raw post says so too', async () => {
    env.mock.faults.latency({ route: 'userApiTokens.post', ms: 800 });
    const error = await env.losant.userApiTokens
      .post({ apiToken: { name: 'slow' } }, { timeout: 300 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as Error).message).toMatch(
      /no token named 'slow' exists yet, but the request may still be processed/,
    );
  });
});
