import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  instanaEnv,
  losantEnv,
  processTimeout,
  runCli,
  runInTerminal,
  scriptPath,
} from './run-cli.js';

let mock: MockServer;
let server: Server;
let serverUrl: string;
let refusedUrl: string;
let selfSigned: Server;
let selfSignedUrl: string;

/** An https server with a throwaway self-signed certificate, made now with openssl. */
async function startSelfSigned(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
  execFileSync('openssl', ['req', '-x509', ...ec, ...subject, '-keyout', key, '-out', cert], {
    stdio: 'ignore',
  });
  const options = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(dir, { recursive: true, force: true });
  const tls = createTlsServer(options, (_, response) => response.end('{}'));
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  return tls;
}

let flakyCalls = 0;

/** Answers the CLI's real SDK with what a broken or unhappy API would send. */
function answer(path: string, response: import('node:http').ServerResponse): void {
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  if (path.startsWith('/me/tokens')) {
    send(200, { items: 'not a list', count: 'many' });
  } else if (path.startsWith('/applications/')) {
    send(429, { type: 'TooManyRequests', message: 'slow down' }, { 'retry-after': '3601' });
  } else if (path.startsWith('/flaky/me/tokens')) {
    flakyCalls++;
    if (flakyCalls === 1) send(503, { type: 'ServiceUnavailable', message: 'busy' });
    else send(200, { items: [], count: 0, totalCount: 0 });
  } else if (path.startsWith('/slow/me/tokens')) {
    setTimeout(() => send(200, { items: [], count: 0, totalCount: 0 }), 2_500);
  } else {
    send(404, { type: 'NotFound', message: 'nothing here' });
  }
}

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  server = createServer((request, response) => answer(request.url ?? '/', response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: nothing listens there, so connecting is refused.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  selfSigned = await startSelfSigned();
  selfSignedUrl = `https://127.0.0.1:${(selfSigned.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await mock?.close();
  await new Promise((resolve) => selfSigned?.close(resolve));
  await new Promise((resolve) => server?.close(resolve));
});

const token = 'a-plausible-access-token-0123456789';

describe.concurrent(
  'errors name what the person typed, with real SDK errors',
  processTimeout,
  () => {
    it('an answer that breaks the API contract is a ResponseValidationError: exit 1, says so', async () => {
      const result = await runCli(['losant', 'tokens', 'list', '--user'], {
        env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: serverUrl },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: Losant: unexpected answer from the API: /);
      expect(result.stderr).toContain('please report it');
    });

    it('a rate limit says how long to wait in human units', async () => {
      const result = await runCli(['losant', 'tokens', 'list', '--application', 'a'.repeat(24)], {
        env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: serverUrl },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('rate limited: try again in about 1 hour');
      expect(result.stderr).not.toMatch(/\d{4}s/);
    });

    it('a refused connection and a TLS failure name the cause and the variable to check', async () => {
      const refused = await runCli(['losant', 'tokens', 'list', '--user'], {
        env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: refusedUrl },
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('could not connect: connection refused');
      expect(refused.stderr).toContain('check LOSANT_API_URL');
      const tls = await runCli(['instana', 'tokens', 'list'], {
        env: { INSTANA_API_TOKEN: token, INSTANA_BASE_URL: serverUrl.replace('http:', 'https:') },
      });
      expect(tls.code).toBe(1);
      const plainHost = serverUrl.slice('http://'.length);
      expect(tls.stderr).toContain(`the TLS handshake with ${plainHost} failed (ERR_SSL_`);
      expect(tls.stderr).toContain('check INSTANA_BASE_URL');
    });

    it('a refused port, an unknown host and an untrusted certificate: the cause by name, the same words on both vendors', async () => {
      const address = refusedUrl.slice('http://'.length);
      const tlsHost = selfSignedUrl.slice('https://'.length);
      const cases = [
        [
          refusedUrl,
          `could not connect: connection refused by ${address} (nothing is listening there)`,
        ],
        [
          'https://tokenkit-test.invalid',
          'could not connect: DNS lookup of tokenkit-test.invalid failed: no such host',
        ],
        [
          selfSignedUrl,
          `could not connect: the TLS certificate of ${tlsHost} could not be verified (self-signed certificate)`,
        ],
      ] as const;
      for (const [url, cause] of cases) {
        const losant = await runCli(['losant', 'tokens', 'list', '--user'], {
          env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: url },
        });
        const instana = await runCli(['instana', 'tokens', 'list'], {
          env: { INSTANA_API_TOKEN: token, INSTANA_BASE_URL: url },
        });
        expect([losant.code, instana.code], url).toEqual([1, 1]);
        expect(losant.stderr).toContain(`error: Losant: ${cause}`);
        expect(instana.stderr).toContain(`error: Instana: ${cause}`);
      }
    });

    it('a certificate that cannot be verified names the host and why', async () => {
      const result = await runCli(['losant', 'tokens', 'list', '--user'], {
        env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: selfSignedUrl },
      });
      expect(result.code).toBe(1);
      const host = selfSignedUrl.slice('https://'.length);
      expect(result.stderr).toContain(
        `could not connect: the TLS certificate of ${host} could not be verified (self-signed certificate)`,
      );
      expect(result.stderr).toContain('check LOSANT_API_URL');
      expect(result.stderr).toContain('NODE_EXTRA_CA_CERTS');
    });

    it("Losant's 403 names both causes: a missing scope, or no token reaching Losant", async () => {
      const [narrow] = mock.store.losant.add('user', [{ name: 'narrow', scope: ['devices.get'] }]);
      const env = { LOSANT_ACCESS_TOKEN: narrow!.token, LOSANT_API_URL: mock.url };
      const noToken =
        'no token reached Losant (a proxy or redirect may drop the Authorization header)';
      // list knows the scopes its action accepts and names them.
      const list = await runCli(['losant', 'tokens', 'list', '--user'], { env });
      expect(list.code).toBe(3);
      expect(list.stderr).toContain('Access is forbidden');
      expect(list.stderr).toMatch(/needs a token with one of: .*userApiTokens\.get; or no token/);
      expect(list.stderr).toContain(noToken);
      // rotate's read fails with the SDK's own 403, explained by describeError.
      const rotate = await runCli(['losant', 'tokens', 'rotate', narrow!.id, '--user', '--yes'], {
        env,
      });
      expect(rotate.code).toBe(3);
      expect(rotate.stderr).toContain(
        `the token lacks a scope for this action (e.g. all.User, or <resource>ApiTokens.*), or ${noToken}`,
      );
    });

    it('a rejected --token-stdin token blames standard input, not the variable', async () => {
      const result = await runCli(['losant', 'tokens', 'list', '--user', '--token-stdin'], {
        env: { LOSANT_API_URL: mock.url },
        input: `${token}\n`,
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('check the token read from standard input (--token-stdin)');
      expect(result.stderr).not.toContain('LOSANT_ACCESS_TOKEN');
    });

    it('bad URLs name the variable and never echo the value', async () => {
      const losant = await runCli(['losant', 'tokens', 'list', '--user'], {
        env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: 'https://me:hunter22@api.example.com' },
      });
      expect(losant.code).toBe(2);
      expect(losant.stderr).toContain('LOSANT_API_URL must not contain a user name or password');
      expect(losant.stderr).not.toContain('hunter22');
      const instana = await runCli(['instana', 'tokens', 'list'], {
        env: { INSTANA_API_TOKEN: token, INSTANA_BASE_URL: 'not a url' },
      });
      expect(instana.code).toBe(2);
      expect(instana.stderr).toMatch(/INSTANA_BASE_URL must be an absolute http\(s\) URL/);
      expect(instana.stderr).not.toMatch(/\bbaseUrl\b/);
    });

    it('bad arguments are named as typed: the token id, --application, --name', async () => {
      const env = losantEnv(mock);
      const id = await runCli(['losant', 'tokens', 'get', 'nope', '--user'], { env });
      expect(id.stderr).toMatch(/^error: invalid input: the token id: /);
      const owner = await runCli(['losant', 'tokens', 'list', '--application', 'nope'], { env });
      expect(owner.stderr).toMatch(/^error: invalid input: --application: /);
      const name = await runCli(
        ['losant', 'tokens', 'create', '--user', '--name', '', '--scope', 'devices.get'],
        { env },
      );
      expect(name.stderr).toMatch(/^error: invalid input: --name: /);
      for (const result of [id, owner, name]) {
        expect(result.code).toBe(2);
        expect(result.stderr).not.toMatch(/apiTokenId|applicationId|apiToken\.name/);
      }
    });

    it('a missing credential is exit 3 saying so, before any request', async () => {
      const result = await runCli(['losant', 'tokens', 'list', '--user'], {
        env: { LOSANT_API_URL: mock.url },
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('no Losant credentials: LOSANT_ACCESS_TOKEN is not set');
    });

    it('file errors are plain words; --permissions-file - reads stdin', async () => {
      const env = instanaEnv(mock);
      const missing = await runCli(
        ['instana', 'tokens', 'create', '--name', 'x', '--permissions-file', '/no/such/perms.json'],
        { env },
      );
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(
        'cannot read --permissions-file /no/such/perms.json: there is no such file',
      );
      expect(missing.stderr).not.toContain('ENOENT');
      const piped = await runCli(
        [
          'instana',
          'tokens',
          'create',
          '--name',
          'from-stdin',
          '--permissions-file',
          '-',
          '--json',
        ],
        { env, input: '["canViewLogs"]' },
      );
      expect(piped.code, piped.stderr).toBe(0);
      expect(JSON.parse(piped.stdout).apiToken.canViewLogs).toBe(true);
    });

    it('Instana: warns before sending that canConfigurePersonalApiTokens never sticks; update --expires', async () => {
      const [stored] = mock.store.instana.add([{ name: 'personal' }]);
      const env = instanaEnv(mock);
      const result = await runCli(
        [
          'instana',
          'tokens',
          'update',
          stored!.internalId,
          '--permission',
          'canConfigurePersonalApiTokens',
          '--expires',
          '2099-01-01',
        ],
        { env },
      );
      expect(result.code, result.stderr).toBe(0);
      const [warning] = result.stderr.split('\n');
      expect(warning).toMatch(
        /^warning: canConfigurePersonalApiTokens will not stick\. Always stored as false/,
      );
      expect(result.stdout).toContain('expiry changed');
      expect(mock.store.instana.get(stored!.internalId)?.expiresOn).toBe(Date.parse('2099-01-01'));
    });
  },
);

describe.skipIf(!scriptPath)('at a terminal', processTimeout, () => {
  it('says what a slow request is waiting for, on stderr', async () => {
    const result = await runInTerminal(['losant', 'tokens', 'list', '--user'], {
      env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: `${serverUrl}/slow` },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Waiting for Losant: GET /slow/me/tokens…');
  });

  it('says when a request is being retried, and why', async () => {
    const result = await runInTerminal(['losant', 'tokens', 'list', '--user'], {
      env: { LOSANT_ACCESS_TOKEN: token, LOSANT_API_URL: `${serverUrl}/flaky` },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Losant answered 503; trying again in about \d+ seconds?…/);
  });
});
