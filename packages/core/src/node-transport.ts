import type { ClientRequest, IncomingMessage } from 'node:http';
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
 * Core's transport on Node: `node:http` and `node:https` through their global agents, which keep
 * connections alive (Node 19 and later) and which a proxy agent or `NODE_USE_ENV_PROXY` may
 * configure. The requests core sends need none of what fetch adds (core follows redirects
 * itself, sends no cookies, reads the body at once); what fetch gives is kept: gzip, deflate and
 * br decoded as a stream, abort through the request's signal, and fetch's errors (`TypeError:
 * fetch failed` with the system error as its cause), which ky and core's retry policy know.
 */

// Taken as CommonJS modules: an ESM `import` of `node:http` builds its namespace from every
// export, and reading the lazy `WebSocket`, `CloseEvent` and `MessageEvent` loads Node's bundled
// undici (23–75 ms measured, on every CLI start); `getBuiltinModule` (Node 22.3) hands over the
// module object as it is (3 ms).
const { request: httpRequest } = process.getBuiltinModule('node:http');
const { request: httpsRequest } = process.getBuiltinModule('node:https');

function requestHeaders(headers: Readonly<HeaderRecord>, body: string | undefined): HeaderRecord {
  const sent: HeaderRecord = { ...headers };
  // What fetch sends; `readBodyText` decodes what comes back (a caller's own value wins).
  sent['accept-encoding'] ??= 'gzip, deflate, br';
  if (body !== undefined) sent['content-length'] = String(Buffer.byteLength(body));
  return sent;
}

/** The response's headers as sent, repeated ones included. */
function responseHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < raw.length; index += 2)
    headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

/**
 * An answer whose headers are built the first time they are read: most answers are read for
 * their status and body only (a plain `get` never looks at its headers), and building a
 * `Headers` costs more than the rest of the response.
 */
class LazyHeadersResponse extends Response {
  readonly #raw: readonly string[];
  #headers: Headers | undefined;

  constructor(incoming: IncomingMessage) {
    super(null, { status: incoming.statusCode ?? 0, statusText: incoming.statusMessage ?? '' });
    this.#raw = incoming.rawHeaders;
  }

  override get headers(): Headers {
    this.#headers ??= responseHeaders(this.#raw);
    return this.#headers;
  }
}

/**
 * A TLS failure as `tls.connect` reports it. A request written before the handshake failed gets
 * the write's `EPROTO`, with OpenSSL's reason only in the message ("…:SSL routines:…:wrong
 * version number:…"); Node names the same failure `ERR_SSL_WRONG_VERSION_NUMBER` when it comes
 * from the handshake, and that code is what core's errors and retry policy read.
 */
function withTlsCode(error: unknown): unknown {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'EPROTO') return error;
  const reason = /SSL routines:[^:]*:([a-z0-9 ]+):/i.exec(error.message)?.[1];
  if (reason === undefined) return error;
  const code = `ERR_SSL_${reason.trim().toUpperCase().replaceAll(' ', '_')}`;
  return Object.assign(new Error(error.message, { cause: error }), { code });
}

/**
 * Where `http.request` sends an absolute URL (as `Request.url` serialises it: lower-case scheme
 * and host, no credentials), read without a `URL` parse, which costs more than the rest of
 * building the request. The fragment is dropped, as fetch does.
 */
function target(url: string): { host: string; port: string; path: string } {
  const start = url.indexOf('//') + 2;
  const slash = url.indexOf('/', start);
  const authority = url.slice(start, slash);
  const hash = url.indexOf('#', slash);
  const path = url.slice(slash, hash === -1 ? undefined : hash);
  const colon = authority.lastIndexOf(':');
  const bracketed = authority.startsWith('[');
  const hasPort = colon > authority.lastIndexOf(']');
  const host = hasPort ? authority.slice(0, colon) : authority;
  return {
    host: bracketed ? host.slice(1, host.lastIndexOf(']')) : host,
    port: hasPort ? authority.slice(colon + 1) : '',
    path,
  };
}

/** Sends one request; the signal's abort and any failure are the caller's to handle. */
function send(
  request: Request,
  headers: HeaderRecord,
  body: string | undefined,
  started: (outgoing: ClientRequest) => void,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = request.url.startsWith('https:');
    const { host, port, path } = target(request.url);
    const options = { host, path, method: request.method, headers, ...(port ? { port } : {}) };
    const outgoing = secure ? httpsRequest(options, resolve) : httpRequest(options, resolve);
    started(outgoing);
    // `on`, not `once`: a request that errs again after the first error must not crash the process.
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * A {@link Transport} on `node:http`/`node:https`: one request, no redirect followed, the body
 * read (and decoded) before it resolves, so an attempt's timeout covers it. Core's default on
 * Node. An abort, a body past `maxResponseBytes` or any failure destroys the connection.
 */
export const nodeTransport: Transport = async (request, headers, body, limits) => {
  const { signal } = request;
  signal.throwIfAborted();
  let outgoing: ClientRequest | undefined;
  let incoming: IncomingMessage | undefined;
  const close = () => {
    incoming?.destroy();
    outgoing?.destroy();
  };
  signal.addEventListener('abort', close, { once: true });
  try {
    incoming = await send(request, requestHeaders(headers, body), body, (sent) => {
      outgoing = sent;
    });
    const response = new LazyHeadersResponse(incoming);
    const { status } = response;
    const collector = new BodyCollector(limits, status, () => readRequestId(response.headers));
    const encoding = incoming.headers['content-encoding'];
    const text = await readBodyText(incoming, encoding, collector);
    return textResponse(nullBodyStatuses.has(status) ? '' : text, response);
  } catch (error) {
    close();
    if (isResponseTooLargeError(error)) throw error;
    // As fetch does: an abort rejects with the signal's reason, anything else is a network error.
    if (signal.aborted) throw signal.reason;
    throw new TypeError('fetch failed', { cause: withTlsCode(error) });
  } finally {
    signal.removeEventListener('abort', close);
  }
};
