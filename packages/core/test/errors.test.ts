import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createHttpClient,
  createTokenAuth,
  isAbortError,
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isServerError,
  isTimeoutError,
  isTokenkitError,
  isUnprocessableEntityError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TokenkitError,
  UnprocessableEntityError,
} from '../src/index.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startHandlerServer((request, response) => {
    const status = Number(new URL(request.url, 'http://x').searchParams.get('status'));
    if (request.url.startsWith('/no-reason')) {
      // Like HTTP/2: no reason phrase on the status line.
      response.writeHead(503, '', { 'content-type': 'text/plain' });
      response.end();
      return;
    }
    if (request.url.startsWith('/html')) {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(
        `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(5000)}</body></html>`,
      );
      return;
    }
    json(
      response,
      status,
      { type: 'SomethingWrong', message: `vendor says ${status}` },
      { 'x-correlation-id': `corr-${status}` },
    );
  });
});
afterAll(() => server.close());

const statusClasses = [
  [400, BadRequestError, isBadRequestError],
  [401, AuthenticationError, isAuthenticationError],
  [403, PermissionDeniedError, isPermissionDeniedError],
  [404, NotFoundError, isNotFoundError],
  [409, ConflictError, isConflictError],
  [422, UnprocessableEntityError, isUnprocessableEntityError],
  [429, RateLimitError, isRateLimitError],
  [500, ServerError, isServerError],
  [502, ServerError, isServerError],
  [503, ServerError, isServerError],
  [507, ServerError, isServerError],
] as const;

describe('status → error class', () => {
  test.each(statusClasses)('%i becomes %o', async (status, errorClass, guard) => {
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 0 });
    const error = await http
      .request({ method: 'GET', path: '/e', query: { status } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(TokenkitError);
    expect(guard(error)).toBe(true);
    expect(isApiError(error)).toBe(true);
    const apiError = error as ApiError;
    expect(apiError.name).toBe(errorClass.name);
    expect(apiError.status).toBe(status);
    expect(apiError.vendorType).toBe('SomethingWrong');
    expect(apiError.message).toBe(`${status} SomethingWrong: vendor says ${status}`);
    expect(apiError.requestId).toBe(`corr-${status}`);
    expect(apiError.request).toMatchObject({
      method: 'GET',
      url: `${server.url}/e?status=REDACTED`,
    });
  });

  test('other 4xx statuses are a plain ApiError', async () => {
    const http = createHttpClient({ baseUrl: server.url });
    const error = await http
      .request({ method: 'GET', path: '/e', query: { status: 418 } })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('ApiError');
    expect(isApiError(error)).toBe(true);
    expect(isNotFoundError(error)).toBe(false);
    expect((error as ApiError).status).toBe(418);
  });

  test('the vendor message reader is pluggable', async () => {
    const http = createHttpClient({
      baseUrl: server.url,
      errorDetails: (body) => ({
        type: 'Custom',
        message: `read ${(body as { type: string }).type}`,
      }),
    });
    const error = await http
      .request({ method: 'GET', path: '/e', query: { status: 404 } })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('404 Custom: read SomethingWrong');
  });

  test('a non-JSON (HTML) error body keeps a short snippet, and the message uses the status text', async () => {
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 0 });
    const error = (await http
      .request({ method: 'GET', path: '/html' })
      .catch((caught) => caught)) as ServerError;
    expect(isServerError(error)).toBe(true);
    expect(error.message).toBe('502 Bad Gateway');
    expect(typeof error.body).toBe('string');
    expect((error.body as string).length).toBeLessThanOrEqual(200);
    expect(error.body as string).toMatch(/^<html><head><title>502 Bad Gateway/);
  });
});

test('without a reason phrase the message still names the status', async () => {
  const http = createHttpClient({ baseUrl: server.url, maxRetries: 0 });
  const error = await http.request({ method: 'GET', path: '/no-reason' }).catch((caught) => caught);
  expect((error as Error).message).toBe('503 Service Unavailable');
  expect((error as ServerError).body).toBeUndefined();
});

describe('guards', () => {
  test('name-based guards accept an error from another copy of core and reject look-alikes', () => {
    // What a second install's NotFoundError looks like to this copy: same name and brand, other class.
    const foreign = Object.assign(new Error('404'), { name: 'NotFoundError', status: 404 });
    Object.defineProperty(foreign, Symbol.for('@tokenkit/core/error'), { value: true });
    expect(foreign instanceof NotFoundError).toBe(false);
    expect(isNotFoundError(foreign)).toBe(true);
    expect(isApiError(foreign)).toBe(true);
    expect(isTokenkitError(foreign)).toBe(true);

    const domAbort = new DOMException('aborted', 'AbortError');
    const domTimeout = new DOMException('timed out', 'TimeoutError');
    expect(isAbortError(domAbort)).toBe(false);
    expect(isTimeoutError(domTimeout)).toBe(false);
    expect(isAbortError(new AbortError('x'))).toBe(true);
    expect(isApiError(new AbortError('x'))).toBe(false);
    expect(isTokenkitError({ name: 'NotFoundError' })).toBe(false);
    expect(isPermissionDeniedError(undefined)).toBe(false);
    expect(isUnprocessableEntityError('UnprocessableEntityError')).toBe(false);
  });
});

describe('redacted request on errors', () => {
  test('authorization keeps only its scheme, unknown headers and query values read REDACTED', async () => {
    const http = createHttpClient({
      baseUrl: server.url,
      auth: createTokenAuth({ scheme: 'Bearer', token: 'super-secret-token' }),
      headers: { 'x-api-key': 'another-secret', 'accept-version': '^1' },
      redaction: { allowedHeaderNames: ['X-Vendor-Domain'], allowedQueryParameters: ['status'] },
    });
    const error = (await http
      .request({
        method: 'GET',
        path: '/e',
        query: { status: 404, access_token: 'query-secret', page: 3 },
        headers: { 'x-vendor-domain': 'example.org' },
      })
      .catch((caught) => caught)) as ApiError;
    expect(error.request.url).toBe(`${server.url}/e?status=404&access_token=REDACTED&page=3`);
    expect(error.request.headers).toMatchObject({
      authorization: 'Bearer [REDACTED]',
      'x-api-key': 'REDACTED',
      'accept-version': '^1',
      'x-vendor-domain': 'example.org',
    });
  });
});
