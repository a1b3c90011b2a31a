import { inspect } from 'node:util';
import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createHttpClient,
  type HttpRequest,
  isApiError,
  isRequestValidationError,
  isResponseValidationError,
  isTokenkitError,
  path,
  type RequestValidationError,
} from '../src/index.js';
import { tokenSchema } from './helpers/schemas.js';

// A secret the caller sends in a body (like Instana's accessGrantingToken), not the auth token.
const secret = 'agt_7c1e5a93b2d04f68a1';
// One JSON escapes: a scrubber working on JSON text would look for the wrong characters.
const quoted = 'se"cr\\et-4f2a9';

let server: RecordingServer;
beforeAll(async () => {
  // A careless vendor: every error answer echoes the request body back, parsed and raw.
  server = await startHandlerServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const status = Number(url.searchParams.get('status') ?? 400);
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      parsed = undefined;
    }
    const value = (parsed as { accessGrantingToken?: unknown } | undefined)?.accessGrantingToken;
    if (url.pathname === '/html') {
      response.writeHead(status, { 'content-type': 'text/html' });
      response.end(`<html><body>Cannot store ${request.body}</body></html>`);
      return;
    }
    if (url.pathname === '/valid') {
      // 200 with a body the schema refuses, holding the secret as a key and in a message.
      json(response, 200, { name: 1, scope: [String(value)], [String(value)]: true });
      return;
    }
    json(response, status, {
      type: `Duplicate_${String(value)}`,
      message: `token ${String(value)} already exists`,
      echoed: parsed,
      raw: request.body,
      [String(value)]: 'as a key',
    });
  });
});
afterAll(() => server.close());

const http = () => createHttpClient({ baseUrl: server.url, maxRetries: 0 });

async function failure(request: HttpRequest): Promise<Error> {
  const error = await http()
    .request(request)
    .then(
      () => {
        throw new Error('expected the call to fail');
      },
      (caught: unknown) => caught,
    );
  expect(isTokenkitError(error)).toBe(true);
  return error as Error;
}

/** Every way a caller might look at an error. */
function renderings(error: Error): string[] {
  return [
    error.message,
    String(error.stack),
    String(error),
    JSON.stringify(error),
    String(JSON.stringify((error as { body?: unknown }).body)),
    inspect(error, { depth: 10, showHidden: true }),
  ];
}

describe('HttpRequest.secrets', () => {
  test('the server really echoes the body: without secrets, the value shows', async () => {
    const error = await failure({
      method: 'POST',
      path: '/e',
      body: { accessGrantingToken: secret },
    });
    expect(error.message).toContain(secret);
  });

  test.each([
    ['POST 400 (JSON)', 'POST', '/e?status=400', secret],
    ['PUT 409 (JSON)', 'PUT', '/e?status=409', secret],
    ['POST 500 (JSON)', 'POST', '/e?status=500', secret],
    ['POST 502 (HTML snippet)', 'POST', '/html?status=502', secret],
    ['PUT 400, a secret JSON escapes', 'PUT', '/e?status=400', quoted],
  ] as const)(
    '%s: scrubbed from message, body, vendor fields and stack',
    async (_label, method, where, value) => {
      const [pathname, query] = where.split('?');
      const error = await failure({
        method,
        path: pathname ?? '/',
        query: { status: Number(new URLSearchParams(query).get('status')) },
        body: { name: 'ci', accessGrantingToken: value },
        secrets: [value],
      });
      expect(isApiError(error)).toBe(true);
      for (const rendering of renderings(error)) expect(rendering).not.toContain(value);
      if (pathname === '/e') {
        expect(error).toMatchObject({
          vendorType: 'Duplicate_[REDACTED]',
          vendorMessage: 'token [REDACTED] already exists',
          body: {
            echoed: { name: 'ci', accessGrantingToken: '[REDACTED]' },
            '[REDACTED]': 'as a key',
          },
        });
      } else {
        expect((error as unknown as { body: unknown }).body).toContain('[REDACTED]');
      }
    },
  );

  test('a secret that is also a path segment is scrubbed from the request description', async () => {
    const error = await failure({
      method: 'PUT',
      path: path`/e/${secret}`,
      body: { accessGrantingToken: secret },
      secrets: [secret],
    });
    expect((error as unknown as { request: { url: string } }).request.url).toContain(
      '/e/[REDACTED]',
    );
    for (const rendering of renderings(error)) expect(rendering).not.toContain(secret);
  });

  test('scrubbed from a ResponseValidationError built from a 200 answer', async () => {
    const error = await failure({
      method: 'POST',
      path: '/valid',
      body: { accessGrantingToken: secret },
      responseSchema: tokenSchema,
      secrets: [secret],
    });
    expect(isResponseValidationError(error)).toBe(true);
    expect(error.message).toContain("unknown scope '[REDACTED]'");
    for (const rendering of renderings(error)) expect(rendering).not.toContain(secret);
  });

  test('a value that is not an array of strings is refused before anything is sent', async () => {
    const before = server.requests.length;
    const error = (await http()
      .request({ method: 'POST', path: '/e', secrets: secret as unknown as string[] })
      .catch((caught: unknown) => caught)) as RequestValidationError;
    expect(isRequestValidationError(error)).toBe(true);
    expect(error.field).toBe('secrets');
    expect(server.requests.length).toBe(before);
  });
});
