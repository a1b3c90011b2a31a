import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, globalAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterEach, describe, expect, test } from 'vitest';
import * as mainEntry from '../src/http-client.js';
import * as suiteEntry from '../src/index.js';
import { createHttpClient } from '../src/node.js';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test('each project runs the suite over the transport it names', () => {
  // The suite imports ../src/index.js; the node project points it at src/node.ts.
  const node = process.env.CORE_TRANSPORT === 'node';
  expect(suiteEntry.createHttpClient === createHttpClient).toBe(node);
  expect(suiteEntry.createHttpClient === mainEntry.createHttpClient).toBe(!node);
});

describe('the node entry sends through node:http', () => {
  test('without the fetch algorithm: no sec-fetch-* headers, kept-alive connections', async () => {
    const sockets = new Set<unknown>();
    server = await startHandlerServer((request, response) => {
      sockets.add(response.socket);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ mode: request.headers['sec-fetch-mode'] ?? null }));
    });
    const http = createHttpClient({ baseUrl: server.url });
    for (let index = 0; index < 20; index++) {
      const { data } = await http.request({ method: 'GET', path: '/' });
      expect(data).toEqual({ mode: null });
    }
    // Like the global fetch: a second connection may open while the first is being released.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  test.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ])('asks for compressed bodies and decodes %s, as fetch does', async (encoding, encode) => {
    server = await startHandlerServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      response.end(encode(JSON.stringify({ accepted: request.headers['accept-encoding'] })));
    });
    const { data } = await createHttpClient({ baseUrl: server.url }).request({
      method: 'GET',
      path: '/',
    });
    expect(data).toEqual({ accepted: 'gzip, deflate, br' });
  });

  test('a fetch passed by the user wins', async () => {
    server = await startHandlerServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const seen: string[] = [];
    const http = createHttpClient({
      baseUrl: server.url,
      fetch: (request) => {
        seen.push(request.url);
        return fetch(request);
      },
    });
    await http.request({ method: 'GET', path: '/mine' });
    expect(seen).toEqual([`${server.url}/mine`]);
  });

  test('a POST body, repeated headers and the status text arrive as sent', async () => {
    server = await startHandlerServer((request, response) => {
      const status = request.path === '/teapot' ? 418 : 200;
      response.writeHead(status, "I'm a teapot", [
        ['content-type', 'application/json'],
        ['x-many', 'a'],
        ['x-many', 'b'],
      ]);
      response.end(
        JSON.stringify({ sent: request.body, contentType: request.headers['content-type'] }),
      );
    });
    const http = createHttpClient({ baseUrl: server.url });
    const response = await http.request({ method: 'POST', path: '/', body: { name: 'ci' } });
    expect(response.data).toEqual({ sent: '{"name":"ci"}', contentType: 'application/json' });
    expect(response.headers.get('x-many')).toBe('a, b');
    const error = await http
      .request({ method: 'PUT', path: '/teapot', body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ApiError', status: 418, message: "418 I'm a teapot" });
  });
});

/** A throwaway self-signed certificate for 127.0.0.1, made now with openssl. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'core-node-tls-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1'],
        ...['-keyout', key, '-out', cert],
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('https goes through node:https and its global agent: its CA is trusted, connections kept alive', async () => {
  const certificate = selfSignedCertificate();
  const connections: unknown[] = [];
  const tls = createHttpsServer(certificate, (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(gzipSync(JSON.stringify({ path: request.url })));
  });
  tls.on('secureConnection', (socket) => connections.push(socket));
  tls.listen(0, '127.0.0.1');
  await once(tls, 'listening');
  const saved = globalAgent.options.ca;
  // What a user does to trust a private CA for every node:https request of the process.
  globalAgent.options.ca = certificate.cert;
  try {
    const baseUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
    const http = createHttpClient({ baseUrl, maxRetries: 0 });
    for (let index = 0; index < 5; index++) {
      const { data } = await http.request({ method: 'GET', path: `/n${index}` });
      expect(data).toEqual({ path: `/n${index}` });
    }
    expect(connections).toHaveLength(1);
  } finally {
    globalAgent.options.ca = saved;
    globalAgent.destroy();
    tls.closeAllConnections();
    tls.close();
  }
});

test('an IPv6 literal host and a fragment reach the server as fetch sends them', async () => {
  const { createServer } = await import('node:http');
  const seen: string[] = [];
  const v6 = createServer((request, response) => {
    seen.push(`${request.headers.host} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  v6.listen(0, '::1');
  await once(v6, 'listening');
  try {
    const { port } = v6.address() as AddressInfo;
    const http = createHttpClient({ baseUrl: `http://[::1]:${port}`, maxRetries: 0 });
    await http.request({ method: 'GET', path: '/six', query: { a: 'b' } });
    expect(seen).toEqual([`[::1]:${port} /six?a=b`]);
  } finally {
    v6.close();
  }
});
