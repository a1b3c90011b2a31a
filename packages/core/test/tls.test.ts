import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ConnectionError, createHttpClient, isConnectionError } from '../src/index.js';

/** A throwaway self-signed certificate for 127.0.0.1, made now with openssl. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'core-tls-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
    execFileSync(
      'openssl',
      ['req', '-x509', ...ec, ...subject, '-days', '1', '-keyout', key, '-out', cert],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

let tlsServer: Server;
let plainServer: ReturnType<typeof createHttpServer>;
let tlsHost: string;
let plainHost: string;

beforeAll(async () => {
  tlsServer = createServer(selfSignedCertificate(), (_, response) => response.end('{}'));
  plainServer = createHttpServer((_, response) => response.end('{}'));
  [tlsHost, plainHost] = await Promise.all([listen(tlsServer), listen(plainServer)]);
});
afterAll(async () => {
  await Promise.all(
    [tlsServer, plainServer].map((server) => new Promise((resolve) => server?.close(resolve))),
  );
});

async function failure(baseUrl: string): Promise<ConnectionError> {
  const http = createHttpClient({ baseUrl, maxRetries: 0 });
  const error = await http.request({ method: 'GET', path: '/' }).catch((caught) => caught);
  expect(isConnectionError(error)).toBe(true);
  return error as ConnectionError;
}

describe('TLS failures keep their code on the ConnectionError', () => {
  test('a self-signed certificate', async () => {
    const error = await failure(`https://${tlsHost}`);
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  test('https to a server that speaks plain http', async () => {
    const error = await failure(`https://${plainHost}`);
    expect(error.code).toMatch(/^ERR_SSL_/);
  });
});
