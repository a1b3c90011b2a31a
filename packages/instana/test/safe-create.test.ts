import { type Reply, startRecordingServer } from '@tokenkit/http-test-server';
import { describe, expect, it } from 'vitest';
import {
  createInstanaClient,
  isConnectionError,
  isCreateOutcomeUnknownError,
  newApiToken,
} from '../src/index.js';
import { lostPostAnswers, POST, useMockClient } from './mock-client.js';

const ctx = useMockClient();

function operations(): string[] {
  return ctx.mock.requests.map((entry) => `${entry.operation} ${entry.status ?? '-'}`);
}

describe('postApiToken after a lost answer', () => {
  it.each(lostPostAnswers)('%s: exactly one token and success', async (_, inject, processed) => {
    inject(ctx.mock);
    const sent = newApiToken({ name: 'ci', canConfigureApiTokens: true, canViewLogs: true });

    const stored = await ctx.instana.apiTokens.postApiToken(sent);

    expect(stored).toMatchObject({
      internalId: sent.internalId,
      accessGrantingToken: sent.accessGrantingToken,
      name: 'ci',
      canConfigureApiTokens: true,
      canViewLogs: true,
      canConfigureAgents: false,
    });
    expect(ctx.mock.store.instana.list().map((token) => token.internalId)).toEqual([
      sent.internalId,
    ]);
    // Found: the lookup is the last request. Not found: the POST is sent once more.
    expect(operations().slice(1)).toEqual(
      processed ? ['getApiToken 200'] : ['getApiToken 404', 'postApiToken 200'],
    );
    expect(await ctx.authenticates(sent.accessGrantingToken, sent.internalId)).toBe(true);
  });

  it('returns the recovered token without the id that reads mask', async () => {
    ctx.mock.faults.invalidJsonNext(1, POST);
    const stored = await ctx.instana.apiTokens.postApiToken(newApiToken({ name: 'ci' }));
    expect(stored).not.toHaveProperty('id');
  });

  it('sends the POST at most maxRetries more times, then throws the last loss', async () => {
    ctx.mock.faults.dropNext(3, POST);
    const error = await ctx.instana.apiTokens
      .postApiToken(newApiToken({ name: 'ci' }), { maxRetries: 1 })
      .catch((caught: unknown) => caught);
    expect(isConnectionError(error)).toBe(true);
    expect(operations()).toEqual([
      'postApiToken -',
      'getApiToken 404',
      'postApiToken -',
      'getApiToken 404',
    ]);
    expect(ctx.mock.store.instana.list()).toEqual([]);
  });

  it('says the outcome is unknown when the lookup fails too, without the secret', async () => {
    ctx.mock.faults.dropNext(1, { ...POST, when: 'mid-body' });
    ctx.mock.faults.failNext(1, { route: 'getApiToken', status: 500 });
    const sent = newApiToken({ name: 'ci' });
    const error = await ctx.instana.apiTokens
      .postApiToken(sent, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    if (!isCreateOutcomeUnknownError(error)) throw error;
    expect(error.message).toContain(sent.internalId);
    expect(JSON.stringify(error)).not.toContain(sent.accessGrantingToken);
    expect(error.message).not.toContain(sent.accessGrantingToken);
    // It was in fact created: the caller is told how to find out.
    expect(ctx.mock.store.instana.get(sent.internalId)).toBeDefined();
  });

  it('does not retry an answer that was not lost', async () => {
    const sent = newApiToken({ name: 'ci' });
    await ctx.instana.apiTokens.postApiToken(sent);
    ctx.mock.clearRequests();
    await expect(ctx.instana.apiTokens.postApiToken(sent)).rejects.toMatchObject({ status: 400 });
    expect(operations()).toEqual(['postApiToken 400']);
  });
});

describe('postApiToken when the first POST lands after the lookup', () => {
  it('reads a resend refused with 400 as created', async () => {
    const sent = newApiToken({ name: 'late' });
    const replies: Reply[] = [
      { delayMs: 400, body: sent }, // the first POST: the client gives up waiting
      { status: 404, body: { errors: ['No ApiToken found with internalId'] } },
      { status: 400, body: { errors: ['An API token with this internalId already exists.'] } },
      {
        body: {
          ...sent,
          id: 'tokenId(masked)',
          accessGrantingToken: 'accessGrantingToken(masked)',
        },
      },
    ];
    const server = await startRecordingServer({
      respond: (_, index) => replies[index] ?? { status: 500 },
    });
    try {
      const client = createInstanaClient({
        apiToken: 'token-1234',
        baseUrl: server.url,
        timeout: 200,
      });
      const stored = await client.apiTokens.postApiToken(sent);
      expect(stored).toMatchObject({
        internalId: sent.internalId,
        accessGrantingToken: sent.accessGrantingToken,
      });
      expect(stored).not.toHaveProperty('id');
      expect(server.requests.map((request) => request.method)).toEqual([
        'POST',
        'GET',
        'POST',
        'GET',
      ]);
    } finally {
      await server.close();
    }
  });
});
