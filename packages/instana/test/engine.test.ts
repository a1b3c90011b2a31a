import { type Rewrite, type RewritingProxy, startRewritingProxy } from '@tokenkit/http-test-server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInstanaClient,
  createToken,
  instanaTokenStore,
  isRequestValidationError,
  isRotationError,
  newApiToken,
  rotateToken,
} from '../src/index.js';
import { useMockClient } from './mock-client.js';

const ctx = useMockClient();
let proxy: RewritingProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** A client whose requests pass a proxy that rewrites the answer to the create. */
async function behindProxy(rewriteCreate: (answer: Record<string, unknown>) => unknown) {
  const rewrite: Rewrite = ({ method, answer }) =>
    method === 'POST' ? JSON.stringify(rewriteCreate(JSON.parse(answer))) : answer;
  proxy = await startRewritingProxy(ctx.mock.url, rewrite);
  return createInstanaClient({ apiToken: ctx.mock.instana.apiToken, baseUrl: proxy.url });
}

function seedOld(fields: Record<string, unknown> = {}) {
  const [old] = ctx.mock.store.instana.add([
    { name: 'ci-deploy', canConfigureApiTokens: true, canConfigureAgents: true, ...fields },
  ]);
  if (old === undefined) throw new Error('seeding failed');
  return old;
}

/** The secret the POST carried, as the mock received it. */
function sentSecret(): string {
  const post = ctx.mock.requests.find((entry) => entry.operation === 'postApiToken');
  if (post === undefined) throw new Error('no create reached the mock');
  return (post.body as { accessGrantingToken: string }).accessGrantingToken;
}

describe('the secret delivered is the one tokenkit generated and sent', () => {
  it.each([
    ['masks it', () => 'accessGrantingToken(masked)'],
    ['echoes another one', () => 'some-other-secret-0000000000000000'],
  ])('rotate, when a proxy %s in the answer', async (_, echo) => {
    const old = seedOld();
    const client = await behindProxy((answer) => ({ ...answer, accessGrantingToken: echo() }));
    const delivered: string[] = [];
    const rotation = await client.apiTokens.rotateApiToken(old.internalId, {
      deliver: (secret) => {
        delivered.push(secret);
      },
    });
    expect(delivered).toEqual([sentSecret()]);
    expect(rotation.secret).toBe(sentSecret());
    expect(rotation.created.accessGrantingToken).toBe(sentSecret());
    expect(rotation.verified).toBe('valid');
    expect(await ctx.authenticates(delivered[0]!, rotation.created.internalId)).toBe(true);
  });

  it('createToken, when a proxy masks it', async () => {
    const client = await behindProxy((answer) => ({
      ...answer,
      accessGrantingToken: 'accessGrantingToken(masked)',
    }));
    const draft = newApiToken({ name: 'ci', canConfigureAgents: true });
    const { secret, token } = await createToken(instanaTokenStore(client), draft);
    expect(secret).toBe(draft.accessGrantingToken);
    expect(token.accessGrantingToken).toBe(draft.accessGrantingToken);
  });

  it('an answer that fails its schema is looked up, not taken for a failure', async () => {
    const client = await behindProxy(({ internalId: _removed, ...answer }) => answer);
    const draft = newApiToken({ name: 'ci' });
    const { token } = await createToken(instanaTokenStore(client), draft);
    expect(token.internalId).toBe(draft.internalId);
    expect(ctx.mock.store.instana.list().map((stored) => stored.internalId)).toEqual([
      draft.internalId,
    ]);
  });
});

