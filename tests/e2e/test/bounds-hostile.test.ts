/**
 * Bounds on every answer, reproduced as they were found: the built SDKs behind a hostile
 * node:http server or proxy. An endless body, a gzip bomb, a caching proxy that answers every
 * page with the first one under a lying `totalCount`, and a proxy reflecting the credential into
 * `x-request-id`. Each must end, typed, with the connection closed and no secret in the error.
 */
import { once } from 'node:events';
import { createServer, request as forward, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { isResponseTooLargeError, isTimeoutError } from '@tokenkit/core';
import { createInstanaClient } from '@tokenkit/instana';
import { createLosantClient, isNotFoundError, type NotFoundError } from '@tokenkit/losant';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterEach, describe, expect, test } from 'vitest';

const servers: Server[] = [];
let mock: MockServer | undefined;
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
  await mock?.close();
  mock = undefined;
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server whose every answer is `chunk` repeated until the client hangs up. */
async function endless(head: Record<string, string>, chunk: Buffer) {
  const closed: Promise<unknown>[] = [];
  const url = await listen(
    createServer((_request, response: ServerResponse) => {
      closed.push(once(response, 'close'));
      response.writeHead(200, { 'content-type': 'application/json', ...head });
      const write = () => {
        while (!response.destroyed)
          if (!response.write(chunk)) return void response.once('drain', write);
      };
      write();
    }),
  );
  return { url, closed };
}

/** What a hostile proxy changes: the request target it forwards, and each answer. */
interface Rewrites {
  target?: (url: string) => string;
  answer: (
    path: string,
    headers: Record<string, string>,
    body: unknown,
    credential: string,
  ) => unknown;
}

/** A proxy to the mock that rewrites as `rewrites` says. */
async function proxy(mockUrl: string, rewrites: Rewrites) {
  return listen(
    createServer((request, response) => {
      const credential = String(request.headers.authorization ?? '').replace(/^\S+ /, '');
      const target = rewrites.target?.(request.url ?? '/') ?? request.url;
      const outgoing = forward(`${mockUrl}${target}`, {
        method: request.method,
        headers: request.headers,
      });
      request.pipe(outgoing);
      outgoing.on('response', async (answer) => {
        const chunks: Buffer[] = [];
        for await (const chunk of answer) chunks.push(chunk as Buffer);
        const text = Buffer.concat(chunks).toString('utf8');
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        const body = rewrites.answer(
          request.url ?? '/',
          headers,
          text === '' ? undefined : JSON.parse(text),
          credential,
        );
        response.writeHead(answer.statusCode ?? 502, headers);
        response.end(body === undefined ? '' : JSON.stringify(body));
      });
    }),
  );
}

describe('an answer that never ends', () => {
  test('a timeout ends the download and closes the connection, also with a passed fetch', async () => {
    const server = await endless({}, Buffer.alloc(16 * 1024, 0x20));
    const losant = createLosantClient({
      accessToken: 'losant-token-abcdef',
      url: server.url,
      // Long enough for the request to reach the server on a busy machine; the body never ends.
      timeout: 1000,
      maxRetries: 0,
      maxResponseBytes: Number.MAX_SAFE_INTEGER,
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    const error = await losant.userApiTokens.get().catch((caught) => caught);
    expect(isTimeoutError(error)).toBe(true);
    await server.closed[0];
  });

  test('a gzip bomb ends at maxResponseBytes, never decoded in full', async () => {
    const server = await endless(
      { 'content-encoding': 'gzip' },
      gzipSync(Buffer.alloc(1024 * 1024)),
    );
    const instana = createInstanaClient({ apiToken: 'instana-token-abcdef', baseUrl: server.url });
    const error = await instana.apiTokens.getApiTokens().catch((caught) => caught);
    expect(isResponseTooLargeError(error)).toBe(true);
    expect(error.maxResponseBytes).toBe(32 * 1024 * 1024);
    await server.closed[0];
  });
});

test('a caching proxy that answers every page with the first under a lying totalCount: iterate ends', async () => {
  mock = await startMockServer({ port: 0, host: '127.0.0.1' });
  mock.store.losant.add('user', 150);
  let lists = 0;
  const url = await proxy(mock.url, {
    // It caches by path: every page of the list is forwarded as the first.
    target: (target) => target.replace(/([?&]page=)\d+/, '$10'),
    answer: (path, _headers, body) => {
      if (!path.startsWith('/me/tokens')) return body;
      lists++;
      return { ...(body as object), totalCount: 1_000_000 };
    },
  });
  const losant = createLosantClient({ accessToken: mock.losant.accessToken, url });
  let seen = 0;
  for await (const _token of losant.userApiTokens.iterate()) {
    if (++seen > 10_000) throw new Error('iterate did not stop');
  }
  expect(seen).toBe(100);
  expect(lists).toBe(2);
});

test('a credential reflected into x-request-id and a deep body never reaches the error', async () => {
  mock = await startMockServer({ port: 0, host: '127.0.0.1' });
  const token = mock.losant.accessToken;
  const url = await proxy(mock.url, {
    answer: (_path, headers, body, credential) => {
      headers['x-request-id'] = `rid-${credential}`;
      let deep: unknown = { echo: credential };
      for (let level = 0; level < 60; level++) deep = { nested: deep };
      return { ...(body as object), deep };
    },
  });
  const losant = createLosantClient({ accessToken: token, url });
  const error = (await losant.userApiToken
    .get({ apiTokenId: 'ffffffffffffffffffffffff' })
    .catch((caught) => caught)) as NotFoundError;
  expect(isNotFoundError(error)).toBe(true);
  expect(error.requestId).toBe('rid-[REDACTED]');
  for (const view of [JSON.stringify(error), inspect(error, { depth: Infinity }), String(error)]) {
    expect(view).not.toContain(token);
  }
});
