import { ConnectionError } from './errors.js';

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
 */
export type Transport = (
  request: Request,
  headers: Readonly<HeaderRecord>,
  body: string | undefined,
) => Promise<Response>;

/** A {@link Transport} over a fetch function: the full `Request` it is given, built here. */
export function fetchTransport(fetchFunction: FetchFunction): Transport {
  return (request, headers, body) =>
    fetchFunction(
      new Request(request.url, {
        method: request.method,
        headers,
        body: body ?? null,
        signal: request.signal,
        redirect: 'manual',
      }),
    );
}

/** One hop of an attempt: what is sent. */
interface Hop {
  request: Request;
  headers: Readonly<HeaderRecord>;
  body: string | undefined;
}

/**
 * One attempt: sends the request (no redirect followed by the transport), follows up to five
 * redirects itself (dropping credentials when the origin changes, see issue "Redirects never
 * carry Authorization to another origin"), and reads the whole body before returning, so that
 * a connection reset mid-body is a network error the retry policy sees, and the per-attempt
 * timeout covers the body too. A successful response's body is read once, as text, and kept
 * for {@link responseText}; an error response is buffered into a new Response for ky to read.
 * `body` is the request's body text, sent again on a 307/308.
 */
export async function fetchAttempt(
  transport: Transport,
  request: Request,
  headers: Readonly<HeaderRecord>,
  body: string | undefined,
): Promise<Response> {
  let hop: Hop = { request, headers, body };
  for (let count = 0; ; count++) {
    const response = await transport(hop.request, hop.headers, hop.body);
    if (response.type === 'opaqueredirect') {
      // Browsers hide manual redirects; the vendor APIs do not redirect, so report it plainly.
      throw new ConnectionError('The server answered with a redirect this runtime cannot follow', {
        code: 'EREDIRECT',
      });
    }
    const location = response.headers.get('location');
    if (!redirectStatuses.has(response.status) || location === null) {
      return buffer(response);
    }
    const target = new URL(location, hop.request.url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return buffer(response);
    await response.body?.cancel().catch(() => undefined);
    if (count >= maxRedirects) {
      throw new ConnectionError(`More than ${maxRedirects} redirects`, {
        code: 'ETOOMANYREDIRECTS',
      });
    }
    hop = redirectHop(hop, response.status, target);
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
 * text instead of reading a body, so the response is built without one.
 */
export function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(null, init);
  bodies.set(response, text);
  return response;
}

async function buffer(response: Response): Promise<Response> {
  const read = bodies.get(response);
  if (response.ok) {
    // Read once, no copy: the caller parses this text (`responseText`) instead of the body.
    if (read === undefined) {
      bodies.set(response, nullBodyStatuses.has(response.status) ? '' : await response.text());
    }
    return response;
  }
  const body = nullBodyStatuses.has(response.status)
    ? null
    : (read ?? (await response.arrayBuffer()));
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * The body of a response returned by {@link fetchAttempt}: the text it already read, or (for any
 * other response) the body read now.
 */
export function responseText(response: Response): Promise<string> | string {
  return bodies.get(response) ?? response.text();
}

/**
 * A readable copy of a response returned by {@link fetchAttempt}, for observers (`onResponse`):
 * the original's body has already been read.
 */
export function observableResponse(response: Response): Response {
  const text = bodies.get(response);
  if (text === undefined) return response.clone();
  return new Response(nullBodyStatuses.has(response.status) ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
