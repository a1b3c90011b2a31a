import { BodyCollector, type TransportLimits } from './body-limit.js';
import { ConnectionError } from './errors.js';
import { readRequestId } from './headers.js';

/** The fetch signature core accepts (the global `fetch` fits). */
export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Statuses whose response has no body, whatever the server sent. */
export const nullBodyStatuses: ReadonlySet<number> = new Set([204, 205, 304]);
const maxRedirects = 5;
const credentialHeaders = ['authorization', 'proxy-authorization', 'cookie'];

// The text of each successful response, read inside the attempt; see `fetchAttempt`.
const bodies = new WeakMap<Response, string>();

/** Header names (lower-case) to the values sent. */
export type HeaderRecord = Record<string, string>;

/**
 * How core sends one request: the `Request` ky built (method, URL and the signal that carries
 * the attempt's timeout and the caller's abort), and the headers and body text to send with
 * it. ky gets neither (it would copy the headers into several `Headers` objects per call); the
 * transport puts them on the wire.
 *
 * The contract every transport keeps (core's own: {@link fetchTransport} over any fetch, and the
 * Node transport in `node-transport.ts`):
 * - it follows no redirect: a 3xx comes back as it is, and `fetchAttempt` decides;
 * - it reads the whole body before it resolves, decoding `content-encoding` (gzip, deflate, br)
 *   as a stream, and resolves with a {@link textResponse} holding the text;
 * - it counts the decoded bytes into a {@link BodyCollector} and, the moment they pass
 *   `limits.maxResponseBytes`, stops reading and decoding, closes the connection and rejects with
 *   the collector's `ResponseTooLargeError`: a compressed bomb is never decoded in full (a Node
 *   transport gets all of this from `readBodyText` in `decode-body.ts`);
 * - when `request.signal` aborts (the attempt's timeout, the caller's abort), it stops the
 *   download at once, closes the connection and rejects with `signal.reason`;
 * - any other failure rejects as fetch does: `TypeError('fetch failed', { cause })`, which ky
 *   and the retry policy know as a network error.
 */
export type Transport = (
  request: Request,
  headers: Readonly<HeaderRecord>,
  body: string | undefined,
  limits: TransportLimits,
) => Promise<Response>;

/**
 * Reads a fetch response's body through `collector`, cancelling the download when `signal`
 * aborts or the body passes the limit (some fetch implementations keep reading a body whose
 * request signal aborted, unless the reader is cancelled).
 */
async function readFetchBody(
  response: Response,
  signal: AbortSignal,
  collector: BodyCollector,
): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const cancel = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // A cancelled reader reports `done`: that is an abort, not the end of the body.
      if (signal.aborted) throw signal.reason;
      if (done) return collector.text();
      collector.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** A {@link Transport} over a fetch function: the full `Request` it is given, built here. */
export function fetchTransport(fetchFunction: FetchFunction): Transport {
  return async (request, headers, body, limits) => {
    const { signal } = request;
    const response = await fetchFunction(
      new Request(request.url, {
        method: request.method,
        headers,
        body: body ?? null,
        signal,
        redirect: 'manual',
      }),
    );
    // Status 0, no body: `fetchAttempt` reports it.
    if (response.type === 'opaqueredirect') return response;
    const collector = new BodyCollector(limits, response.status, () =>
      readRequestId(response.headers),
    );
    const text = await readFetchBody(response, signal, collector);
    const { status, statusText } = response;
    return textResponse(
      nullBodyStatuses.has(status) ? '' : text,
      new Response(null, { status, statusText, headers: response.headers }),
    );
  };
}

/** One hop of an attempt: what is sent. */
interface Hop {
  request: Request;
  headers: Readonly<HeaderRecord>;
  body: string | undefined;
}

/** What {@link fetchAttempt} needs besides the request. */
export interface AttemptOptions {
  /** The bounds every answer is read within. */
  limits: TransportLimits;
  /** Redacts a redirect's target for the error that refuses it. */
  redactUrl: (url: string) => string;
}

