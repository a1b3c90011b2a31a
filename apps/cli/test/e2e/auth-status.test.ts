import { randomBytes } from 'node:crypto';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  instanaEnv,
  json,
  leakedSecrets,
  losantEnv,
  newApplication,
  processTimeout,
  runCli,
} from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

interface StatusJson {
  profile: string | null;
  vendors: {
    vendor: string;
    status: string;
    baseUrl: string | null;
    credential: { from: string; name: string } | null;
    identity: {
      source: string;
      name?: string;
      id?: string;
      owner?: string;
      expires?: string | null;
    } | null;
    access: { owner: string; verdict: string; actions: string[]; error?: string }[];
    error?: string;
  }[];
}

const status = (env: Record<string, string>) => runCli(['auth', 'status', '--json'], { env });
const statuses = (body: StatusJson) => body.vendors.map((vendor) => [vendor.vendor, vendor.status]);

describe.concurrent('auth status', processTimeout, () => {
  it('valid: both vendors, where each credential came from, and what it may do', async () => {
    const result = await status({ ...losantEnv(mock), ...instanaEnv(mock) });
    expect(result.code, result.stderr).toBe(0);
    const body = json<StatusJson>(result);
    expect(body.profile).toBeNull();
    expect(statuses(body)).toEqual([
      ['losant', 'valid'],
      ['instana', 'valid'],
    ]);
    const [losant, instana] = body.vendors;
    expect(losant?.credential).toEqual({ from: 'environment', name: 'LOSANT_ACCESS_TOKEN' });
    expect(losant?.baseUrl).toBe(mock.url);
    // The user credential is a JWT about the user: its claims name them.
    expect(losant?.identity).toEqual({ source: 'token claims', id: mock.losant.userId });
    expect(instana?.access[0]?.actions).toEqual(['list', 'get', 'create', 'update', 'delete']);
    const human = await runCli(['auth', 'status'], {
      env: { ...losantEnv(mock), ...instanaEnv(mock) },
    });
    expect(human.stdout).toContain(`losant  ${mock.url}  ✓ valid\n`);
    expect(human.stdout).toContain('  credential: environment (INSTANA_API_TOKEN)\n');
    expect(leakedSecrets(human, [mock.losant.accessToken, mock.instana.apiToken])).toEqual([]);
  });

  it('an application token: limited on user routes, named with its expiry by its own record', async () => {
    const applicationId = newApplication(mock);
    const expirationDate = '2031-05-01T00:00:00.000Z';
    const [token] = mock.store.losant.add({ applicationId }, [
      { name: 'deploy-bot', scope: ['all.Application'], expirationDate },
    ]);
    const env = { LOSANT_ACCESS_TOKEN: token!.token!, LOSANT_API_URL: mock.url };
    const alone = json<StatusJson>(await status(env));
    expect(statuses(alone)).toEqual([
      ['losant', 'limited'],
      ['instana', 'not configured'],
    ]);
    expect(alone.vendors[0]?.access[0]).toMatchObject({ owner: 'your user', verdict: 'limited' });
    // No route it may read was named: the JWT's claims still say which token it is.
    expect(alone.vendors[0]?.identity).toEqual({ source: 'token claims', id: token!.id });
    const named = await runCli(['auth', 'status'], {
      env: { ...env, LOSANT_APPLICATION_ID: applicationId },
    });
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain('✓ valid, limited (some routes refuse it: 403)');
    expect(named.stdout).toContain(
      `identity: "deploy-bot" (${token!.id}) of application ${applicationId}, expires ${expirationDate} (from its token record)`,
    );
    expect(named.stdout).toContain(`application ${applicationId}: may list, get tokens`);
    expect(leakedSecrets(named, [token!.token!])).toEqual([]);
  });

  it('invalid (401) exits 3; an empty variable shows as not configured and hides nothing', async () => {
    const bad = await status({
      ...instanaEnv(mock),
      LOSANT_ACCESS_TOKEN: 'wrong-token-0123456789',
      LOSANT_API_URL: mock.url,
    });
    expect(bad.code).toBe(3);
    const body = json<StatusJson>(bad);
    expect(statuses(body)).toEqual([
      ['losant', 'invalid'],
      ['instana', 'valid'],
    ]);
    expect(body.vendors[0]?.access[0]?.error).toContain('401');
    const empty = await status({ ...instanaEnv(mock), LOSANT_ACCESS_TOKEN: '' });
    expect(empty.code, empty.stderr).toBe(0);
    expect(statuses(json<StatusJson>(empty))).toEqual([
      ['losant', 'not configured'],
      ['instana', 'valid'],
    ]);
    const none = await runCli(['auth', 'status']);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('no credentials configured');
  });

  it('unreachable (a refused connection) exits 1 and still reports the other vendor', async () => {
    const result = await status({
      ...losantEnv(mock),
      INSTANA_API_TOKEN: 'any-token-0123456789',
      INSTANA_BASE_URL: 'http://127.0.0.1:1',
    });
    expect(result.code).toBe(1);
    expect(statuses(json<StatusJson>(result))).toEqual([
      ['losant', 'valid'],
      ['instana', 'unreachable'],
    ]);
  });

  it('an Instana token finds its own record (name, expiry) in the list; without the permission it is limited', async () => {
    const secret = randomBytes(16).toString('hex');
    const expiresOn = Date.parse('2030-01-02T03:04:05.000Z');
    const [token] = mock.store.instana.add([
      {
        name: `ci-${secret.slice(0, 6)}`,
        accessGrantingToken: secret,
        expiresOn,
        canConfigureApiTokens: true,
      },
    ]);
    const result = await status({ INSTANA_API_TOKEN: secret, INSTANA_BASE_URL: mock.url });
    expect(result.code, result.stderr).toBe(0);
    expect(json<StatusJson>(result).vendors[1]?.identity).toEqual({
      source: 'token record',
      name: token!.name,
      id: token!.internalId,
      expires: '2030-01-02T03:04:05.000Z',
    });
    const weak = randomBytes(16).toString('hex');
    mock.store.instana.add([{ name: 'viewer', accessGrantingToken: weak, canViewLogs: true }]);
    const limited = await status({ INSTANA_API_TOKEN: weak, INSTANA_BASE_URL: mock.url });
    expect(limited.code, limited.stderr).toBe(0);
    expect(statuses(json<StatusJson>(limited))[1]).toEqual(['instana', 'limited']);
    expect(leakedSecrets(result, [secret])).toEqual([]);
  });
});
