import {
  freePort,
  json,
  type RecordingServer,
  startHandlerServer,
} from '@tokenkit/http-test-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createHttpClient,
  isAbortError,
  isAnswerLost,
  isNotFoundError,
  type ResponseValidationError,
} from '../src/index.js';
import { tokenSchema } from './helpers/schemas.js';

/** Each path is one way an answer can go wrong; `/delete-after-*` answer 404 from the second try on. */
let server: RecordingServer;
beforeAll(async () => {
  server = await startHandlerServer((request, response) => {
    const route = request.path;
    if (route === '/dropped') {
      response.socket?.destroy();
    } else if (route === '/mid-body') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '40' });
      response.write('{"id":"6b0d', () => response.socket?.destroy());
    } else if (route === '/truncated') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id":"6b0d","na');
    } else if (route === '/invalid-json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"items": [}, oops');
    } else if (route === '/html-502') {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    } else if (route === '/slow') {
      setTimeout(() => response.destroyed || json(response, 200, {}), 1000);
    } else if (route === '/loop') {
      response.writeHead(302, { location: '/loop' });
      response.end();
    } else if (route === '/wrong-shape') {
      json(response, 200, { name: 7 });
    } else {
      json(response, Number(route.slice(1)) || 200, { message: 'status route' });
    }
  });
});
afterAll(() => server.close());

const failure = (path: string, options: { method?: 'GET' | 'POST'; timeout?: number } = {}) =>
  createHttpClient({ baseUrl: server.url, maxRetries: 0, timeout: options.timeout ?? 5000 })
    .request({
      method: options.method ?? 'POST',
      path,
      body: options.method === 'GET' ? undefined : {},
      responseSchema: tokenSchema,
    })
    .then(
      () => expect.unreachable(`${path} succeeded`),
      (error: unknown) => error,
    );

describe('isAnswerLost: the request may have acted and the answer is gone', () => {
  test.each([
    ['a connection dropped before the response', '/dropped', 'ConnectionError'],
    ['a connection dropped mid-body', '/mid-body', 'ConnectionError'],
    ['a truncated JSON body', '/truncated', 'ResponseValidationError'],
    ['an invalid JSON body', '/invalid-json', 'ResponseValidationError'],
    ['a 502 HTML page from a proxy', '/html-502', 'ServerError'],
    ['a 500', '/500', 'ServerError'],
    ['a 503', '/503', 'ServerError'],
  ])('%s', async (_case, path, name) => {
    const error = await failure(path);
    expect((error as Error).name).toBe(name);
    expect(isAnswerLost(error)).toBe(true);
  });

  test('an invalid body is kind invalid-json; a body the schema rejects is kind schema', async () => {
    const invalid = (await failure('/invalid-json')) as ResponseValidationError;
    expect(invalid.kind).toBe('invalid-json');
    const rejected = (await failure('/wrong-shape')) as ResponseValidationError;
    expect(rejected.name).toBe('ResponseValidationError');
    expect(rejected.kind).toBe('schema');
    expect(isAnswerLost(rejected)).toBe(false);
  });

  test('an attempt timeout and the overall deadline', async () => {
    const attempt = await failure('/slow', { timeout: 50 });
    expect(attempt).toMatchObject({ name: 'TimeoutError', kind: 'attempt' });
    expect(isAnswerLost(attempt)).toBe(true);
    const total = await createHttpClient({ baseUrl: server.url, totalTimeout: 50 })
      .request({ method: 'POST', path: '/slow' })
      .catch((error: unknown) => error);
    expect(total).toMatchObject({ name: 'TimeoutError', kind: 'total' });
    expect(isAnswerLost(total)).toBe(true);
  });
});

