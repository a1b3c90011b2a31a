import { describe, expect, it } from 'vitest';
import {
  diffPermissions,
  isNotFoundError,
  KNOWN_SERVER_REWRITES,
  type NotFoundError,
  newApiToken,
} from '../src/index.js';
import { useMockClient } from './mock-client.js';

const ctx = useMockClient();

async function notFound(promise: Promise<unknown>): Promise<NotFoundError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!isNotFoundError(error)) throw new Error(`expected a NotFoundError, got ${String(error)}`);
  return error;
}

describe('against the mock server', () => {
  it('walks the lifecycle: create, list, get, update, delete, list empty', async () => {
    expect(await ctx.instana.apiTokens.getApiTokens()).toEqual([]);

    const sent = newApiToken({ name: 'ci', canConfigureAgents: true });
    const created = await ctx.instana.apiTokens.postApiToken(sent);
    expect(created).toMatchObject(sent);
    expect(created.id).toEqual(expect.any(String));
    expect(created.createdOn).toEqual(expect.any(Number));
    expect(ctx.mock.store.instana.get(sent.internalId)?.accessGrantingToken).toBe(
      sent.accessGrantingToken,
    );

    const listed = await ctx.instana.apiTokens.getApiTokens();
    expect(listed.map((token) => token.internalId)).toEqual([sent.internalId]);

    const fetched = await ctx.instana.apiTokens.getApiToken(sent.internalId);
    expect(fetched).toMatchObject({ name: 'ci', canConfigureAgents: true, canViewLogs: false });

    // GET-modify-PUT, as the README shows.
    const updated = await ctx.instana.apiTokens.putApiToken(sent.internalId, {
      ...fetched,
      canViewLogs: true,
    });
    expect(updated).toMatchObject({ canConfigureAgents: true, canViewLogs: true });
    expect(ctx.mock.store.instana.get(sent.internalId)).toMatchObject({
      canViewLogs: true,
      accessGrantingToken: sent.accessGrantingToken,
    });

    await ctx.instana.apiTokens.deleteApiToken(sent.internalId);
    expect(ctx.mock.store.instana.list()).toEqual([]);
    expect(await ctx.instana.apiTokens.getApiTokens()).toEqual([]);

    expect(ctx.mock.requests.map((entry) => `${entry.operation} ${entry.status}`)).toEqual([
      'getApiTokens 404',
      'postApiToken 200',
      'getApiTokens 200',
      'getApiToken 200',
      'putApiToken 200',
      'deleteApiToken 204',
      'getApiTokens 404',
    ]);
  });

  it('creates a token with PUT on an unused id', async () => {
    const token = newApiToken({ name: 'via-put', canViewAuditLog: true });
    const stored = await ctx.instana.apiTokens.putApiToken(token.internalId, token);
    expect(stored).toMatchObject({ internalId: token.internalId, canViewAuditLog: true });
    expect(ctx.mock.store.instana.list()).toHaveLength(1);
  });

  it('reports the permissions the server rewrote', async () => {
    const sent = newApiToken({
      name: 'synthetics',
      canConfigurePersonalApiTokens: true,
      canConfigureSyntheticTests: true,
    });
    const stored = await ctx.instana.apiTokens.postApiToken(sent);
    const changes = diffPermissions(sent, stored);
    expect(changes).toEqual([
      { name: 'canConfigurePersonalApiTokens', sent: true, received: false },
      { name: 'canViewSyntheticLocations', sent: false, received: true },
      { name: 'canViewSyntheticTestResults', sent: false, received: true },
      { name: 'canViewSyntheticTests', sent: false, received: true },
    ]);
    for (const { name } of changes) {
      expect(KNOWN_SERVER_REWRITES[name as keyof typeof KNOWN_SERVER_REWRITES]).toEqual(
        expect.any(String),
      );
    }
    // The list and a later GET agree with the create's answer, not with what was sent.
    expect(
      diffPermissions(stored, await ctx.instana.apiTokens.getApiToken(sent.internalId)),
    ).toEqual([]);
  });

  it('throws NotFoundError for an unknown id on get, and on delete', async () => {
    const onGet = await notFound(ctx.instana.apiTokens.getApiToken('no-such-token'));
    expect(onGet.status).toBe(404);
    expect(onGet.message).toContain('No ApiToken found with internalId');
    expect(onGet.request.url).toBe(`${ctx.mock.url}/api/settings/api-tokens/no-such-token`);
    await notFound(ctx.instana.apiTokens.deleteApiToken('no-such-token'));
  });
});
