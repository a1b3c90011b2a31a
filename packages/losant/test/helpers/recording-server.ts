import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived on the socket. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, exactly as sent (still percent-encoded). */
  path: string;
  /** The raw query string without the leading `?`. */
  rawQuery: string;
  /** The query parsed with WHATWG rules; repeated keys keep every value. */
  query: Record<string, string | string[]>;
  /** Header names lower-cased by node:http. */
  headers: IncomingHttpHeaders;
  /** The raw body; `''` when none was sent. */
  body: string;
}

/** What the server answers with. */
export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A local HTTP server that records every request and answers from a responder function. */
export interface RecordingServer {
  url: string;
  readonly requests: readonly RecordedRequest[];
  /** Forgets what was recorded so far. */
  clear(): void;
  close(): Promise<void>;
}

function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

function send(response: ServerResponse, canned: CannedResponse): void {
  const payload = canned.body === undefined ? '' : JSON.stringify(canned.body);
  response.writeHead(canned.status, {
    ...(payload === '' ? {} : { 'content-type': 'application/json' }),
    ...canned.headers,
  });
  response.end(payload);
}

/**
 * Starts a recording server on 127.0.0.1 with an ephemeral port. Every request is recorded
 * before the responder runs, so a test can count what reached the wire.
 */
export async function startRecordingServer(
  respond: (request: RecordedRequest) => CannedResponse,
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.url ?? '/';
      const queryStart = target.indexOf('?');
      const rawQuery = queryStart === -1 ? '' : target.slice(queryStart + 1);
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: queryStart === -1 ? target : target.slice(0, queryStart),
        rawQuery,
        query: parseQuery(rawQuery),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      send(response, respond(recorded));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    clear: () => {
      requests.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
