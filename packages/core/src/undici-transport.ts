import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { type Dispatcher, getGlobalDispatcher } from 'undici';
import { BodyCollector } from './body-limit.js';
import {
  type HeaderRecord,
  nullBodyStatuses,
  type Transport,
  textResponse,
} from './fetch-attempt.js';
import { isResponseTooLargeError } from './guards.js';
import { readRequestId } from './headers.js';

/*
 * Node's global fetch is undici's dispatcher plus the WHATWG fetch algorithm on top, and that
 * algorithm is most of its cost (the bench's layer table shows it). This is the same dispatcher
 * without it: the requests core sends need none of what the algorithm adds (core follows
 * redirects itself, sends no cookies, reads the body at once), so on Node core sends through
 * here. It keeps what fetch gives: the global dispatcher (its keep-alive pool, a proxy or mock
 * set with `setGlobalDispatcher`), gzip/deflate/br decoding, abort through the request's
 * signal, and fetch's errors (`TypeError: fetch failed` with the cause), which ky and core's
 * retry policy know.
 */

/** Deflate as fetch reads it: zlib-wrapped or raw, told apart by the first bytes (RFC 1950 header). */
class AnyInflate extends Transform {
  #inner: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#inner ??= this.#start(chunk);
    if (this.#inner.write(chunk)) done();
    else this.#inner.once('drain', done);
  }

  override _flush(done: TransformCallback): void {
    if (this.#inner === undefined) done();
    else this.#inner.once('end', done).end();
  }

  override _read(size: number): void {
    this.#inner?.resume();
    super._read(size);
  }

  #start(chunk: Buffer): Transform {
    const header =
      chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && chunk.readUInt16BE(0) % 31 === 0;
    const inner = header ? createInflate() : createInflateRaw();
    // The reader's pace: pause the inflater while what it pushed is not yet read.
    inner.on('data', (data: Buffer) => this.push(data) || inner.pause());
    inner.on('error', (error) => this.destroy(error));
    return inner;
  }
}

const decoders: Readonly<Record<string, (() => Transform) | undefined>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  br: createBrotliDecompress,
  deflate: () => new AnyInflate(),
};

/**
 * The body as text, decoded as a stream as fetch would for a single gzip, deflate or br encoding
 * (undici's own decompress interceptor is still experimental and warns on use); any other is left
 * as is. Reading stops at `collector`'s limit: leaving the loop destroys the decoder and, through
 * the pipeline, the body, which closes the connection.
 */
async function bodyText(
  answer: Dispatcher.ResponseData,
  collector: BodyCollector,
): Promise<string> {
  const encoding = answer.headers['content-encoding'];
  const decoder =
    typeof encoding === 'string' ? decoders[encoding.trim().toLowerCase()] : undefined;
  const source: Readable = decoder
    ? pipeline(answer.body, decoder(), () => undefined)
    : answer.body;
  try {
    for await (const chunk of source) collector.push(chunk as Buffer);
  } finally {
    // Also when the caller's signal ended the loop: nothing more is read from this socket.
    if (!answer.body.readableEnded) answer.body.destroy();
  }
  return collector.text();
}

/** Splits an absolute URL (as `Request.url` serialises it) into origin and path, without the fragment. */
function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const hash = url.indexOf('#', slash);
  return { origin: url.slice(0, slash), path: url.slice(slash, hash === -1 ? undefined : hash) };
}

// What fetch sends; the dispatcher decodes what comes back (a caller's own value wins).
function requestHeaders(headers: Readonly<HeaderRecord>): HeaderRecord {
  return headers['accept-encoding'] === undefined
    ? { ...headers, 'accept-encoding': 'gzip, deflate, br' }
    : headers;
}

function responseHeaders(raw: Dispatcher.ResponseData['headers']): [string, string][] {
  const headers: [string, string][] = [];
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.push([name, item]);
    else headers.push([name, value]);
  }
  return headers;
}

/**
 * A {@link Transport} on undici's dispatcher: one request, no redirect followed, the body read
 * before it resolves (so an attempt's timeout covers it). Core's default on Node.
 */
export const undiciTransport: Transport = async (request, headers, body, limits) => {
  const { signal } = request;
  try {
    const { origin, path } = splitUrl(request.url);
    const answer = await getGlobalDispatcher().request({
      origin,
      path,
      method: request.method as Dispatcher.HttpMethod,
      headers: requestHeaders(headers),
      body: body ?? null,
      signal,
    });
    const collector = new BodyCollector(limits, answer.statusCode, () =>
      readRequestId(new Headers(responseHeaders(answer.headers))),
    );
    const text = await bodyText(answer, collector);
    return textResponse(nullBodyStatuses.has(answer.statusCode) ? '' : text, {
      status: answer.statusCode,
      statusText: answer.statusText,
      headers: responseHeaders(answer.headers),
    });
  } catch (error) {
    if (isResponseTooLargeError(error)) throw error;
    // As fetch does: an abort rejects with the signal's reason, anything else is a network error.
    if (signal.aborted) throw signal.reason;
    throw new TypeError('fetch failed', { cause: error });
  }
};
