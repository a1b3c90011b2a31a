import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a {@link startProxy} does to the exchanges it passes on. */
export interface ProxyRules {
  /** Runs before a request is passed on (and may hold it until it resolves). */
  beforeRequest?(incoming: IncomingMessage): void | Promise<void>;
  /** Rewrites a JSON answer's body; `undefined` passes it on as it came. */
  rewriteJson?(incoming: IncomingMessage, body: unknown): unknown;
}

/** A node:http proxy in front of `target` (the mock), listening on 127.0.0.1. */
export async function startProxy(
  target: string,
  rules: ProxyRules,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer(async (incoming, outgoing) => {
    await rules.beforeRequest?.(incoming);
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host, 'accept-encoding': 'identity' },
      },
      async (answer) => {
        const chunks: Buffer[] = [];
        for await (const chunk of answer) chunks.push(chunk as Buffer);
        let body = Buffer.concat(chunks);
        const isJson = String(answer.headers['content-type'] ?? '').includes('json');
        if (isJson && rules.rewriteJson && body.length > 0) {
          const rewritten = rules.rewriteJson(incoming, JSON.parse(body.toString('utf8')));
          if (rewritten !== undefined) body = Buffer.from(JSON.stringify(rewritten));
        }
        const headers = { ...answer.headers, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        outgoing.writeHead(answer.statusCode ?? 502, headers).end(body);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
