import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Reply, sendReply } from './reply.js';

/** One request exactly as it reached the server (nothing is normalised). */
export interface RecordedRequest {
  method: string;
  /** The raw request target, e.g. `/a%2Fb?x=1&x=2`. */
  url: string;
  /** `url` without the query string, still percent-encoded. */
  path: string;
  /** The raw query string without the leading `?` (`''` when there is none). */
  rawQuery: string;
  /** The query parsed with WHATWG rules; a repeated key keeps every value, in order. */
  query: Record<string, string | string[]>;
  /** Header names lower-cased by node:http. */
  headers: IncomingHttpHeaders;
  /** The raw body text (`''` when none was sent). */
  body: string;
}

/**
 * The low-level way to answer: drive `response` yourself. `index` counts requests from 0.
 * A thrown error (or rejection) is answered with status 599 and the error text.
 */
export type Handler = (
  request: RecordedRequest,
  response: ServerResponse,
  index: number,
) => void | Promise<void>;

/** The simple way to answer: return a {@link Reply}. `index` counts requests from 0. */
export type Responder = (request: RecordedRequest, index: number) => Reply;

export interface RecordingServerOptions {
  /** Answers with a {@link Reply}; can be replaced later through `server.respond`. */
  respond?: Responder;
  /** Answers through `ServerResponse`; when given, it is used instead of `respond`. */
  handler?: Handler;
  /** Port on 127.0.0.1 to listen on; 0 (the default) picks a free one. */
  port?: number;
}

/** A node:http server on 127.0.0.1 that records every request before answering it. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Every request so far, in arrival order (recorded before the reply is decided). */
  readonly requests: RecordedRequest[];
  /** Decides the reply when no `handler` was given; replace it per test. Defaults to 200 `[]`. */
  respond: Responder;
  /** Forgets what was recorded so far (request indexes restart at 0). */
  clear(): void;
  /** Destroys every open socket (also keep-alive and hanging ones) and stops listening. */
  close(): Promise<void>;
}

/** Splits a request target into path, raw query and parsed query. */
function parseTarget(url: string): Pick<RecordedRequest, 'path' | 'rawQuery' | 'query'> {
  const queryStart = url.indexOf('?');
  const rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return { path: queryStart === -1 ? url : url.slice(0, queryStart), rawQuery, query };
}

/**
 * Starts a recording server on 127.0.0.1. Tests then assert the real method, path, query,
 * headers and body that the client put on the wire instead of mocked functions.
 *
 * @example
 * const server = await startRecordingServer({ respond: () => ({ status: 201, body: { id: 1 } }) });
 * // ... call the client with server.url ...
 * expect(server.requests[0]?.method).toBe('POST');
 * await server.close();
 */
export async function startRecordingServer(
  options: RecordingServerOptions = {},
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '/';
    const request: RecordedRequest = {
      method: req.method ?? '',
      url,
      ...parseTarget(url),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(request);
    const index = requests.length - 1;
    try {
      if (options.handler) {
        await options.handler(request, res, index);
        return;
      }
      const reply = recording.respond(request, index);
      if (reply.delayMs !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (res.destroyed) return;
      }
      sendReply(res, reply);
    } catch (error) {
      if (res.destroyed || res.writableEnded) return;
      if (!res.headersSent) res.statusCode = 599;
      res.end(String(error));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const recording: RecordingServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    respond: options.respond ?? (() => ({ body: [] })),
    clear: () => {
      requests.length = 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  return recording;
}

/** Shorthand for `startRecordingServer({ handler, port })`. */
export function startHandlerServer(handler: Handler, port = 0): Promise<RecordingServer> {
  return startRecordingServer({ handler, port });
}
