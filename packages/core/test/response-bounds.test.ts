import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createHttpClient,
  type HttpClientOptions,
  isRequestValidationError,
  isResponseTooLargeError,
  isTimeoutError,
  type ResponseTooLargeError,
} from '../src/index.js';

/** What the server saw of one answer: the bytes it wrote, and a promise of its socket closing. */
interface Stream {
  written: number;
  closed: Promise<void>;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/**
 * A server whose answers never end: `chunk` again and again (every `everyMs`, or as fast as the
 * socket drains), until the client closes the connection.
 */
async function endlessServer(
  head: Record<string, string>,
  chunk: Buffer,
  everyMs = 0,
  onStream: () => void = () => undefined,
): Promise<{ url: string; streams: Stream[] }> {
  const streams: Stream[] = [];
  server = createServer((_request, response: ServerResponse) => {
    const stream: Stream = {
      written: 0,
      closed: once(response, 'close').then(() => undefined),
    };
    streams.push(stream);
    onStream();
    response.writeHead(200, { 'content-type': 'application/json', ...head });
    const write = () => {
      while (!response.destroyed) {
        stream.written += chunk.length;
        const more = response.write(chunk);
        if (everyMs > 0) return void setTimeout(write, everyMs);
        if (!more) return void response.once('drain', write);
      }
    };
    write();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, streams };
}

const transports: [string, Partial<HttpClientOptions>][] = [
  ["core's default transport", {}],
  ['a passed fetch', { fetch: (input, init) => globalThis.fetch(input, init) }],
];

describe.each(transports)('bounds on every answer, over %s', (_name, transport) => {
  test('a timeout ends the body download and closes the connection', async () => {
    const endless = await endlessServer({}, Buffer.alloc(16 * 1024, 0x20), 5);
    // Long enough for the request to reach the server on a busy machine; the body never ends.
    const http = createHttpClient({
      baseUrl: endless.url,
      timeout: 1000,
      maxRetries: 0,
      ...transport,
    });
    const error = await http.request({ method: 'GET', path: '/' }).catch((caught) => caught);
    expect(isTimeoutError(error)).toBe(true);
    expect(endless.streams).toHaveLength(1);
    // The server sees its socket close: nothing keeps downloading after the call ended.
    await endless.streams[0]?.closed;
    expect(endless.streams[0]?.written).toBeLessThan(32 * 1024 * 1024);
  });

  test('an abort ends the body download and closes the connection', async () => {
    const controller = new AbortController();
    // Aborted once the body is streaming, whatever the machine's pace.
    const endless = await endlessServer({}, Buffer.alloc(16 * 1024, 0x20), 5, () =>
      setTimeout(() => controller.abort(), 50),
    );
    const http = createHttpClient({ baseUrl: endless.url, maxRetries: 0, ...transport });
    const pending = http.request({ method: 'GET', path: '/' }, { signal: controller.signal });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await endless.streams[0]?.closed;
  });

  test('an answer past maxResponseBytes ends with ResponseTooLargeError naming the limit', async () => {
    const endless = await endlessServer(
      { 'x-request-id': 'req-big' },
      Buffer.alloc(64 * 1024, 0x20),
    );
    const http = createHttpClient({
      baseUrl: endless.url,
      maxResponseBytes: 1024 * 1024,
      ...transport,
    });
    const error = (await http
      .request({ method: 'GET', path: '/big' })
      .catch((caught) => caught)) as ResponseTooLargeError;
    expect(isResponseTooLargeError(error)).toBe(true);
    expect(error.maxResponseBytes).toBe(1024 * 1024);
    expect(error.message).toContain('maxResponseBytes (1048576 bytes)');
    expect(error.message).toContain('GET http://127.0.0.1');
    expect(error).toMatchObject({ status: 200, requestId: 'req-big' });
    await endless.streams[0]?.closed;
    // Not retried, and the server could not write much more than the limit (socket buffers aside).
    expect(endless.streams).toHaveLength(1);
    expect(endless.streams[0]?.written).toBeLessThan(16 * 1024 * 1024);
  });

  test('a gzip bomb stops at the cap (counted after decoding), never decoded in full', async () => {
    // 1 MiB of zeros gzips to about 1 KiB; the server sends such members for ever (a gzip body
    // may hold many), so only a decoder that stops at the cap can end this answer.
    const member = gzipSync(Buffer.alloc(1024 * 1024));
    const endless = await endlessServer({ 'content-encoding': 'gzip' }, member);
    const http = createHttpClient({ baseUrl: endless.url, ...transport });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((caught) => caught)) as ResponseTooLargeError;
    expect(isResponseTooLargeError(error)).toBe(true);
    expect(error.maxResponseBytes).toBe(32 * 1024 * 1024);
    await endless.streams[0]?.closed;
  });

  test('a per-call maxResponseBytes overrides the client', async () => {
    const endless = await endlessServer({}, Buffer.alloc(64 * 1024, 0x20));
    const http = createHttpClient({ baseUrl: endless.url, ...transport });
    const error = (await http
      .request({ method: 'GET', path: '/' }, { maxResponseBytes: 100_000 })
      .catch((caught) => caught)) as ResponseTooLargeError;
    expect(error.maxResponseBytes).toBe(100_000);
    await endless.streams[0]?.closed;
  });
});

test('maxResponseBytes must be a positive integer, client and call alike', async () => {
  const error = (() => {
    try {
      createHttpClient({ baseUrl: 'http://127.0.0.1:9', maxResponseBytes: 0 });
    } catch (caught) {
      return caught;
    }
  })();
  expect(isRequestValidationError(error)).toBe(true);
  expect(error).toMatchObject({ field: 'maxResponseBytes' });
  const http = createHttpClient({ baseUrl: 'http://127.0.0.1:9' });
  await expect(
    http.request({ method: 'GET', path: '/' }, { maxResponseBytes: 1.5 }),
  ).rejects.toMatchObject({ name: 'RequestValidationError', field: 'maxResponseBytes' });
});
