import { startRecordingServer } from '@tokenkit/http-test-server';
import { describe, expect, it } from 'vitest';
import {
  type ApiToken,
  createInstanaClient,
  isRequestValidationError,
  isRotationError,
  permissionFlags,
  type RotationError,
} from '../src/index.js';
import { lostPostAnswers, useMockClient } from './mock-client.js';

const ctx = useMockClient();

function seedOld() {
  const [old] = ctx.mock.store.instana.add([
    {
      name: 'ci-deploy',
      canConfigureApiTokens: true,
      canConfigureAgents: true,
      canConfigureSyntheticTests: true,
      limitedSAPScope: true,
    },
  ]);
  if (old === undefined) throw new Error('seeding failed');
  return old;
}

async function rotationError(promise: Promise<unknown>): Promise<RotationError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!isRotationError(error)) throw new Error(`expected a RotationError, got ${String(error)}`);
  return error;
}

describe('rotateApiToken', () => {
  it('creates a replacement with the old permissions, delivers it, deletes the old one', async () => {
    const old = seedOld();
    const delivered: [string, ApiToken][] = [];

    const result = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: (secret, created) => {
        delivered.push([secret, created]);
      },
    });

    expect(result.revoked).toBe('deleted');
    expect(result.old.internalId).toBe(old.internalId);
    const [[secret, created]] = delivered as [[string, ApiToken]];
    expect(created).toBe(result.created);
    expect(secret).toBe(result.created.accessGrantingToken);
    expect(secret).not.toBe(old.accessGrantingToken);
    expect(created.internalId).not.toBe(old.internalId);
    expect(created.name).toBe('ci-deploy');
    const stored = ctx.mock.store.instana.list();
    expect(stored.map((token) => token.internalId)).toEqual([created.internalId]);
    expect(permissionFlags(stored[0] as object)).toEqual(permissionFlags(old));
    expect(await ctx.authenticates(secret, created.internalId)).toBe(true);
    await expect(
      ctx.authenticates(old.accessGrantingToken, created.internalId),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it("keeps the old token with revoke: 'keep' and renames with name", async () => {
    const old = seedOld();
    const result = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: () => undefined,
      revoke: 'keep',
      name: 'ci-deploy-2',
    });
    expect(result.revoked).toBe('kept');
    expect(result.created.name).toBe('ci-deploy-2');
    expect(ctx.mock.store.instana.get(old.internalId)).toEqual(old);
    expect(ctx.mock.store.instana.list()).toHaveLength(2);
  });

  it('deletes the replacement and leaves the old token when deliver rejects', async () => {
    const old = seedOld();
    let secret = '';
    const why = new Error('vault is sealed');
    const error = await rotationError(
      ctx.instana.apiTokens.rotateApiToken(old.internalId, {
        deliver: async (value) => {
          secret = value;
          throw why;
        },
      }),
    );
    expect(error).toMatchObject({
      step: 'deliver',
      oldTokenId: old.internalId,
      replacement: 'deleted',
      old: 'untouched',
      cause: why,
    });
    expect(error.replacementId).toEqual(expect.any(String));
    expect(error.message).toContain(
      `the replacement ${error.replacementId} was created, then deleted because delivery failed; the old token is untouched`,
    );
    for (const text of [error.message, JSON.stringify(error), String(error.stack)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(old.accessGrantingToken);
    }
    expect(ctx.mock.store.instana.list()).toEqual([old]);
    expect(await ctx.authenticates(old.accessGrantingToken, old.internalId)).toBe(true);
  });

  it('describes a failed revoke: replacement kept, old token still there', async () => {
    const old = seedOld();
    ctx.mock.faults.failNext(1, { route: 'deleteApiToken', status: 403 });
    const error = await rotationError(
      ctx.instana.apiTokens.rotateApiToken(old.internalId, { deliver: () => undefined }),
    );
    expect(error).toMatchObject({ step: 'revoke', replacement: 'kept', old: 'untouched' });
    expect(error.message).toContain(
      `Rotating Instana API token ${old.internalId} failed at revoke: the replacement ${error.replacementId} was created, delivered and verified, but deleting the old token failed, so it still works: revoke it`,
    );
    expect(ctx.mock.store.instana.list()).toHaveLength(2);
  });

  it('deletes a replacement whose create answer and lookup were both lost', async () => {
    const old = seedOld();
    ctx.mock.faults.dropNext(1, { route: 'postApiToken', when: 'mid-body' });
    // The lookup of the replacement fails; reading the old token does not.
    const replacement = new RegExp(`^/api/settings/api-tokens/(?!${old.internalId}$)`);
    ctx.mock.faults.failNext(1, { route: replacement, method: 'GET', status: 500 });
    const error = await rotationError(
      ctx.instana.apiTokens.rotateApiToken(
        old.internalId,
        { deliver: () => undefined },
        { maxRetries: 0 },
      ),
    );
    // Its internalId was this call's own, so the token at it was deleted: none is left.
    expect(error).toMatchObject({ step: 'create', replacement: 'none', old: 'untouched' });
    expect(error.message).toContain('no replacement was created');
    expect(ctx.mock.store.instana.list()).toEqual([old]);
    expect(ctx.mock.requests.map((entry) => entry.operation)).toContain('deleteApiToken');
  });

  it('describes a failed read: nothing created', async () => {
    const error = await rotationError(
      ctx.instana.apiTokens.rotateApiToken('no-such-token', { deliver: () => undefined }),
    );
    expect(error).toMatchObject({ step: 'read', replacement: 'none', old: 'untouched' });
    expect(error.cause).toMatchObject({ status: 404 });
    expect(ctx.mock.store.instana.list()).toEqual([]);
  });

  const noop = (): void => undefined;
  it.each<[string, Record<string, unknown>]>([
    ['deliver', { deliver: 'vault' }],
    ['revoke', { deliver: noop, revoke: 'deactivate' }],
    ['name', { deliver: noop, name: ' ' }],
  ])('refuses a bad %s before sending anything', async (field, params) => {
    const old = seedOld();
    const error = await ctx.instana.apiTokens
      .rotateApiToken(old.internalId, params as never)
      .catch((caught: unknown) => caught);
    expect(isRequestValidationError(error) && error.field).toBe(field);
    expect(ctx.mock.requests).toEqual([]);
  });

  it.each(lostPostAnswers)('create %s: exactly one new token and success', async (_, inject) => {
    const old = seedOld();
    inject(ctx.mock);
    let secret = '';
    const result = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: (value) => {
        secret = value;
      },
    });
    const stored = ctx.mock.store.instana.list();
    expect(stored.map((token) => token.internalId)).toEqual([result.created.internalId]);
    expect(permissionFlags(stored[0] as object)).toEqual(permissionFlags(old));
    expect(await ctx.authenticates(secret, result.created.internalId)).toBe(true);
  });

  it('resolves when the first answer to deleting the old token was lost', async () => {
    const old = seedOld();
    ctx.mock.faults.dropNext(1, { route: 'deleteApiToken', when: 'mid-body' });
    const result = await ctx.instana.apiTokens.rotateApiToken(old.internalId, {
      deliver: () => undefined,
    });
    expect(result.revoked).toBe('deleted');
    expect(ctx.mock.store.instana.list().map((token) => token.internalId)).toEqual([
      result.created.internalId,
    ]);
  });
});

describe('rotateApiToken on the wire', () => {
  it('copies flags newer than this package onto the replacement', async () => {
    const old = { internalId: 'old-1', accessGrantingToken: '****abcd', name: 'n' };
    const server = await startRecordingServer({
      respond: (request) =>
        request.method === 'GET'
          ? { status: 200, body: { ...old, canDoSomethingNew: true, limitedMarsScope: false } }
          : request.method === 'POST'
            ? { status: 200, body: JSON.parse(request.body) }
            : { status: 204 },
    });
    try {
      const client = createInstanaClient({ apiToken: 'token-1234', baseUrl: server.url });
      await client.apiTokens.rotateApiToken('old-1', { deliver: () => undefined });
      const sent = JSON.parse(server.requests[1]?.body ?? '{}');
      expect(sent).toMatchObject({ canDoSomethingNew: true, limitedMarsScope: false, name: 'n' });
      // Read, create, the new secret's own read (verify), revoke.
      expect(server.requests.map((request) => request.method)).toEqual([
        'GET',
        'POST',
        'GET',
        'DELETE',
      ]);
      expect(server.requests[2]?.headers.authorization).toBe(
        `apiToken ${sent.accessGrantingToken}`,
      );
    } finally {
      await server.close();
    }
  });
});
