import { type RecordingServer, type Reply, startRecordingServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateOutcomeUnknownError,
  createLosantClient,
  type LosantClient,
  ResponseValidationError,
} from '../src/index.js';
import { ids, listBody, tokenBody } from './helpers/fixtures.js';
import { losantResponder } from './helpers/losant-responder.js';

let server: RecordingServer;
let losant: LosantClient;
/** When set, answers the next requests instead of the schema-valid responder. */
let override: Reply | undefined;

beforeAll(async () => {
  server = await startRecordingServer({
    respond: (request) => override ?? losantResponder(request),
  });
  losant = createLosantClient({ accessToken: 'token', url: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  override = undefined;
  server.clear();
});

describe('responses are parsed through the schemas', () => {
  it('types every list as the apiTokens envelope and keeps unknown keys', async () => {
    const page = await losant.instanceApiTokens.get({ instanceId: ids.instanceId });
    expect(page.items?.[0]?.name).toBe('My API Token');
    expect(page.totalCount).toBe(1);
    expect(page._type).toBe('apiTokens');
    expect(page.items?.[0]?._links).toEqual({
      self: { href: `/applications/${ids.applicationId}/tokens/${ids.apiTokenId}` },
    });
  });

  it('returns the created token with its secret', async () => {
    const created = await losant.applicationApiTokens.post({
      applicationId: ids.applicationId,
      apiToken: { name: 'ci' },
    });
    expect(created.token).toBe('jwt.once');
  });

  it('returns { success: true } from a delete', async () => {
    await expect(losant.userApiToken.delete({ apiTokenId: ids.apiTokenId })).resolves.toMatchObject(
      { success: true },
    );
  });

  it('reports a known field of the wrong type with its path', async () => {
    override = { status: 200, body: listBody([tokenBody({ status: 'paused' })]) };
    const error = await losant.userApiTokens.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const issues = (error as ResponseValidationError).issues;
    expect(issues.map((issue) => issue.path)).toContain('items[0].status');
  });

  it('refuses a create answer without the token it must carry: its outcome is unknown', async () => {
    override = { status: 201, body: tokenBody() };
    const error = await losant.userApiTokens
      .post({ apiToken: { name: 'ci' } })
      .catch((caught: unknown) => caught);
    // The token exists but its secret cannot be read: a lost answer, not a plain failure.
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    const cause = (error as CreateOutcomeUnknownError).cause;
    expect(cause).toBeInstanceOf(ResponseValidationError);
    expect((cause as ResponseValidationError).issues.map((issue) => issue.path)).toContain('token');
  });

  it('keeps a created token out of a validation error about its answer', async () => {
    override = { status: 201, body: tokenBody({ token: 'created-secret-xyz', status: 'paused' }) };
    const error = await losant.userApiTokens
      .post({ apiToken: { name: 'ci' } })
      .catch((caught: unknown) => caught);
    expect((error as Error).cause).toBeInstanceOf(ResponseValidationError);
    expect(JSON.stringify(error)).not.toContain('created-secret-xyz');
    expect(String((error as Error).stack)).not.toContain('created-secret-xyz');
  });

  it('refuses a delete answer that is not a success', async () => {
    override = { status: 200, body: { success: false } };
    await expect(losant.userApiToken.delete({ apiTokenId: ids.apiTokenId })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it('gives status and headers through withResponse', async () => {
    override = {
      status: 201,
      body: tokenBody({ token: 't' }),
      headers: { 'x-request-id': 'req-9' },
    };
    const response = await losant.userApiTokens.post.withResponse({ apiToken: { name: 'ci' } });
    expect(response.status).toBe(201);
    expect(response.data.token).toBe('t');
    expect(response.requestId).toBe('req-9');
  });
});