describe('isAnswerLost: the outcome is known', () => {
  test.each([400, 401, 403, 404, 409, 422, 429])('a %i', async (status) => {
    const error = await failure(`/${status}`);
    expect((error as { status: number }).status).toBe(status);
    expect(isAnswerLost(error)).toBe(false);
  });

  test('a refused connection: nothing was sent', async () => {
    const http = createHttpClient({
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      maxRetries: 0,
    });
    const error = await http
      .request({ method: 'POST', path: '/', body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ConnectionError', code: 'ECONNREFUSED' });
    expect(isAnswerLost(error)).toBe(false);
  });

  test('too many redirects: the server answered', async () => {
    const error = await failure('/loop', { method: 'GET' });
    expect(error).toMatchObject({ name: 'ConnectionError', code: 'ETOOMANYREDIRECTS' });
    expect(isAnswerLost(error)).toBe(false);
  });

  test('bad input, the caller aborting, and values that are not tokenkit errors', async () => {
    const http = createHttpClient({ baseUrl: server.url });
    const invalid = await http
      .request({ method: 'POST', path: '/', query: { bad: {} as never } })
      .catch((caught: unknown) => caught);
    expect(invalid).toMatchObject({ name: 'RequestValidationError', field: 'query.bad' });
    expect(isAnswerLost(invalid)).toBe(false);

    const controller = new AbortController();
    const pending = http.request({ method: 'POST', path: '/slow' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const aborted = await pending.catch((caught: unknown) => caught);
    expect(isAbortError(aborted)).toBe(true);
    expect(isAnswerLost(aborted)).toBe(false);

    // Look-alikes from elsewhere are not ours to classify.
    expect(isAnswerLost(new DOMException('timed out', 'TimeoutError'))).toBe(false);
    expect(isAnswerLost({ name: 'ServerError', status: 502 })).toBe(false);
    expect(isAnswerLost(undefined)).toBe(false);
  });
});

describe('a DELETE whose answer was lost, then 404', () => {
  let deletes: RecordingServer;
  beforeAll(async () => {
    // Attempt 0 fails as the path says (after "deleting"), later attempts find nothing: 404.
    deletes = await startHandlerServer((request, response, index) => {
      if (request.path === '/lost-429-404') {
        // Lost (dropped), then rate limited, then gone: the lost attempt deleted it.
        if (index === 0) response.socket?.destroy();
        else json(response, index === 1 ? 429 : 404, {}, { 'retry-after': '0' });
      } else if (index > 0 && request.path !== '/429-first') {
        json(response, 404, { type: 'NotFound', message: 'Token was not found' });
      } else if (request.path === '/dropped') {
        response.socket?.destroy();
      } else if (request.path === '/slow') {
        setTimeout(() => response.destroyed || json(response, 200, {}), 1000);
      } else if (request.path === '/429-first') {
        json(response, index === 0 ? 429 : 404, { message: 'not now' }, { 'retry-after': '0' });
      } else {
        json(response, Number(request.path.slice(1)), { message: 'status route' });
      }
    });
  });
  afterAll(() => deletes.close());
  const client = () =>
    createHttpClient({ baseUrl: deletes.url, timeout: 100, backoff: { initialDelay: 1 } });

  test.each([
    ['dropped', '/dropped'],
    ['timed out', '/slow'],
    ['a 502', '/502'],
  ])('first attempt %s: resolves with deletedBody, the resource is gone', async (_case, path) => {
    deletes.clear();
    const response = await client().request({
      method: 'DELETE',
      path,
      deletedBody: { success: true },
    });
    expect(response.data).toEqual({ success: true });
    expect(response.status).toBe(404);
    expect(deletes.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
  });

  test('lost, then 429, then 404: resolves with deletedBody (the 429 does not undo the lost answer)', async () => {
    deletes.clear();
    const response = await client().request({
      method: 'DELETE',
      path: '/lost-429-404',
      deletedBody: { success: true },
    });
    expect(response.data).toEqual({ success: true });
    expect(deletes.requests).toHaveLength(3);
  });

  test('without deletedBody it resolves with undefined', async () => {
    deletes.clear();
    const response = await client().request({ method: 'DELETE', path: '/dropped' });
    expect(response.data).toBeUndefined();
  });

  test('a 404 on the first attempt is still NotFoundError', async () => {
    deletes.clear();
    const error = await client()
      .request({ method: 'DELETE', path: '/404', deletedBody: { success: true } })
      .catch((caught: unknown) => caught);
    expect(isNotFoundError(error)).toBe(true);
    expect(deletes.requests).toHaveLength(1);
  });

  test('a 429 says nothing was done: the 404 after it is NotFoundError', async () => {
    deletes.clear();
    const error = await client()
      .request({ method: 'DELETE', path: '/429-first', deletedBody: { success: true } })
      .catch((caught: unknown) => caught);
    expect(isNotFoundError(error)).toBe(true);
    expect(deletes.requests).toHaveLength(2);
  });

  test('a GET whose answer was lost and then 404s is NotFoundError', async () => {
    deletes.clear();
    const error = await client()
      .request({ method: 'GET', path: '/dropped' })
      .catch((caught: unknown) => caught);
    expect(isNotFoundError(error)).toBe(true);
    expect(deletes.requests).toHaveLength(2);
  });
});
