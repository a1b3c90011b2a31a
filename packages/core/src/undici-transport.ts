import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import { type Dispatcher, getGlobalDispatcher } from 'undici';
import {
  type HeaderRecord,
  nullBodyStatuses,
  type Transport,
  textResponse,
} from './fetch-attempt.js';

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

const [gunzipAsync, inflateAsync, inflateRawAsync, brotliAsync] = [
  gunzip,
  inflate,
  inflateRaw,
  brotliDecompress,
].map((decode) => promisify<Buffer, Buffer>(decode));
const decoders: Readonly<Record<string, ((data: Buffer) => Promise<Buffer>) | undefined>> = {
  gzip: gunzipAsync,
  'x-gzip': gunzipAsync,
  br: brotliAsync,
  // Servers send zlib-wrapped or raw deflate under the same name; fetch accepts both.
  deflate: (data) => inflateAsync!(data).catch(() => inflateRawAsync!(data)),
};
const utf8 = new TextDecoder();

/**
 * The body as text, decoded as fetch would for a single gzip, deflate or br encoding (undici's
 * own decompress interceptor is still experimental and warns on use); any other is left as is.
 */
async function bodyText(answer: Dispatcher.ResponseData): Promise<string> {
  const encoding = answer.headers['content-encoding'];
  const decode = typeof encoding === 'string' ? decoders[encoding.trim().toLowerCase()] : undefined;
  if (decode === undefined) return answer.body.text();
  return utf8.decode(await decode(Buffer.from(await answer.body.arrayBuffer())));
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
export const undiciTransport: Transport = async (request, headers, body) => {
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
    const text = await bodyText(answer);
    return textResponse(nullBodyStatuses.has(answer.statusCode) ? '' : text, {
      status: answer.statusCode,
      statusText: answer.statusText,
      headers: responseHeaders(answer.headers),
    });
  } catch (error) {
    // As fetch does: an abort rejects with the signal's reason, anything else is a network error.
    if (signal.aborted) throw signal.reason;
    throw new TypeError('fetch failed', { cause: error });
  }
};
