import { json, type RecordingServer, startHandlerServer, until } from '@tokenkit/http-test-server';
import { afterEach, describe, expect, test } from 'vitest';
import { createHttpClient, isAbortError, isTimeoutError, type TimeoutError } from '../src/index.js';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers request `index` after `delays[index]` ms (the last delay repeats). */
async function slowServer(delays: number[]): Promise<RecordingServer> {
  server = await startHandlerServer(async (_request, response, index) => {
    await new Promise((resolve) => setTimeout(resolve, delays[Math.min(index, delays.length - 1)]));
    if (!response.destroyed) json(response, 200, { index });
  });
  return server;
}

describe('timeouts', () => {
  test('an attempt that exceeds timeout is abandoned and a GET retried', async () => {
    const slow = await slowServer([1000, 0]);
    const http = createHttpClient({
      baseUrl: slow.url,
      timeout: 150,
      backoff: { initialDelay: 1 },
    });
    const response = await http.request({ method: 'GET', path: '/' });
    expect(response.data).toEqual({ index: 1 });
    expect(slow.requests).toHaveLength(2);
  });

  test('a POST that times out is not retried and throws TimeoutError (kind attempt)', async () => {
    // The server never answers, so the timeout fires however busy the machine is; the client's
    // own count of attempts (not what reached the server in time) says it was not retried.
    server = await startHandlerServer(() => new Promise<void>(() => undefined));
    let attempts = 0;
    const http = createHttpClient({
      baseUrl: server.url,
      timeout: 100,
      backoff: { initialDelay: 1 },
      hooks: { beforeAttempt: () => void attempts++ },
    });
    const error = (await http
      .request({ method: 'POST', path: '/', body: {} })
      .catch((caught) => caught)) as TimeoutError;
    expect(isTimeoutError(error)).toBe(true);
    expect(error.kind).toBe('attempt');
    expect(error.timeoutMs).toBe(100);
    expect(attempts).toBe(1);
  });

  test('per-call timeout overrides the client', async () => {
    const slow = await slowServer([300]);
    const http = createHttpClient({ baseUrl: slow.url, timeout: 5000, maxRetries: 0 });
    const error = await http
      .request({ method: 'GET', path: '/' }, { timeout: 50 })
      .catch((caught) => caught);
    expect(isTimeoutError(error)).toBe(true);
  });

  test('the overall deadline stops retries: TimeoutError (kind total)', async () => {
    const slow = await slowServer([2000]);
    const http = createHttpClient({
      baseUrl: slow.url,
      timeout: 200,
      totalTimeout: 500,
      maxRetries: 10,
      backoff: { initialDelay: 1 },
    });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((caught) => caught)) as TimeoutError;
    expect(isTimeoutError(error)).toBe(true);
    expect(error.kind).toBe('total');
    expect(error.timeoutMs).toBe(500);
    // 200 ms attempts inside a 500 ms budget: at most three, never the eleven maxRetries allows.
    expect(slow.requests.length).toBeLessThanOrEqual(3);
  });

  test('a retry whose wait ends past the deadline is not sent: TimeoutError (kind total)', async () => {
    server = await startHandlerServer((_request, response) => json(response, 503, {}));
    const busy = (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        // Holds the event loop, as a busy process would, so the wait's timer fires late.
      }
    };
    const http = createHttpClient({
      baseUrl: server.url,
      totalTimeout: 400,
      backoff: { initialDelay: 10, maxDelay: 10 },
      // Logged once the retry is decided (its wait ends well inside the deadline), before it.
      logger: { info: () => busy(500) },
    });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((caught) => caught)) as TimeoutError;
    expect(isTimeoutError(error)).toBe(true);
    expect(error.kind).toBe('total');
    expect(server.requests).toHaveLength(1);
  });
});

describe('abort', () => {
  test('aborting mid-request throws AbortError', async () => {
    const slow = await slowServer([5000]);
    const http = createHttpClient({ baseUrl: slow.url });
    const controller = new AbortController();
    const pending = http.request({ method: 'GET', path: '/' }, { signal: controller.signal });
    // Abort once the server holds the request, so the abort really lands mid-request.
    await until(() => slow.requests.length === 1);
    controller.abort();
    const error = await pending.catch((caught) => caught);
    expect(isAbortError(error)).toBe(true);
    expect(slow.requests).toHaveLength(1);
  });

  test('aborting while waiting to retry ends the call at once (a 30 s backoff would exceed the test timeout)', async () => {
    server = await startHandlerServer((_request, response) => json(response, 503, {}));
    const controller = new AbortController();
    const http = createHttpClient({
      baseUrl: server.url,
      totalTimeout: 120_000,
      backoff: { initialDelay: 30_000, maxDelay: 30_000 },
      // The retry is scheduled: abort a moment later, during the wait.
      logger: { info: () => setTimeout(() => controller.abort(), 20) },
    });
    const error = await http
      .request({ method: 'GET', path: '/' }, { signal: controller.signal })
      .catch((caught) => caught);
    expect(isAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  test('a client-level signal aborts calls too; an already-aborted signal sends nothing', async () => {
    server = await startHandlerServer((_request, response) => json(response, 200, {}));
    const http = createHttpClient({ baseUrl: server.url, signal: AbortSignal.abort() });
    const error = await http.request({ method: 'GET', path: '/' }).catch((caught) => caught);
    expect(isAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});
