import { inspect } from 'node:util';
import {
  freePort,
  json,
  type RecordingServer,
  startHandlerServer,
} from '@tokenkit/http-test-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createHttpClient,
  createTokenAuth,
  type HttpClientOptions,
  isTokenkitError,
  path,
} from '../src/index.js';
import { tokenSchema } from './helpers/schemas.js';

const token = 'tk_live_9f8e7d6c5b4a39281706';
const logLines: unknown[] = [];
const logger: HttpClientOptions['logger'] = {
  debug: (...args) => logLines.push(args),
  info: (...args) => logLines.push(args),
};

let server: RecordingServer;
let closedPort: number;
beforeAll(async () => {
  server = await startHandlerServer(async (request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/slow') {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      if (!response.destroyed) json(response, 200, {});
      return;
    }
    if (url.pathname === '/valid') {
      json(response, 200, { name: 5, token, echoed: request.headers.authorization });
      return;
    }
    if (url.pathname === '/html') {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(`<html>Bad gateway for ${request.headers.authorization}</html>`);
      return;
    }
    // A careless vendor echoing the credential in its error body.
    const status = Number(url.searchParams.get('status'));
    json(
      response,
      status,
      {
        type: 'Bad',
        message: `token ${token} rejected`,
        header: request.headers.authorization,
      },
      { 'retry-after': '0' },
    );
  });
  closedPort = await freePort();
});
afterAll(() => server.close());

function client(baseUrl = server.url, overrides: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    baseUrl,
    auth: createTokenAuth({ scheme: 'Bearer', token }),
    headers: { 'x-api-key': token },
    logger,
    backoff: { initialDelay: 1 },
    maxRetries: 1,
    ...overrides,
  });
}

const cases: [string, () => Promise<unknown>][] = [
  ...[400, 401, 403, 404, 409, 418, 422, 429, 500].map(
    (status): [string, () => Promise<unknown>] => [
      `HTTP ${status}`,
      () => client().request({ method: 'GET', path: '/e', query: { status, access_token: token } }),
    ],
  ),
  ['HTML 502', () => client().request({ method: 'GET', path: '/html' })],
  [
    'ConnectionError',
    () =>
      client(`http://127.0.0.1:${closedPort}`).request({
        method: 'GET',
        path: '/',
        query: { token },
      }),
  ],
  [
    'TimeoutError',
    () => client(server.url, { timeout: 50 }).request({ method: 'POST', path: '/slow' }),
  ],
  [
    'AbortError',
    () => client().request({ method: 'GET', path: '/slow' }, { signal: AbortSignal.timeout(50) }),
  ],
  [
    'RequestValidationError (header)',
    async () =>
      client().request({ method: 'GET', path: '/', headers: { 'x-extra': `${token}\r\n` } }),
  ],
  [
    'RequestValidationError (token)',
    async () =>
      createTokenAuth({ scheme: 'Bearer', token: `${token} trailing`, field: 'accessToken' }),
  ],
  ['RequestValidationError (path)', async () => path`/x/${''}/${token}`],
  [
    'ResponseValidationError',
    () => client().request({ method: 'GET', path: '/valid', responseSchema: tokenSchema }),
  ],
];

test.each(cases)(
  '%s: the token is in no message, stack, JSON, inspect output or log line',
  async (_label, run) => {
    const error = await run().then(
      () => {
        throw new Error('expected the call to fail');
      },
      (caught: unknown) => caught,
    );
    expect(isTokenkitError(error)).toBe(true);
    const err = error as Error;
    const renderings = [
      err.message,
      String(err.stack),
      String(err),
      JSON.stringify(err),
      inspect(err, { depth: 10 }),
      inspect(err, { depth: 10, showHidden: true }),
      JSON.stringify(logLines),
    ];
    for (const rendering of renderings) expect(rendering).not.toContain(token);
    // The redacted description is still useful.
    expect(JSON.stringify(err)).toContain(err.name);
  },
);

test('the echoed token is scrubbed from the vendor message and the body, not just hidden', async () => {
  const error = (await client()
    .request({ method: 'GET', path: '/e', query: { status: 400 } })
    .catch((caught: unknown) => caught)) as { message: string; body: unknown };
  expect(error.message).toBe('400 Bad: token [REDACTED] rejected');
  expect(error.body).toMatchObject({ header: 'Bearer [REDACTED]' });
});
