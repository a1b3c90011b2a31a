import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClock } from './clock.js';
import { preflight, setCorsHeaders } from './cors.js';
import { failureReply, htmlErrorPage, invalidJson, truncated } from './fault-replies.js';
import { createFaults } from './faults.js';
import { readBody, send, toWire, type WireReply } from './http-io.js';
import { createRateLimiter } from './instana/rate-limit.js';
import { handleInstana, instanaRoutes, rateLimitKey } from './instana/routes.js';
import { createInstanaStore } from './instana/store.js';
import { handleLosant, losantRoutes } from './losant/routes.js';
import { createLosantStore, losantSecret } from './losant/store.js';
import { createRandom, objectId } from './random.js';
import { instanaError, losantError, type Reply } from './reply.js';
import { createRequestLog } from './request-log.js';
import { matchRoute, type ParsedRequest, type RouteMatch } from './router.js';
import { createStoreApi } from './store-api.js';
import type { MockServer, MockServerOptions } from './types.js';

const ROUTES = [...losantRoutes, ...instanaRoutes];

/**
 * Starts the mock server: Losant's 15 API-token actions and Instana's 5 API-token operations
 * over real HTTP, backed by an in-memory store, with fault injection and a request log.
 *
 * @example
 * const mock = await startMockServer();
 * const res = await fetch(`${mock.url}/me/tokens`, {
 *   headers: { Authorization: `Bearer ${mock.losant.accessToken}` },
 * });
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    instanaRateLimit = 5000,
    requestLogLimit = 10_000,
  } = options;
  if (!Number.isSafeInteger(instanaRateLimit) || instanaRateLimit < 0) {
    throw new TypeError(`instanaRateLimit must be a non-negative integer, got ${instanaRateLimit}`);
  }
  if (!Number.isSafeInteger(requestLogLimit) || requestLogLimit < 0) {
    throw new TypeError(`requestLogLimit must be a non-negative integer, got ${requestLogLimit}`);
  }
  const clock = createClock(options.now);
  const random = createRandom(options.seed);
  const started = clock();
  const userId = objectId(random, started);
  const losant = createLosantStore(
    {
      instanceId: objectId(random, started),
      applicationId: objectId(random, started),
      userId,
      userName: 'Mock User',
    },
    random,
    clock,
  );
  const losantCredential = losantSecret(random, userId, started);
  const instana = createInstanaStore(random.hex(20), random, clock);
  const rateLimiter = createRateLimiter(instanaRateLimit, clock);
  const faults = createFaults();
  const log = createRequestLog(requestLogLimit);
  const shutdown = new AbortController();

  const route = (match: RouteMatch | undefined, request: ParsedRequest): Reply => {
    // Instana-side misses still carry the rate-limit headers (peeked, not counted).
    const instanaHeaders = () => rateLimiter.peek(rateLimitKey(request.headers.authorization));
    if (match === undefined) {
      return request.path.startsWith('/api/')
        ? { ...instanaError(404, ['Not Found']), headers: instanaHeaders() }
        : losantError(404, 'NotFound', `No route for ${request.method} ${request.path}`);
    }
    if (match.operation === undefined) {
      const allow = [...match.allowed, 'OPTIONS'].join(', ');
      return match.vendor === 'instana'
        ? { ...instanaError(405, ['Method Not Allowed']), headers: { ...instanaHeaders(), allow } }
        : {
            ...losantError(
              405,
              'MethodNotAllowed',
              `${request.method} is not allowed on ${request.path}`,
            ),
            headers: { allow },
          };
    }
    return match.vendor === 'losant'
      ? handleLosant({ store: losant, credential: losantCredential, clock }, request)
      : handleInstana({ store: instana, rateLimiter, random, clock }, request);
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] ??= value;
    const match = matchRoute(ROUTES, method, path);
    const operation = match?.operation;
    const entry = log.add({
      method,
      path,
      query,
      headers: { ...req.headers },
      body: undefined,
      status: undefined,
      vendor: match?.vendor,
      operation,
      fault: undefined,
      time: new Date(clock()),
    });
    const reply = (wire: WireReply): void => {
      entry.status = wire.status;
      // Once closing, tell keep-alive clients not to reuse the connection.
      if (shutdown.signal.aborted) wire.headers.connection = 'close';
      send(res, wire);
    };
    setCorsHeaders(res);
    const text = await readBody(req);
    entry.body = logBody(text);
    if (method === 'OPTIONS') {
      return reply(toWire(preflight(req.headers['access-control-request-headers'])));
    }
    if (text === undefined) {
      return reply(toWire(losantError(413, 'PayloadTooLarge', 'Request body is over 1 MiB')));
    }
    const key = { method, path, operation };
    const delay = faults.latencyFor(key);
    if (delay > 0) {
      try {
        await sleep(delay, undefined, { signal: shutdown.signal });
      } catch {
        // The server is closing: give up on this request.
        req.socket.destroy();
        return;
      }
    }
    const fault = faults.take(key);
    if (fault !== undefined) entry.fault = fault.kind;
    switch (fault?.kind) {
      case 'fail': {
        const { retryAfter, rateLimitReset } = fault;
        const extra = {
          ...(retryAfter === undefined ? {} : { retryAfter }),
          ...(rateLimitReset === undefined ? {} : { rateLimitReset }),
        };
        const failure = failureReply(
          match?.vendor,
          fault.status,
          req.headers.authorization,
          rateLimiter,
          extra,
        );
        return reply(toWire(failure));
      }
      case 'html-error':
        return reply(htmlErrorPage(fault.status));
      case 'drop-before-response':
        req.socket.destroy();
        return;
      default:
        break;
    }
    const request: ParsedRequest = {
      method,
      path,
      query,
      headers: req.headers,
      body: text,
      params: match?.params ?? {},
      operation: operation ?? '',
    };
    let wire: WireReply;
    try {
      wire = toWire(route(match, request));
    } catch (error) {
      wire = toWire(losantError(500, 'InternalServerError', `mock-server bug: ${String(error)}`));
    }
    if (fault?.kind === 'truncate') return reply(truncated(wire));
    if (fault?.kind === 'invalid-json') return reply(invalidJson(wire));
    if (fault?.kind === 'drop-mid-body') {
      if (wire.payload !== undefined) entry.status = wire.status;
      return dropMidBody(res, wire);
    }
    reply(wire);
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      // Only reachable when the socket died under us; nothing left to answer.
      if (!res.headersSent && !res.destroyed) {
        send(res, toWire(losantError(500, 'InternalServerError', String(error))));
      }
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      shutdown.abort();
      // Ends everything still open shortly after: in-flight answers get a moment to finish.
      const force = setTimeout(() => {
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }, 100);
      server.close((error) => {
        clearTimeout(force);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return {
    url: `http://${urlHost}:${address.port}`,
    losant: {
      accessToken: losantCredential,
      instanceId: losant.seed.instanceId,
      applicationId: losant.seed.applicationId,
      userId,
    },
    instana: { apiToken: instana.credential.accessGrantingToken },
    store: createStoreApi(losant, instana, rateLimiter),
    faults,
    get requests() {
      return log.snapshot();
    },
    clearRequests: () => log.clear(),
    close,
  };
}

/**
 * Writes the headers (with the full Content-Length) and half the body, then kills the socket,
 * so the client sees a response that stops mid-body.
 */
function dropMidBody(res: ServerResponse, wire: WireReply): void {
  const payload = wire.payload;
  // A reply without a body (204) has no middle: the connection dies before the status line.
  if (payload === undefined) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(wire.status, { ...wire.headers, 'content-length': String(payload.length) });
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
}

function logBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
