import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { losantEnv, newApplication, objectId, processTimeout, runCli } from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

describe.concurrent('rough edges', processTimeout, () => {
  it('TOKENKIT_DEBUG=1 prints the stack as real lines', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--user'], {
      env: { LOSANT_ACCESS_TOKEN: 'x', LOSANT_API_URL: 'http://127.0.0.1:1', TOKENKIT_DEBUG: '1' },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toContain('\\n    at ');
    expect(result.stderr).toMatch(/\n {4}at /);
  });

  it('--timeout answers in its own words, suggests seconds, and takes milliseconds', async () => {
    const env = losantEnv(mock);
    for (const value of ['0s', 'abc', '0ms']) {
      const result = await runCli(['--timeout', value, 'losant', 'tokens', 'list', '--user'], {
        env,
      });
      expect(result.code, value).toBe(2);
      expect(result.stderr).toContain(`--timeout must be a duration above zero`);
      expect(result.stderr).toContain(`got "${value}"`);
      expect(result.stderr).toContain('30s');
      expect(result.stderr).not.toMatch(/milliseconds \(|30d/);
    }
    const fine = await runCli(['--timeout', '5000ms', 'losant', 'tokens', 'list', '--user'], {
      env,
    });
    expect(fine.code, fine.stderr).toBe(0);
  });

  it("--json '' is a usage error naming the flag, and nothing is sent", async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, 2);
    const result = await runCli(
      ['losant', 'tokens', 'list', '--application', applicationId, '--json', ''],
      { env: losantEnv(mock) },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--json: no field named');
  });

  it('--page past the end says so and how many tokens there are', async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, 3);
    const result = await runCli(
      [
        'losant',
        'tokens',
        'list',
        '--application',
        applicationId,
        '--page',
        '5',
        '--per-page',
        '2',
      ],
      { env: losantEnv(mock) },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Page 5 is past the end: 3 tokens fill 2 pages of 2');
    expect(result.stderr).toContain('--page 0 to 1');
    const empty = await runCli(
      ['losant', 'tokens', 'list', '--application', newApplication(mock)],
      {
        env: losantEnv(mock),
      },
    );
    expect(empty.stderr).toContain('No tokens.');
  });

  it('update --scope and --expires say they are fixed at creation and point to rotate', async () => {
    const applicationId = objectId();
    const [token] = mock.store.losant.add({ applicationId }, [{ name: 'fixed' }]);
    const scope = await runCli(
      [
        'losant',
        'tokens',
        'update',
        token!.id,
        '--application',
        applicationId,
        '--scope',
        'all.Application',
      ],
      { env: losantEnv(mock) },
    );
    expect(scope.code).toBe(2);
    expect(scope.stderr).not.toContain('unknown option');
    expect(scope.stderr).toContain('scopes are fixed at creation');
    expect(scope.stderr).toContain(
      `tokenkit losant tokens rotate ${token!.id} --application ${applicationId}`,
    );
    const expires = await runCli(
      ['losant', 'tokens', 'update', token!.id, '--application', applicationId, '--expires', '90d'],
      { env: losantEnv(mock) },
    );
    expect(expires.code).toBe(2);
    expect(expires.stderr).toContain(
      `rotate ${token!.id} --application ${applicationId} --expires 90d`,
    );
  });
});
