import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLosantClient,
  isRequestValidationError,
  isResponseTooLargeError,
  type RequestValidationError,
} from '../src/index.js';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the url option', () => {
  it.each([
    ['http://api.losant.example', "pass 'https://api.losant.example'"],
    ['http://10.0.0.1:8080', "pass 'https://10.0.0.1:8080'"],
  ])('refuses plain http to %s before connecting, as Instana does', (url, advice) => {
    let error: unknown;
    try {
      createLosantClient({ accessToken: 'losant-secret', url });
    } catch (caught) {
      error = caught;
    }
    expect(isRequestValidationError(error)).toBe(true);
    expect((error as RequestValidationError).field).toBe('url');
    expect((error as Error).message).toContain('url must use https for');
    expect((error as Error).message).toContain('plain http is allowed only for loopback hosts');
    expect((error as Error).message).toContain(advice);
  });

  it.each(['http://127.0.0.1:1', 'http://localhost:1', 'http://[::1]:1', 'https://api.losant.com'])(
    'accepts %s',
    (url) => {
      expect(() => createLosantClient({ accessToken: 'token', url })).not.toThrow();
    },
  );
});

describe('limits and hooks reach core', () => {
  it('maxResponseBytes ends a larger answer; hooks see the attempt', async () => {
    server = await startHandlerServer((_request, response) =>
      json(response, 200, { items: [], filler: 'x'.repeat(5000) }),
    );
    const attempts: number[] = [];
    const losant = createLosantClient({
      accessToken: 'token',
      url: server.url,
      maxResponseBytes: 1000,
      hooks: { beforeAttempt: (event) => attempts.push(event.attempt) },
    });
    const error = await losant.userApiTokens.get().catch((caught) => caught);
    expect(isResponseTooLargeError(error)).toBe(true);
    expect(attempts).toEqual([1]);
  });
});

describe('iterate against a server whose totalCount lies', () => {
  const page = (items: number, totalCount: number) => ({
    items: Array.from({ length: items }, (_, index) => ({
      id: index.toString(16).padStart(24, '0'),
      name: 'n',
    })),
    count: items,
    totalCount,
    perPage: 100,
  });

  async function walk(answer: (pageNumber: number) => unknown): Promise<number> {
    server = await startHandlerServer((request, response) => {
      const pageNumber = Number(new URL(request.url, 'http://x').searchParams.get('page'));
      json(response, 200, answer(pageNumber));
    });
    const losant = createLosantClient({ accessToken: 'token', url: server.url });
    let seen = 0;
    for await (const _token of losant.userApiTokens.iterate()) {
      if (++seen > 10_000) throw new Error('iterate did not stop');
    }
    return server.requests.length;
  }

  it('stops when a page repeats the one before (the page number ignored)', async () => {
    expect(await walk(() => page(100, 1e9))).toBe(2);
  });

  it('stops on a page shorter than the perPage Losant echoes', async () => {
    expect(await walk((number) => page(number === 0 ? 100 : 3, 1e9))).toBe(2);
  });

  it('stops on an empty page', async () => {
    expect(await walk((number) => page(number === 0 ? 100 : 0, 1e9))).toBe(2);
  });
});
