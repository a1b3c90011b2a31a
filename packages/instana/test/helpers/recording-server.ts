import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it reached the server. */
export interface RecordedRequest {
  method: string;
  /** The raw request target, e.g. `/api/settings/api-tokens/a%2Fb` (never normalised). */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw body text ('' when none was sent). */
  body: string;
}

/** What the server answers; `body` is JSON-encoded unless it is a string. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  requests: RecordedRequest[];
  /** Decides every reply; replace it per test. Defaults to 200 `[]`. */
  respond: (request: RecordedRequest) => Reply;
  close(): Promise<void>;
}

/**
 * A tiny node:http server on 127.0.0.1 that records what the client put on the wire, so tests
 * assert real method, path, headers and body instead of mocked functions.
 */
export async function startRecordingServer(): Promise<RecordingServer> {
  const recording: RecordingServer = {
    url: '',
    requests: [],
    respond: () => ({ body: [] }),
    close: async () => {},
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    recording.requests.push(request);
    const reply = recording.respond(request);
    if (reply.delayMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (res.destroyed) return;
    }
    const status = reply.status ?? 200;
    const text =
      reply.body === undefined || status === 204
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);
    const isJson = reply.body !== undefined && typeof reply.body !== 'string';
    res.writeHead(status, {
      ...(isJson ? { 'content-type': 'application/json' } : {}),
      ...reply.headers,
    });
    res.end(text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  recording.url = `http://127.0.0.1:${port}`;
  recording.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return recording;
}
