import {
  freePort,
  json,
  type RecordingServer,
  startHandlerServer,
} from '@tokenkit/http-test-server';
import { afterEach, describe, expect, test } from 'vitest';
import {
  type ApiError,
  type ConnectionError,
  createHttpClient,
  type HttpClientOptions,
  type HttpMethod,
  isConnectionError,
  isRateLimitError,
  isServerError,
  type RateLimitError,
} from '../src/index.js';

let servers: RecordingServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(...args: Parameters<typeof startHandlerServer>): Promise<RecordingServer> {
  const server = await startHandlerServer(...args);
  servers.push(server);
  return server;
}

const fast: Partial<HttpClientOptions> = { backoff: { initialDelay: 2, maxDelay: 10 } };

/** Collects the `waitMs` of every retry the client logs. */
function waits(): { waits: number[]; logger: HttpClientOptions['logger'] } {
  const list: number[] = [];
  return {
    waits: list,
    logger: { info: (_message, details) => list.push(details?.waitMs as number) },
  };
}

describe('which requests are retried', () => {
  test.each([408, 429, 500, 502, 503, 504])(
    'GET on %i: 1 + maxRetries attempts',
    async (status) => {
      const server = await serve((_request, response) => json(response, status, {}));
      const http = createHttpClient({ baseUrl: server.url, maxRetries: 2, ...fast });
      const error = await http.request({ method: 'GET', path: '/' }).catch((caught) => caught);
      expect((error as ApiError).status).toBe(status);
      expect(server.requests).toHaveLength(3);
    },
  );

  test.each(['GET', 'PUT', 'DELETE'] as const)('%s recovers after a 503', async (method) => {
    const server = await serve((_request, response, index) =>
      json(response, index < 2 ? 503 : 200, { ok: index }),
    );
    const http = createHttpClient({ baseUrl: server.url, ...fast });
    const response = await http.request({
      method,
      path: '/',
      body: method === 'PUT' ? {} : undefined,
    });
    expect(response.data).toEqual({ ok: 2 });
    expect(server.requests.map((request) => request.method)).toEqual([method, method, method]);
  });

  test.each([400, 401, 403, 404, 409, 422, 501])('GET on %i is not retried', async (status) => {
    const server = await serve((_request, response) => json(response, status, {}));
    const http = createHttpClient({ baseUrl: server.url, ...fast });
    await http.request({ method: 'GET', path: '/' }).catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  test.each(['POST', 'PATCH'] as const)('%s is not repeated after a 503', async (method) => {
    const server = await serve((_request, response) => json(response, 503, {}));
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 3, ...fast });
    const error = await http.request({ method, path: '/', body: {} }).catch((caught) => caught);
    expect(isServerError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  test('maxRetries per call overrides the client', async () => {
    const server = await serve((_request, response) => json(response, 500, {}));
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 3, ...fast });
    await http.request({ method: 'GET', path: '/' }, { maxRetries: 0 }).catch(() => undefined);
    expect(server.requests).toHaveLength(1);
    await http.request({ method: 'GET', path: '/' }).catch(() => undefined);
    expect(server.requests).toHaveLength(5);
  });

  test('backoff grows exponentially with at most 25 % jitter', async () => {
    const server = await serve((_request, response) => json(response, 500, {}));
    const log = waits();
    const http = createHttpClient({
      baseUrl: server.url,
      maxRetries: 3,
      backoff: { initialDelay: 20, maxDelay: 50 },
      logger: log.logger,
    });
    await http.request({ method: 'GET', path: '/' }).catch(() => undefined);
    expect(log.waits).toHaveLength(3);
    const [first, second, third] = log.waits as [number, number, number];
    expect(first).toBeGreaterThanOrEqual(15);
    expect(first).toBeLessThanOrEqual(20);
    expect(second).toBeGreaterThanOrEqual(30);
    expect(second).toBeLessThanOrEqual(40);
    expect(third).toBeGreaterThanOrEqual(37); // capped at maxDelay 50, minus jitter
    expect(third).toBeLessThanOrEqual(50);
  });
});

describe('connection errors', () => {
  test('GET to a port with no listener is retried, then a ConnectionError with ECONNREFUSED', async () => {
    const port = await freePort();
    const log = waits();
    const http = createHttpClient({
      baseUrl: `http://127.0.0.1:${port}`,
      ...fast,
      logger: log.logger,
    });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((caught) => caught)) as ConnectionError;
    expect(isConnectionError(error)).toBe(true);
    expect(error.code).toBe('ECONNREFUSED');
    expect(log.waits).toHaveLength(2);
    expect('cause' in error).toBe(false);
  });

  test('a POST is repeated after connection refused: the server comes up and sees it exactly once', async () => {
    const port = await freePort();
    let started: Promise<RecordingServer> | undefined;
    const http = createHttpClient({
      baseUrl: `http://127.0.0.1:${port}`,
      backoff: { initialDelay: 300 },
      // Refused attempts never reach a server, so spare retries only make the test robust under load.
      maxRetries: 5,
      logger: {
        // The first attempt was refused; bring the real server up on that port before the retry.
        info: () => {
          started ??= serve((_request, response) => json(response, 201, { created: true }), port);
        },
      },
    });
    const response = await http.request({ method: 'POST', path: '/tokens', body: { name: 'x' } });
    const server = await started;
    expect(response.status).toBe(201);
    expect(server?.requests.map((request) => `${request.method} ${request.body}`)).toEqual([
      'POST {"name":"x"}',
    ]);
  });

  test.each(['POST', 'PATCH', 'GET'] as const)(
    '%s after a reset mid-response',
    async (method: HttpMethod) => {
      const server = await serve((_request, response, index) => {
        if (index === 0) {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          response.write('{"partial":');
          setTimeout(() => response.socket?.destroy(), 20);
          return;
        }
        json(response, 200, { ok: true });
      });
      const http = createHttpClient({ baseUrl: server.url, ...fast });
      const result = await http
        .request({ method, path: '/', body: method === 'GET' ? undefined : {} })
        .catch((caught: unknown) => caught);
      if (method === 'GET') {
        expect(result).toMatchObject({ data: { ok: true } });
        expect(server.requests).toHaveLength(2);
      } else {
        expect(isConnectionError(result)).toBe(true);
        expect(server.requests).toHaveLength(1);
      }
    },
  );

  test('a POST is not repeated when the connection drops before the response', async () => {
    const server = await serve((_request, response) => {
      response.socket?.destroy();
    });
    const http = createHttpClient({ baseUrl: server.url, ...fast });
    const error = await http
      .request({ method: 'POST', path: '/', body: {} })
      .catch((caught) => caught);
    expect(isConnectionError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('server-requested waits', () => {
  test('Retry-After in seconds is honoured', async () => {
    const server = await serve((_request, response, index) =>
      index === 0 ? json(response, 429, {}, { 'retry-after': '1' }) : json(response, 200, {}),
    );
    const log = waits();
    const http = createHttpClient({ baseUrl: server.url, ...fast, logger: log.logger });
    await http.request({ method: 'GET', path: '/' });
    expect(log.waits).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  test('Retry-After as an HTTP date is honoured (on a 503 too)', async () => {
    const server = await serve((_request, response, index) =>
      index === 0
        ? json(response, 503, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })
        : json(response, 200, {}),
    );
    const log = waits();
    const http = createHttpClient({ baseUrl: server.url, ...fast, logger: log.logger });
    await http.request({ method: 'GET', path: '/' });
    expect(log.waits).toHaveLength(1);
    // The date has one-second resolution: somewhere in (0, 2] seconds, far above the 2 ms backoff.
    expect(log.waits[0]).toBeGreaterThan(100);
    expect(log.waits[0]).toBeLessThanOrEqual(2000);
  });

  test('X-RateLimit-Reset (epoch seconds) is honoured on a 429', async () => {
    const server = await serve((_request, response, index) =>
      index === 0
        ? json(
            response,
            429,
            {},
            { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 2) },
          )
        : json(response, 200, {}),
    );
    const log = waits();
    const http = createHttpClient({ baseUrl: server.url, ...fast, logger: log.logger });
    await http.request({ method: 'GET', path: '/' });
    expect(log.waits).toHaveLength(1);
    expect(log.waits[0]).toBeGreaterThan(100);
    expect(log.waits[0]).toBeLessThanOrEqual(2000);
  });

  test('X-RateLimit-Reset on a 503 describes the hourly window, not this failure: backoff is used', async () => {
    const server = await serve((_request, response, index) =>
      index === 0
        ? json(
            response,
            503,
            {},
            { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3000) },
          )
        : json(response, 200, {}),
    );
    const log = waits();
    const http = createHttpClient({ baseUrl: server.url, ...fast, logger: log.logger });
    await http.request({ method: 'GET', path: '/' });
    expect(log.waits[0]).toBeLessThanOrEqual(10);
  });

  test('a wait above maxRetryAfter ends the call at once with the RateLimitError and retryAfterMs', async () => {
    const server = await serve((_request, response) =>
      json(response, 429, { message: 'slow down' }, { 'retry-after': '30' }),
    );
    const http = createHttpClient({ baseUrl: server.url, maxRetryAfter: 500, ...fast });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((caught) => caught)) as RateLimitError;
    expect(isRateLimitError(error)).toBe(true);
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.message).toBe('429 Too Many Requests: slow down');
    expect(server.requests).toHaveLength(1);
  });

  test('a wait beyond the overall deadline ends the call at once with the RateLimitError', async () => {
    const reset = Math.floor(Date.now() / 1000) + 40;
    const server = await serve((_request, response) =>
      json(response, 429, {}, { 'x-ratelimit-reset': String(reset) }),
    );
    const http = createHttpClient({ baseUrl: server.url, totalTimeout: 5000, ...fast });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((caught) => caught)) as RateLimitError;
    expect(isRateLimitError(error)).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThan(35_000);
    expect(server.requests).toHaveLength(1);
  });
});
