import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { Agent } from 'undici';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHttpClient, createTokenAuth } from '../src/index.js';

/** A throwaway self-signed certificate for 127.0.0.1, made now with openssl. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'core-redirect-tls-'));
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

let tls: Server;
let tlsUrl: string;
let plain: RecordingServer;
const certificate = selfSignedCertificate();
// A fetch that trusts the throwaway certificate, so the test reaches the redirect.
const agent = new Agent({ connect: { ca: certificate.cert } });

beforeAll(async () => {
  plain = await startHandlerServer((_request, response) => json(response, 200, { plain: true }));
  tls = createHttpsServer(certificate, (_request, response) => {
    response.writeHead(302, { location: `${plain.url}/clear` });
    response.end();
  });
  tls.listen(0, '127.0.0.1');
  await once(tls, 'listening');
  tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
});
afterAll(async () => {
  tls.closeAllConnections();
  tls.close();
  await plain.close();
  await agent.close();
});

test('a redirect from https to plain http is never followed', async () => {
  const http = createHttpClient({
    baseUrl: tlsUrl,
    auth: createTokenAuth({ scheme: 'Bearer', token: 'tls-secret' }),
    maxRetries: 0,
    fetch: (input, init) => globalThis.fetch(input, { ...init, dispatcher: agent } as RequestInit),
  });
  const error = await http.request({ method: 'GET', path: '/' }).catch((caught) => caught);
  expect(error).toMatchObject({ name: 'ConnectionError', code: 'EREDIRECT' });
  expect(error.message).toContain(`redirect 302 to ${plain.url}/clear`);
  expect(error.message).toContain('leaves https for plain http');
  expect(plain.requests).toHaveLength(0);
});
