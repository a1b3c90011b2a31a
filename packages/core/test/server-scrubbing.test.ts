import { inspect } from 'node:util';
import { type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterEach, expect, test } from 'vitest';
import {
  type ApiError,
  createHttpClient,
  createTokenAuth,
  isResponseValidationError,
  type ResponseValidationError,
} from '../src/index.js';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const token = 'reflected-credential-0123';
const auth = createTokenAuth({ scheme: 'Bearer', token });

/** `{ "a": { "a": … { leaf } } }`, `depth` levels deep. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

/** A server that reflects the credential it got in `x-request-id` and in the body. */
async function reflecting(status: number, body: (credential: string) => string) {
  server = await startHandlerServer((request, response) => {
    const credential = String(request.headers.authorization).replace('Bearer ', '');
    response.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': `req-${credential}`,
    });
    response.end(body(credential));
  });
  return createHttpClient({ baseUrl: server.url, auth, maxRetries: 0 });
}

test('a credential reflected in x-request-id and a body 100 levels deep is scrubbed everywhere', async () => {
  const http = await reflecting(400, (credential) =>
    JSON.stringify({ message: 'bad', detail: nested(100, { echo: credential, [credential]: 1 }) }),
  );
  const error = (await http
    .request({
      method: 'POST',
      path: '/',
      body: { secret: 'sent-secret-xyz' },
      secrets: ['sent-secret-xyz'],
    })
    .catch((caught) => caught)) as ApiError;
  expect(error.status).toBe(400);
  expect(error.requestId).toBe('req-[REDACTED]');
  for (const rendered of [
    JSON.stringify(error),
    inspect(error, { depth: Infinity }),
    error.message,
  ]) {
    expect(rendered).not.toContain(token);
  }
  // Scrubbed, not cut: the shallow part of the body is still there to read.
  expect(error.body).toMatchObject({ message: 'bad' });
});

test('a body nested past 512 levels keeps no secret: the deep part is replaced', async () => {
  const http = await reflecting(422, (credential) => JSON.stringify(nested(2000, credential)));
  const error = (await http
    .request({ method: 'GET', path: '/' })
    .catch((caught) => caught)) as ApiError;
  expect(error.status).toBe(422);
  expect(JSON.stringify(error)).toContain('[nested deeper than 512 levels]');
  expect(JSON.stringify(error)).not.toContain(token);
  expect(inspect(error, { depth: Infinity })).not.toContain(token);
});

test('a 100,000-deep success body is a typed ResponseValidationError, not a RangeError', async () => {
  const http = await reflecting(200, () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  const error = (await http
    .request({ method: 'GET', path: '/' })
    .catch((caught) => caught)) as ResponseValidationError;
  expect(isResponseValidationError(error)).toBe(true);
  expect(error.kind).toBe('invalid-json');
  expect(error.message).toContain('nests deeper than 512 levels');
  expect(error.requestId).toBe('req-[REDACTED]');
});

test('brackets inside strings do not count as nesting', async () => {
  const http = await reflecting(200, () => JSON.stringify({ text: '['.repeat(10_000), q: '\\"[' }));
  const { data } = await http.request({ method: 'GET', path: '/' });
  expect(data).toEqual({ text: '['.repeat(10_000), q: '\\"[' });
});

test('a schema failure scrubs the reflected request id', async () => {
  const http = await reflecting(200, () => '{}');
  const error = (await http
    .request({
      method: 'GET',
      path: '/',
      responseSchema: {
        '~standard': {
          version: 1,
          vendor: 'test',
          validate: () => ({ issues: [{ message: 'nope' }] }),
        },
      },
    })
    .catch((caught) => caught)) as ResponseValidationError;
  expect(error.kind).toBe('schema');
  expect(error.requestId).toBe('req-[REDACTED]');
});