describe('what the replacement keeps', () => {
  const inAWeek = Date.now() + 7 * 86_400_000;

  it('keeps expiresOn by default, and says so', async () => {
    const old = seedOld({ expiresOn: inAWeek });
    const rotation = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: () => undefined,
    });
    expect(rotation.created.expiresOn).toBe(inAWeek);
    expect(ctx.mock.store.instana.get(rotation.created.internalId)?.expiresOn).toBe(inAWeek);
    expect(rotation.kept).toEqual(['name', 'permissions', 'expiresOn']);
  });

  it('expiresOn can be overridden, or removed with null', async () => {
    const old = seedOld({ expiresOn: inAWeek });
    const later = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: () => undefined,
      expiresOn: inAWeek + 1000,
      revoke: 'keep',
    });
    expect(later.created.expiresOn).toBe(inAWeek + 1000);
    const never = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: () => undefined,
      expiresOn: null,
    });
    expect(never.created.expiresOn).toBeNull();
    expect(never.kept).toEqual(['name', 'permissions']);
  });

  it('a draft override sets declared permissions; they are no longer reported as kept', async () => {
    const old = seedOld({ expiresOn: inAWeek });
    const store = instanaTokenStore(ctx.instana);
    const rotation = await rotateToken(store, {
      id: old.internalId,
      deliver: () => undefined,
      overrides: { draft: { canConfigureAgents: false, canViewLogs: true } },
    });
    const stored = ctx.mock.store.instana.get(rotation.created.internalId);
    expect(stored).toMatchObject({
      name: 'ci-deploy',
      canConfigureApiTokens: true,
      canConfigureAgents: false,
      canViewLogs: true,
      expiresOn: inAWeek,
    });
    expect(rotation.kept).toEqual(['name', 'expiresOn']);
    expect(ctx.mock.store.instana.get(old.internalId)).toBeUndefined();
    const chosen = await rotateToken(store, {
      id: rotation.created.internalId,
      deliver: () => undefined,
      overrides: { draft: { internalId: 'mine' } },
    }).catch((caught: unknown) => caught);
    expect(isRequestValidationError((chosen as Error).cause)).toBe(true);
    expect(ctx.mock.store.instana.list()).toHaveLength(1);
  });

  it('refuses a status or a deactivate: Instana tokens have none', async () => {
    const old = seedOld();
    const store = instanaTokenStore(ctx.instana);
    const status = await rotateToken(store, {
      id: old.internalId,
      deliver: () => undefined,
      overrides: { status: 'inactive' },
    }).catch((caught: unknown) => caught);
    expect(isRotationError(status) && status.step).toBe('create');
    expect(isRequestValidationError((status as Error).cause)).toBe(true);
    const deactivate = await rotateToken(store, {
      id: old.internalId,
      deliver: () => undefined,
      revoke: 'deactivate',
    }).catch((caught: unknown) => caught);
    expect(isRequestValidationError(deactivate) && deactivate.field).toBe('revoke');
    expect(ctx.mock.store.instana.list()).toHaveLength(1);
    expect(() => instanaTokenStore({} as never)).toThrow(TypeError);
  });

  it('refuses an expiresOn that is not epoch milliseconds, before sending anything', async () => {
    const error = await ctx.instana.apiTokens
      .rotateApiToken('id', { deliver: () => undefined, expiresOn: 1.5 })
      .catch((caught: unknown) => caught);
    expect(isRequestValidationError(error) && error.field).toBe('expiresOn');
    expect(ctx.mock.requests).toEqual([]);
  });
});

describe('the check of the new secret', () => {
  it('a token without canConfigureApiTokens is limited (403), and the rotation completes', async () => {
    const old = seedOld({ canConfigureApiTokens: false });
    const rotation = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: () => undefined,
    });
    expect(rotation).toMatchObject({ verified: 'limited', revoked: 'deleted' });
  });

  it('a 401 undoes the rotation: the replacement is deleted, the old token untouched', async () => {
    const old = seedOld();
    const error = await ctx.instana.apiTokens
      .rotateApiToken(old.internalId, {
        deliver: () => ctx.mock.faults.failNext(1, { route: 'getApiToken', status: 401 }),
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ step: 'verify', replacement: 'deleted', old: 'untouched' });
    expect(ctx.mock.store.instana.list()).toEqual([old]);
  });

  it('the store updates by a full PUT that keeps the secret', async () => {
    const old = seedOld();
    const store = instanaTokenStore(ctx.instana);
    const updated = await store.update(old.internalId, { name: 'renamed' });
    expect(updated.name).toBe('renamed');
    expect(ctx.mock.store.instana.get(old.internalId)?.accessGrantingToken).toBe(
      old.accessGrantingToken,
    );
    await expect(store.remove('no-such-token')).resolves.toBe('absent');
  });
});