/**
 * One attempt: sends the request (no redirect followed by the transport), follows up to five
 * redirects itself (dropping credentials when the origin changes, see issue "Redirects never
 * carry Authorization to another origin"), and reads the whole body before returning, so that
 * a connection reset mid-body is a network error the retry policy sees, and the per-attempt
 * timeout covers the body too. Every body is read once, as text, by the transport (within
 * `options.limits`) and kept for {@link responseText}; an error response is rebuilt with that
 * text for ky to read. `body` is the request's body text, sent again on a same-origin 307/308.
 */
export async function fetchAttempt(
  transport: Transport,
  request: Request,
  headers: Readonly<HeaderRecord>,
  body: string | undefined,
  options: AttemptOptions,
): Promise<Response> {
  let hop: Hop = { request, headers, body };
  for (let count = 0; ; count++) {
    const response = await transport(hop.request, hop.headers, hop.body, options.limits);
    if (response.type === 'opaqueredirect') {
      // Browsers hide manual redirects; the vendor APIs do not redirect, so report it plainly.
      throw new ConnectionError('The server answered with a redirect this runtime cannot follow', {
        code: 'EREDIRECT',
      });
    }
    // The status first: reading a header builds the headers of an answer that is no redirect.
    const location = redirectStatuses.has(response.status)
      ? response.headers.get('location')
      : null;
    if (location === null) return buffer(response);
    const target = new URL(location, hop.request.url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return buffer(response);
    if (count >= maxRedirects) {
      throw new ConnectionError(`More than ${maxRedirects} redirects`, {
        code: 'ETOOMANYREDIRECTS',
      });
    }
    checkRedirect(hop, response.status, target, options.redactUrl);
    hop = redirectHop(hop, response.status, target);
  }
}

/**
 * Refuses a redirect that would weaken the request: https to http (the credential and body would
 * travel in clear), or a 307/308 that would resend a body to another origin (the body may hold a
 * secret, e.g. a token being created).
 */
function checkRedirect(
  current: Hop,
  status: number,
  target: URL,
  redactUrl: (url: string) => string,
): void {
  const from = new URL(current.request.url);
  const refuse = (why: string) =>
    new ConnectionError(
      `Refused to follow the redirect ${status} to ${redactUrl(target.href)}: ${why}`,
      { code: 'EREDIRECT' },
    );
  if (from.protocol === 'https:' && target.protocol === 'http:') {
    throw refuse('it leaves https for plain http');
  }
  const keepsBody = status === 307 || status === 308;
  if (keepsBody && current.body !== undefined && target.origin !== from.origin) {
    throw refuse('it would send the request body to another origin');
  }
}

function redirectHop(current: Hop, status: number, target: URL): Hop {
  const headers = { ...current.headers };
  if (target.origin !== new URL(current.request.url).origin) {
    for (const name of credentialHeaders) delete headers[name];
  }
  let method = current.request.method;
  let body = current.body;
  // As the fetch standard does: 303 always, and 301/302 after a POST, become a GET without body.
  if (
    (status === 303 && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST')
  ) {
    method = 'GET';
    body = undefined;
    delete headers['content-type'];
    delete headers['content-length'];
  }
  return {
    request: new Request(target, { method, signal: current.request.signal, redirect: 'manual' }),
    headers,
    body,
  };
}

/**
 * A response whose body a transport has already read, as text: {@link fetchAttempt} takes the
 * text instead of reading a body, so `response` is built without one (its status, status text
 * and headers are those of the answer).
 */
export function textResponse(text: string, response: Response): Response {
  bodies.set(response, text);
  return response;
}

/** An error response rebuilt around the text its transport read, for ky to read. */
function buffer(response: Response): Response {
  return response.ok ? response : observableResponse(response);
}

/** The body of a response returned by {@link fetchAttempt}: the text its transport read. */
export function responseText(response: Response): string {
  return bodies.get(response) ?? '';
}

/**
 * A readable copy of a response returned by {@link fetchAttempt}, whose body has already been
 * read: for observers (`onResponse`), and for ky to read an error response.
 */
export function observableResponse(response: Response): Response {
  return new Response(nullBodyStatuses.has(response.status) ? null : responseText(response), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
