import { type RecordingServer, startRecordingServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createInstanaClient,
  type InstanaClient,
  isAbortError,
  isNotFoundError,
  isRequestValidationError,
  isResponseValidationError,
  isServerError,
  isTimeoutError,
  newApiToken,
} from '../src/index.js';

const CLIENT_TOKEN = 'wire-client-token-0123456789';
const COLLECTION = '/api/settings/api-tokens';

let server: RecordingServer;
let instana: InstanaClient;

beforeAll(async () => {
  server = await startRecordingServer();
  instana = createInstanaClient({ apiToken: CLIENT_TOKEN, baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  // Echo a written body back, plus a field this package has never heard of.
  server.respond = (request) =>
    request.method === 'DELETE'
      ? { status: 204 }
      : request.body
        ? { body: { ...JSON.parse(request.body), id: 'server-id', addedInAFutureRelease: 1 } }
        : { body: [] };
});

function only() {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('on the wire', () => {
  it('getApiTokens: GET the collection with the apiToken scheme and no body', async () => {
    const token = newApiToken({ name: 'listed' });
    server.respond = () => ({ body: [{ ...token, extra: true }] });
    const tokens = await instana.apiTokens.getApiTokens();
    const request = only();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(COLLECTION);
    expect(request.headers.authorization).toBe(`apiToken ${CLIENT_TOKEN}`);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['user-agent']).toContain('@tokenkit/instana/');
    expect(request.body).toBe('');
    expect(tokens).toEqual([{ ...token, extra: true }]);
  });

  it('getApiToken: GET /{internalId}', async () => {
    const token = newApiToken({ name: 'one' });
    server.respond = () => ({ body: token });
    expect(await instana.apiTokens.getApiToken(token.internalId)).toEqual(token);
    const request = only();
    expect([request.method, request.url]).toEqual(['GET', `${COLLECTION}/${token.internalId}`]);
    expect(request.headers.authorization).toBe(`apiToken ${CLIENT_TOKEN}`);
  });

  it('postApiToken: POST the exact JSON body to the collection, keeping unknown response fields', async () => {
    const token = newApiToken({ name: 'created', canConfigureAgents: true });
    const stored = await instana.apiTokens.postApiToken(token);
    const request = only();
    expect([request.method, request.url]).toEqual(['POST', COLLECTION]);
    expect(request.headers.authorization).toBe(`apiToken ${CLIENT_TOKEN}`);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request.body)).toEqual(token);
    expect(stored).toEqual({ ...token, id: 'server-id', addedInAFutureRelease: 1 });
  });

  it('putApiToken: PUT the exact JSON body to /{internalId}', async () => {
    const token = { ...newApiToken({ name: 'renamed' }), expiresOn: null };
    const stored = await instana.apiTokens.putApiToken(token.internalId, token);
    const request = only();
    expect([request.method, request.url]).toEqual(['PUT', `${COLLECTION}/${token.internalId}`]);
    expect(request.headers.authorization).toBe(`apiToken ${CLIENT_TOKEN}`);
    expect(JSON.parse(request.body)).toEqual(token);
    expect(stored.name).toBe('renamed');
  });

  it('deleteApiToken: DELETE /{internalId}, resolving on 204 without reading a body', async () => {
    await expect(instana.apiTokens.deleteApiToken('abc')).resolves.toBeUndefined();
    const request = only();
    expect([request.method, request.url, request.body]).toEqual([
      'DELETE',
      `${COLLECTION}/abc`,
      '',
    ]);
    expect(request.headers.authorization).toBe(`apiToken ${CLIENT_TOKEN}`);
  });

  it.each([
    ['a/b c?d', 'a%2Fb%20c%3Fd'],
    ['../admin', '..%2Fadmin'],
    ['%2e%2e', '%252e%252e'],
    ['x#y', 'x%23y'],
    ['ünï', '%C3%BCn%C3%AF'],
  ])('encodes the id %j as one segment', async (id, encoded) => {
    server.respond = () => ({ body: { ...newApiToken({ name: 'n' }), internalId: id } });
    await instana.apiTokens.getApiToken(id);
    await instana.apiTokens.putApiToken(id, { ...newApiToken({ name: 'n' }), internalId: id });
    server.respond = () => ({ status: 204 });
    await instana.apiTokens.deleteApiToken(id);
    expect(server.requests.map((request) => request.url)).toEqual([
      `${COLLECTION}/${encoded}`,
      `${COLLECTION}/${encoded}`,
      `${COLLECTION}/${encoded}`,
    ]);
  });

  it.each(['..', '.', ''])('refuses the id %j before sending anything', async (id) => {
    const token = newApiToken({ name: 'n' });
    for (const call of [
      () => instana.apiTokens.getApiToken(id),
      () => instana.apiTokens.putApiToken(id, { ...token, internalId: id }),
      () => instana.apiTokens.deleteApiToken(id),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(isRequestValidationError(error) && error.field).toBe('internalId');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a PUT whose body names another internalId, sending nothing', async () => {
    const token = newApiToken({ name: 'n' });
    const error = await instana.apiTokens
      .putApiToken('other-id', token)
      .catch((caught: unknown) => caught);
    expect(isRequestValidationError(error) && error.field).toBe('token.internalId');
    expect((error as Error).message).toContain('other-id');
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['an empty name', { name: '' }, 'token.name'],
    ['no accessGrantingToken', { accessGrantingToken: undefined }, 'token.accessGrantingToken'],
    ['a non-boolean permission', { canConfigureAgents: 'yes' }, 'token.canConfigureAgents'],
  ])('refuses a body with %s before sending anything', async (_, change, field) => {
    const token = { ...newApiToken({ name: 'n' }), ...change };
    for (const call of [
      () => instana.apiTokens.postApiToken(token as never),
      () => instana.apiTokens.putApiToken(token.internalId, token as never),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(isRequestValidationError(error) && error.field).toBe(field);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a mis-cased permission Instana would silently ignore, but passes newer ones on', async () => {
    const token = newApiToken({ name: 'n' });
    const miscased = { ...token, limitedLinuxKvmHypervisorScope: true };
    for (const call of [
      () => instana.apiTokens.postApiToken(miscased),
      () => instana.apiTokens.putApiToken(token.internalId, miscased),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(isRequestValidationError(error) && error.field).toBe(
        'token.limitedLinuxKvmHypervisorScope',
      );
      expect((error as Error).message).toContain("did you mean 'limitedLinuxKVMHypervisorScope'");
    }
    expect(server.requests).toHaveLength(0);
    await instana.apiTokens.postApiToken({ ...token, canDoSomethingNew: true });
    expect(JSON.parse(only().body)).toMatchObject({ canDoSomethingNew: true });
  });

  it('sends client and per-call headers, per-call winning', async () => {
    const client = createInstanaClient({
      apiToken: CLIENT_TOKEN,
      baseUrl: `${server.url}/`,
      headers: { 'x-team': 'platform', 'x-trace': 'client' },
    });
    await client.apiTokens.getApiTokens({ headers: { 'x-trace': 'call' } });
    const request = only();
    expect(request.url).toBe(COLLECTION);
    expect(request.headers['x-team']).toBe('platform');
    expect(request.headers['x-trace']).toBe('call');
  });

  it('reads the token from a provider on every request', async () => {
    let calls = 0;
    const client = createInstanaClient({
      apiToken: () => `rotated-${++calls}`,
      baseUrl: server.url,
    });
    await client.apiTokens.getApiTokens();
    await client.apiTokens.getApiTokens();
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'apiToken rotated-1',
      'apiToken rotated-2',
    ]);
  });
});

describe('per-call options', () => {
  it('maxRetries per call overrides the client: 0 surfaces a retryable 503 at once', async () => {
    const client = createInstanaClient({
      apiToken: CLIENT_TOKEN,
      baseUrl: server.url,
      maxRetries: 3,
    });
    server.respond = () => ({ status: 503, headers: { 'retry-after': '0' }, body: 'busy' });
    const error = await client.apiTokens
      .getApiToken('x', { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(isServerError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    await client.apiTokens.getApiToken('x').catch(() => undefined);
    expect(server.requests).toHaveLength(5);
  });

  it('signal aborts a call in flight with AbortError', async () => {
    server.respond = () => ({ delayMs: 2_000, body: [] });
    const controller = new AbortController();
    const pending = instana.apiTokens.getApiTokens({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(isAbortError(await pending.catch((caught: unknown) => caught))).toBe(true);
  });

  it('timeout per call ends a slow attempt with TimeoutError', async () => {
    server.respond = () => ({ delayMs: 2_000, body: [] });
    const error = await instana.apiTokens
      .deleteApiToken('slow', { timeout: 100 })
      .catch((caught: unknown) => caught);
    expect(isTimeoutError(error)).toBe(true);
  });

  it('strips an "apiToken " prefix pasted along with the token', async () => {
    const client = createInstanaClient({ apiToken: 'apiToken pasted-1234', baseUrl: server.url });
    await client.apiTokens.getApiTokens();
    expect(only().headers.authorization).toBe('apiToken pasted-1234');
  });
});

describe('answers', () => {
  it('maps 404 "No API Tokens found" on the list to []', async () => {
    server.respond = () => ({ status: 404, body: { errors: ['No API Tokens found'] } });
    expect(await instana.apiTokens.getApiTokens()).toEqual([]);
    server.respond = () => ({ status: 404, body: 'No API Tokens found' });
    expect(await instana.apiTokens.getApiTokens()).toEqual([]);
  });

  it('still throws NotFoundError for any other 404 on the list', async () => {
    server.respond = () => ({ status: 404, body: { errors: ['HTTP 404 Not Found'] } });
    const error = await instana.apiTokens.getApiTokens().catch((caught: unknown) => caught);
    expect(isNotFoundError(error)).toBe(true);
    expect((error as Error).message).toContain('HTTP 404 Not Found');
  });

  it("throws NotFoundError with Instana's message for an unknown id", async () => {
    server.respond = () => ({
      status: 404,
      body: { errors: ['No ApiToken found with internalId'] },
    });
    const error = await instana.apiTokens.getApiToken('nope').catch((caught: unknown) => caught);
    expect(isNotFoundError(error) && error.status).toBe(404);
    expect((error as Error).message).toContain('No ApiToken found with internalId');
  });

  it('throws ResponseValidationError naming the field when a known field has the wrong type', async () => {
    server.respond = () => ({ body: { ...newApiToken({ name: 'n' }), name: 42 } });
    const error = await instana.apiTokens.getApiToken('x').catch((caught: unknown) => caught);
    expect(isResponseValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toContain(
      'name',
    );
  });
});
