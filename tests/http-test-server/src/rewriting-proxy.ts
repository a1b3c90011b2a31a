import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the proxy saw it, and the upstream's answer to it. */
export interface Exchange {
  method: string;
  url: string;
  body: string;
  status: number;
  answer: string;
}

/** What the proxy sends back: the answer (maybe rewritten), or `'drop'` to close the socket. */
export type Rewrite = (exchange: Exchange) => Promise<string | 'drop'> | string | 'drop';

export interface RewritingProxy {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A node:http proxy on 127.0.0.1 in front of `target` (the mock): every request is forwarded
 * as is; `rewrite` decides what the client gets back, after the upstream has acted on it (a
 * hostile or broken proxy: a rewritten, masked or dropped answer).
 */
export async function startRewritingProxy(
  target: string,
  rewrite: Rewrite,
): Promise<RewritingProxy> {
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host',
      ),
    );
    const method = request.method ?? 'GET';
    const upstream = await fetch(`${target}${request.url}`, {
      method,
      headers,
      ...(body === '' ? {} : { body }),
    });
    const answer = await upstream.text();
    const sent = await rewrite({
      method,
      url: request.url ?? '',
      body,
      status: upstream.status,
      answer,
    });
    if (sent === 'drop') {
      request.socket.destroy();
      return;
    }
    response.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    response.end(sent);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
