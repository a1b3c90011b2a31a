import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterEach, expect, test } from 'vitest';
import {
  type ClientHooks,
  createHttpClient,
  createTokenAuth,
  isServerError,
  type TokenkitError,
} from '../src/index.js';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const token = 'hook-secret-token';
const auth = createTokenAuth({ scheme: 'Bearer', token });

/** Every hook, recording what it was called with, in order. */
function recorder(): { hooks: ClientHooks; events: [string, unknown][] } {
  const events: [string, unknown][] = [];
  const record =
    (name: string) =>
    (event: unknown): void => {
      events.push([name, event]);
    };
  return {
    events,
    hooks: {
      beforeAttempt: record('beforeAttempt'),
      afterResponse: record('afterResponse'),
      beforeRetry: record('beforeRetry'),
      onAnswerLost: record('onAnswerLost'),
      beforeError: record('beforeError'),
    },
  };
}

test('hooks see each attempt, response, retry wait and lost answer, without secrets', async () => {
  server = await startHandlerServer((_request, response, index) => {
    if (index === 0) {
      response.writeHead(503, { 'retry-after': '0', 'x-request-id': `id-${token}` });
      response.end('{}');
      return;
    }
    json(response, 200, { ok: true });
  });
  const { hooks, events } = recorder();
  const http = createHttpClient({ baseUrl: server.url, auth, hooks });
  await http.request({ method: 'DELETE', path: '/tokens/1', query: { key: 'q-secret' } });
  expect(events.map(([name]) => name)).toEqual([
    'beforeAttempt',
    'afterResponse',
    'onAnswerLost',
    'beforeRetry',
    'beforeAttempt',
    'afterResponse',
  ]);
  expect(events[0]?.[1]).toEqual({
    attempt: 1,
    request: {
      method: 'DELETE',
      url: `${server.url}/tokens/1?key=REDACTED`,
      headers: expect.objectContaining({ authorization: 'Bearer [REDACTED]' }),
    },
  });
  expect(events[1]?.[1]).toMatchObject({ attempt: 1, status: 503 });
  expect(events[1]?.[1]).toMatchObject({ headers: { 'x-request-id': 'id-[REDACTED]' } });
  expect(events[2]?.[1]).toMatchObject({ attempt: 1, reason: '503' });
  expect(events[3]?.[1]).toMatchObject({ attempt: 1, reason: '503', retry: 1, maxRetries: 2 });
  expect(events[5]?.[1]).toMatchObject({ attempt: 2, status: 200 });
  const seen = JSON.stringify(events);
  expect(seen).not.toContain(token);
  expect(seen).not.toContain('q-secret');
});

test('beforeError gets the error the call rejects with; a lost final answer is reported', async () => {
  server = await startHandlerServer((_request, response) => json(response, 502, {}));
  const { hooks, events } = recorder();
  const http = createHttpClient({ baseUrl: server.url, auth, hooks, maxRetries: 0 });
  const error = await http.request({ method: 'POST', path: '/' }).catch((caught) => caught);
  expect(isServerError(error)).toBe(true);
  expect(events.map(([name]) => name)).toEqual([
    'beforeAttempt',
    'afterResponse',
    'onAnswerLost',
    'beforeError',
  ]);
  expect(events[2]?.[1]).toMatchObject({ reason: 'ServerError' });
  expect(events[3]?.[1]).toMatchObject({ error });
  expect((events[3]?.[1] as { error?: TokenkitError } | undefined)?.error).toBe(error);
});

test('a hook that throws does not fail the call', async () => {
  server = await startHandlerServer((_request, response) => json(response, 200, { ok: 1 }));
  const boom = () => {
    throw new Error('observer bug');
  };
  const http = createHttpClient({
    baseUrl: server.url,
    hooks: { beforeAttempt: boom, afterResponse: boom },
  });
  await expect(http.request({ method: 'GET', path: '/' })).resolves.toMatchObject({
    data: { ok: 1 },
  });
});
