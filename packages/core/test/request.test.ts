import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createHttpClient,
  createTokenAuth,
  isResponseValidationError,
  path,
  type ResponseValidationError,
} from '../src/index.js';
import { schema, tokenSchema } from './helpers/schemas.js';

let server: RecordingServer;
afterEach(async () => {
  await server?.close();
});

describe('request', () => {
  test('sends method, encoded path, query, JSON body, auth, accept and a User-Agent naming both packages', async () => {
    server = await startHandlerServer((_request, response) => json(response, 201, { id: 1 }));
    const http = createHttpClient({
      baseUrl: `${server.url}/api/`,
      auth: createTokenAuth({ scheme: 'Bearer', token: 'tok-123456' }),
      userAgent: '@tokenkit/vendor/1.2.3',
      headers: { 'Accept-Version': '^1.30.0' },
    });
    const response = await http.request({
      method: 'POST',
      path: path`/instances/${'a b/c'}/tokens`,
      query: { _actions: false, page: 2, filter: undefined, tag: ['x', 'y'] },
      body: { name: 'ci', scope: ['all.Instance'] },
    });
    expect(response.status).toBe(201);
    expect(response.data).toEqual({ id: 1 });
    const [seen] = server.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/api/instances/a%20b%2Fc/tokens?_actions=false&page=2&tag=x&tag=y');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers.accept).toBe('application/json');
    expect(seen?.headers['accept-version']).toBe('^1.30.0');
    expect(seen?.headers.authorization).toBe('Bearer tok-123456');
    expect(seen?.headers['user-agent']).toMatch(
      /^@tokenkit\/vendor\/1\.2\.3 @tokenkit\/core\/\S+ Node\.js\/\d+/,
    );
    expect(JSON.parse(seen?.body ?? '')).toEqual({ name: 'ci', scope: ['all.Instance'] });
  });

  test('per-request headers override client headers, per-call headers override both; undefined is skipped', async () => {
    server = await startHandlerServer((_request, response) => json(response, 200, {}));
    const http = createHttpClient({
      baseUrl: server.url,
      headers: { 'x-a': 'client', 'x-b': 'client' },
    });
    await http.request(
      {
        method: 'GET',
        path: '/',
        headers: { 'x-b': 'request', 'x-c': 'request', 'x-d': undefined },
      },
      { headers: { 'x-c': 'call' } },
    );
    const headers = server.requests[0]?.headers;
    expect([headers?.['x-a'], headers?.['x-b'], headers?.['x-c'], headers?.['x-d']]).toEqual([
      'client',
      'request',
      'call',
      undefined,
    ]);
  });

  test('validates the response body through a Standard Schema (sync and async) and returns its output', async () => {
    server = await startHandlerServer((_request, response) =>
      json(response, 200, { name: 'ci', scope: ['a'], extra: true }, { 'x-request-id': 'req-7' }),
    );
    const http = createHttpClient({ baseUrl: server.url });
    const sync = await http.request({ method: 'GET', path: '/', responseSchema: tokenSchema });
    expect(sync.data.scope).toEqual(['a']);
    expect(sync.requestId).toBe('req-7');
    const asyncSchema = schema<{ name: string }>(() => undefined, { async: true });
    const result = await http.request({ method: 'GET', path: '/', responseSchema: asyncSchema });
    expect(result.data.name).toBe('ci');
  });

  test('a body that breaks the schema is a ResponseValidationError with the issue paths', async () => {
    server = await startHandlerServer((_request, response) =>
      json(response, 200, { name: 5, scope: ['a', 'zz'] }),
    );
    const http = createHttpClient({ baseUrl: server.url });
    const error = (await http
      .request({ method: 'GET', path: '/t', responseSchema: tokenSchema })
      .catch((caught: unknown) => caught)) as ResponseValidationError;
    expect(isResponseValidationError(error)).toBe(true);
    expect(error.issues).toEqual([
      { path: 'name', message: 'must be a string' },
      { path: 'scope[1]', message: "unknown scope 'zz'" },
    ]);
    expect(error.status).toBe(200);
    expect(error.message).toContain("scope[1]: unknown scope 'zz'");
  });

  test('invalid JSON with a JSON content type is a ResponseValidationError', async () => {
    server = await startHandlerServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"truncated":');
    });
    const http = createHttpClient({ baseUrl: server.url });
    const error = await http.request({ method: 'GET', path: '/' }).catch((caught) => caught);
    expect(isResponseValidationError(error)).toBe(true);
  });

  test('204 and emptyResponse give undefined data without parsing', async () => {
    server = await startHandlerServer((request, response) => {
      if (request.method === 'DELETE') {
        response.writeHead(204);
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('not json');
      }
    });
    const http = createHttpClient({ baseUrl: server.url });
    const deleted = await http.request({ method: 'DELETE', path: '/x' });
    expect(deleted.status).toBe(204);
    expect(deleted.data).toBeUndefined();
    const ignored = await http.request({ method: 'GET', path: '/x', emptyResponse: true });
    expect(ignored.data).toBeUndefined();
    const text = await http.request({ method: 'GET', path: '/x' });
    expect(text.data).toBe('not json');
  });

  test('a token provider is asked on every request, so a refreshed token is used', async () => {
    server = await startHandlerServer((_request, response) => json(response, 200, {}));
    let calls = 0;
    const http = createHttpClient({
      baseUrl: server.url,
      auth: createTokenAuth({ scheme: 'apiToken', token: async () => `token-${++calls}` }),
    });
    await http.request({ method: 'GET', path: '/' });
    await http.request({ method: 'GET', path: '/' });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'apiToken token-1',
      'apiToken token-2',
    ]);
  });

  test('onResponse sees every response, each attempt included', async () => {
    server = await startHandlerServer((_request, response, index) =>
      index === 0
        ? json(response, 503, {})
        : json(response, 200, {}, { 'x-ratelimit-remaining': '9' }),
    );
    const seen: [number, string | null][] = [];
    const http = createHttpClient({
      baseUrl: server.url,
      backoff: { initialDelay: 1 },
      onResponse: (response) =>
        seen.push([response.status, response.headers.get('x-ratelimit-remaining')]),
    });
    await http.request({ method: 'GET', path: '/' });
    expect(seen).toEqual([
      [503, null],
      [200, '9'],
    ]);
  });

  test('the logger gets one line per attempt and per retry, with redacted URLs', async () => {
    server = await startHandlerServer((_request, response, index) =>
      index === 0 ? json(response, 500, {}) : json(response, 200, {}),
    );
    const lines: [string, string, Record<string, unknown> | undefined][] = [];
    const http = createHttpClient({
      baseUrl: server.url,
      backoff: { initialDelay: 1 },
      logger: {
        debug: (message, details) => lines.push(['debug', message, details]),
        info: (message, details) => lines.push(['info', message, details]),
      },
    });
    await http.request({ method: 'GET', path: '/x', query: { api_key: 'k-secret', page: 1 } });
    expect(lines.map(([level, , details]) => [level, details?.status ?? details?.reason])).toEqual([
      ['debug', 500],
      ['info', '500'],
      ['debug', 200],
    ]);
    expect(lines[0]?.[2]?.url).toBe(`${server.url}/x?api_key=REDACTED&page=1`);
    expect(lines[1]?.[2]).toMatchObject({ method: 'GET', retry: 1, attempt: 2 });
    expect(JSON.stringify(lines)).not.toContain('k-secret');
  });

  test('works with an injected fetch', async () => {
    server = await startHandlerServer((_request, response) => json(response, 200, { ok: true }));
    const urls: string[] = [];
    const http = createHttpClient({
      baseUrl: server.url,
      fetch: (input, init) => {
        urls.push(input.url);
        return fetch(input, init);
      },
    });
    await http.request({ method: 'GET', path: '/via-injected' });
    expect(urls).toEqual([`${server.url}/via-injected`]);
  });

  test('an injected fetch gets the whole request in its Request: headers, auth and body', async () => {
    server = await startHandlerServer((_request, response) => json(response, 200, { ok: true }));
    const http = createHttpClient({
      baseUrl: server.url,
      auth: createTokenAuth({ scheme: 'Bearer', token: 'injected-secret' }),
      headers: { 'x-extra': 'yes' },
      // Reads the Request only, as many wrappers do: nothing may travel in `init`.
      fetch: (input) => fetch(input),
    });
    await http.request({ method: 'POST', path: '/made', body: { name: 'n' } });
    const [sent] = server.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.headers).toMatchObject({
      authorization: 'Bearer injected-secret',
      'content-type': 'application/json',
      'x-extra': 'yes',
    });
    expect(sent?.body).toBe('{"name":"n"}');
  });

  test('query strings are encoded exactly as URLSearchParams encodes them (any key, value, unicode)', async () => {
    server = await startHandlerServer((_request, response) => json(response, 200, {}));
    const http = createHttpClient({ baseUrl: server.url });
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean());
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.string({ unit: 'binary', minLength: 1 }),
          fc.oneof(value, fc.array(value)),
        ),
        async (query) => {
          server.requests.length = 0;
          await http.request({ method: 'GET', path: '/q', query });
          const expected = new URLSearchParams();
          for (const [key, item] of Object.entries(query)) {
            for (const one of Array.isArray(item) ? item : [item])
              expected.append(key, String(one));
          }
          const search = expected.toString();
          expect(server.requests[0]?.url).toBe(`/q${search ? `?${search}` : ''}`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
