import { type Dispatcher, getGlobalDispatcher } from 'undici';
import { BodyCollector } from './body-limit.js';
import { readBodyText } from './decode-body.js';
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

/** The body as text, decoded and bounded by {@link readBodyText}. */
function bodyText(answer: Dispatcher.ResponseData, collector: BodyCollector): Promise<string> {
  const encoding = answer.headers['content-encoding'];
  return readBodyText(answer.body, typeof encoding === 'string' ? encoding : undefined, collector);
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
