import { type Rewrite, type RewritingProxy, startRewritingProxy } from '@tokenkit/http-test-server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ApiToken,
  CreateOutcomeUnknownError,
  createLosantClient,
  createToken,
  isRotationError,
  losantTokenStore,
  RotationError,
  rotateToken,
} from '../src/index.js';
import { useMock } from './helpers/mock.js';

const env = useMock();
let proxy: RewritingProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** A client whose requests pass a hostile proxy in front of the mock. */
async function behindProxy(rewrite: Rewrite) {
  proxy = await startRewritingProxy(env.mock.url, rewrite);
  return createLosantClient({ url: proxy.url, accessToken: env.mock.losant.accessToken });
}

function userTokens(): ApiToken[] {
  return env.mock.store.losant.list('user') as ApiToken[];
}

/** Answers the first create of `/me/tokens` after `meanwhile` ran, with `answer` (or drops it). */
function firstCreate(
  answer: (body: string) => string | 'drop',
  meanwhile = async () => {},
): Rewrite {
  let seen = false;
  return async ({ method, url, answer: body }) => {
    if (seen || method !== 'POST' || !url.startsWith('/me/tokens')) return body;
    seen = true;
    await meanwhile();
    return answer(body);
  };
}

describe('exactly-once create, by a marker the call chose', () => {
  it('another client creating the same name while our answer is lost keeps its token', async () => {
    let theirs: ApiToken | undefined;
    const client = await behindProxy(
      firstCreate(
        () => 'drop',
        async () => {
          theirs = await env.losant.userApiTokens.post({ apiToken: { name: 'ci' } });
        },
      ),
    );
    const { token, secret } = await createToken(losantTokenStore(client, { user: true }), {
      name: 'ci',
      description: 'deploys',
    });
    const ids = userTokens().map((stored) => stored.id);
    expect(ids.sort()).toEqual([theirs!.id, token.id].sort());
    expect(token.description).toBe('deploys');
    await expect(env.clientWith(secret).userApiTokens.get()).resolves.toBeDefined();
  });

  it('the raw post in the same race deletes nothing and names both tokens', async () => {
    let theirs: ApiToken | undefined;
    const client = await behindProxy(
      firstCreate(
        () => 'drop',
        async () => {
          theirs = await env.losant.userApiTokens.post({ apiToken: { name: 'ci' } });
        },
      ),
    );
    const error = await client.userApiTokens
      .post({ apiToken: { name: 'ci' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    const stored = userTokens().map((token) => token.id);
    expect(stored).toHaveLength(2);
    expect([...(error as CreateOutcomeUnknownError).candidateIds].sort()).toEqual(stored.sort());
    expect(stored).toContain(theirs!.id);
  });

  it('the raw post sends no marker: the description is what the caller gave', async () => {
    await env.losant.userApiTokens.post({ apiToken: { name: 'plain' } });
    const [request] = env.mock.requests.filter((entry) => entry.operation === 'userApiTokens.post');
    expect(request?.body).toEqual({ name: 'plain' });
    expect(userTokens()[0]?.description).toBeUndefined();
  });

  it('a marked create restores the description: none becomes empty', async () => {
    const { token } = await createToken(losantTokenStore(env.losant, { user: true }), {
      name: 'no-description',
    });
    expect(token.description).toBe('');
    expect(userTokens()[0]?.description).toBe('');
  });

  it('a 201 whose secret a proxy removed counts as lost: the token is deleted, then made again', async () => {
    const client = await behindProxy(
      firstCreate((body) => {
        const { token: _removed, ...rest } = JSON.parse(body) as Record<string, unknown>;
        return JSON.stringify(rest);
      }),
    );
    const { token, secret } = await createToken(losantTokenStore(client, { user: true }), {
      name: 'ci',
    });
    expect(userTokens().map((stored) => stored.id)).toEqual([token.id]);
    await expect(env.clientWith(secret).userApiTokens.get()).resolves.toBeDefined();
    const posts = env.mock.requests.filter((entry) => entry.operation === 'userApiTokens.post');
    expect(posts).toHaveLength(2);
  });
});

describe('rotate when the create answer cannot be read', () => {
  it('a 201 without its secret: that replacement is deleted, a new one made, the old one revoked', async () => {
    const [old] = env.mock.store.losant.add('user', [{ name: 'ci', scope: ['all.User.read'] }]);
    const client = await behindProxy(
      firstCreate((body) => {
        const { token: _removed, ...rest } = JSON.parse(body) as Record<string, unknown>;
        return JSON.stringify(rest);
      }),
    );
    const delivered: string[] = [];
    const rotation = await client.userApiToken.rotate({
      apiTokenId: old!.id,
      deliver: (secret) => {
        delivered.push(secret);
      },
    });
    expect(userTokens().map((token) => token.id)).toEqual([rotation.created.id]);
    expect(delivered).toEqual([rotation.secret]);
    await expect(env.clientWith(rotation.secret).userApiTokens.get()).resolves.toBeDefined();
  });
});

describe('a marked create that cannot finish leaves no token whose secret nobody holds', () => {
  it('restoring the description fails: the token is deleted and the error thrown', async () => {
    env.mock.faults.failNext(1, { status: 503, route: 'userApiToken.patch', retryAfter: '0' });
    const error = await createToken(losantTokenStore(env.losant, { user: true }), {
      name: 'ci',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ServerError', status: 503 });
    expect(userTokens()).toEqual([]);
  });

  it('the token a lost create made cannot be deleted: the error names it', async () => {
    env.mock.faults.dropNext(1, { route: 'userApiTokens.post', when: 'mid-body' });
    env.mock.faults.failNext(3, { status: 503, route: 'userApiToken.delete', retryAfter: '0' });
    const error = await createToken(losantTokenStore(env.losant, { user: true }), {
      name: 'ci',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as CreateOutcomeUnknownError).candidateIds).toEqual(
      userTokens().map((token) => token.id),
    );
    expect((error as Error).message).toMatch(/nobody holds its secret, and deleting it failed/);
  });
});

describe('rotate: what is kept, and the check of the new secret', () => {
  it('an inactive token gets an inactive replacement, unchecked (Losant refuses inactive tokens)', async () => {
    const [old] = env.mock.store.losant.add('user', [
      { name: 'parked', status: 'inactive', scope: ['all.User.read'] },
    ]);
    const rotation = await env.losant.userApiToken.rotate({
      apiTokenId: old!.id,
      deliver: () => {},
    });
    expect(rotation.created.status).toBe('inactive');
    expect(rotation.verified).toBe('skipped');
    expect(rotation.kept).toContain('status');
  });

  it('status and expirationDate can be overridden; null means never', async () => {
    const [old] = env.mock.store.losant.add('user', [
      {
        name: 'parked',
        status: 'inactive',
        expirationDate: new Date(Date.now() + 86_400_000).toISOString(),
      },
    ]);
    const rotation = await env.losant.userApiToken.rotate({
      apiTokenId: old!.id,
      deliver: () => {},
      status: 'active',
      expirationDate: null,
    });
    expect(rotation.created.status).toBe('active');
    expect(rotation.created.expirationDate).toBeUndefined();
    expect(rotation.kept).not.toContain('status');
    expect(rotation.kept).not.toContain('expirationDate');
    expect(rotation.verified).toBe('valid');
  });

  it('a draft override sets declared fields over the carried ones, and they are not kept', async () => {
    const applicationId = env.mock.losant.applicationId;
    const [old] = env.mock.store.losant.add({ applicationId }, [
      { name: 'deploy', scope: ['all.Device.read'], description: 'old words' },
    ]);
    const store = losantTokenStore(env.losant, { applicationId });
    const rotation = await rotateToken(store, {
      id: old!.id,
      deliver: () => {},
      overrides: { draft: { scope: ['all.Application'], description: undefined } },
    });
    const stored = env.mock.store.losant
      .list({ applicationId })
      .find((token) => token.id === rotation.created.id);
    expect(stored).toMatchObject({ name: 'deploy', scope: ['all.Application'] });
    // The create's one-time marker is restored to no description at all.
    expect(stored?.description ?? '').toBe('');
    expect(rotation.kept).toContain('name');
    expect(rotation.kept).not.toContain('scope');
    expect(rotation.kept).not.toContain('description');
    expect(rotation).toMatchObject({ verified: 'valid', revoked: 'deleted' });
  });

  it('a token that may not read itself is limited, and the rotation completes', async () => {
    const applicationId = env.mock.losant.applicationId;
    const [old] = env.mock.store.losant.add({ applicationId }, [
      { name: 'devices', scope: ['all.Device.read'] },
    ]);
    const rotation = await env.losant.applicationApiToken.rotate({
      applicationId,
      apiTokenId: old!.id,
      deliver: () => {},
    });
    expect(rotation).toMatchObject({ verified: 'limited', revoked: 'deleted' });
  });

  it('a new secret refused with 401 undoes the rotation: replacement deleted, old untouched', async () => {
    const [old] = env.mock.store.losant.add('user', [{ name: 'ci', scope: ['all.User.read'] }]);
    const error = await env.losant.userApiToken
      .rotate({
        apiTokenId: old!.id,
        // Delivered; now the server refuses the new secret on its first use.
        deliver: () => env.mock.faults.failNext(1, { status: 401, route: 'userApiToken.get' }),
      })
      .catch((caught: unknown) => caught);
    expect(isRotationError(error)).toBe(true);
    expect(error).toMatchObject({ step: 'verify', replacement: 'deleted', old: 'untouched' });
    expect(userTokens().map((token) => token.id)).toEqual([old!.id]);
  });

  it('a store for each owner rotates the same way', async () => {
    const instanceId = env.mock.losant.instanceId;
    const [old] = env.mock.store.losant.add({ instanceId }, [
      { name: 'ops', scope: ['all.Instance'] },
    ]);
    const store = losantTokenStore(env.losant, { instanceId });
    expect(store.label).toBe(`Losant API token of instance ${instanceId}`);
    const error = await store
      .deactivate?.('ffffffffffffffffffffffff')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'NotFoundError' });
    await expect(store.remove('ffffffffffffffffffffffff')).resolves.toBe('absent');
    await expect(store.update(old!.id, { name: 'ops-2' })).resolves.toMatchObject({
      name: 'ops-2',
    });
    expect(() => losantTokenStore({} as never, { user: true })).toThrow(TypeError);
    expect(() => losantTokenStore(env.losant, {} as never)).toThrow(
      'owner must be { instanceId }, { applicationId } or { user: true }',
    );
    expect(RotationError).toBeDefined();
  });
});

describe('rotate: an abort from the call options', () => {
  it('during delivery deletes the replacement and leaves the old token untouched', async () => {
    const [old] = env.mock.store.losant.add('user', [{ name: 'ci', scope: ['all.User.read'] }]);
    const controller = new AbortController();
    const error = await env.losant.userApiToken
      .rotate(
        {
          apiTokenId: old!.id,
          // A delivery that hangs until the signal (a SIGINT in the CLI) ends the rotation.
          deliver: () => {
            controller.abort();
            return new Promise(() => {});
          },
        },
        { signal: controller.signal },
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ step: 'deliver', replacement: 'deleted', old: 'untouched' });
    expect((error as Error).message).toContain('aborted before delivery completed');
    expect(userTokens().map((token) => token.id)).toEqual([old!.id]);
  });
});
