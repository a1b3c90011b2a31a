import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  instanaEnv,
  json,
  leakedSecrets,
  losantEnv,
  objectId,
  processTimeout,
  runCli,
} from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

describe.concurrent('what people expect from a CLI like gh', processTimeout, () => {
  it('--json name,id prints only those fields of each token; bad fields are refused before any request', async () => {
    const applicationId = objectId();
    const [token] = mock.store.losant.add({ applicationId }, [
      { name: 'picked', description: 'x' },
    ]);
    const env = losantEnv(mock);
    const list = await runCli(
      ['losant', 'tokens', 'list', '--application', applicationId, '--json', 'name,id'],
      { env },
    );
    expect(list.code, list.stderr).toBe(0);
    expect(json(list)).toEqual([{ name: 'picked', id: token!.id }]);
    const get = await runCli(
      [
        'losant',
        'tokens',
        'get',
        token!.id,
        '--application',
        applicationId,
        '--json',
        'description',
      ],
      { env },
    );
    expect(json(get)).toEqual({ description: 'x' });
    const untouched = objectId();
    const bad = await runCli(
      ['losant', 'tokens', 'list', '--application', untouched, '--json', 'nmae'],
      { env },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--json: unknown field "nmae"');
    expect(bad.stderr).toContain('did you mean name?');
    expect(mock.requests.some((entry) => entry.path.includes(untouched))).toBe(false);
    const secret = await runCli(['losant', 'tokens', 'list', '--user', '--json', 'token'], { env });
    expect(secret.code).toBe(2);

    const [instana] = mock.store.instana.add([{ name: 'fields', canViewLogs: true }]);
    const fields = await runCli(
      ['instana', 'tokens', 'get', instana!.internalId, '--json', 'name,canViewLogs'],
      { env: instanaEnv(mock) },
    );
    expect(json(fields)).toEqual({ name: 'fields', canViewLogs: true });
  });

  it('--limit N shows at most N tokens, walking pages as needed', async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, 12);
    const result = await runCli(
      [
        'losant',
        'tokens',
        'list',
        '--application',
        applicationId,
        '--per-page',
        '5',
        '--limit',
        '7',
        '--json',
      ],
      { env: losantEnv(mock) },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(json<{ tokens: unknown[]; count: number }>(result).tokens).toHaveLength(7);
    const pages = mock.requests.filter(
      (entry) => entry.path === `/applications/${applicationId}/tokens`,
    );
    expect(pages).toHaveLength(2);
    const instana = await runCli(['instana', 'tokens', 'list', '--limit', '1', '--json'], {
      env: instanaEnv(mock),
    });
    expect(json<{ tokens: unknown[] }>(instana).tokens.length).toBeLessThanOrEqual(1);
  });

  it('--verbose (or TOKENKIT_DEBUG=api) prints one line per HTTP attempt on stderr, never a secret', async () => {
    const env = losantEnv(mock);
    for (const run of [
      runCli(['losant', 'tokens', 'list', '--user', '--verbose'], { env }),
      runCli(['losant', 'tokens', 'list', '--user'], { env: { ...env, TOKENKIT_DEBUG: 'api' } }),
    ]) {
      const result = await run;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /^api: GET http:\/\/127\.0\.0\.1:\d+\/me\/tokens\S* → 200 \(attempt 1\) in \d+ ms$/m,
      );
      expect(leakedSecrets(result, [mock.losant.accessToken])).toEqual([]);
    }
    const quiet = await runCli(['losant', 'tokens', 'list', '--user'], { env });
    expect(quiet.stderr).not.toContain('api:');
    const audit = await runCli(['audit', '--verbose', '--timeout', '20s', '--json'], { env });
    expect(audit.stderr).toMatch(/^api: GET http:\/\/127\.0\.0\.1:\d+\/me\/tokens/m);
  });

  it('--timeout takes a duration and is refused when it is not one', async () => {
    const env = losantEnv(mock);
    const ok = await runCli(['losant', 'tokens', 'list', '--user', '--timeout', '20s', '--json'], {
      env,
    });
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await runCli(['--timeout', 'soon', 'losant', 'tokens', 'list', '--user'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout must be a duration');
  });

  it('losant scopes lists what --scope accepts, per owner, and --scope typos get a suggestion', async () => {
    const all = await runCli(['losant', 'scopes', '--json']);
    expect(json<{ scopes: string[] }>(all).scopes).toHaveLength(500);
    const user = await runCli(['losant', 'scopes', '--owner', 'user']);
    expect(user.stdout.split('\n')).toContain('all.User');
    expect(user.stdout).not.toContain('all.Application');
    const typo = await runCli(
      ['losant', 'tokens', 'create', '--user', '--name', 'x', '--scope', 'all.user'],
      { env: losantEnv(mock) },
    );
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--scope: unknown scope 'all.user'");
    expect(typo.stderr).toContain("did you mean 'all.User'");
  });

  it('creating an all.* token that never expires warns with what audit would say', async () => {
    const result = await runCli(
      ['losant', 'tokens', 'create', '--user', '--name', 'wide', '--scope', 'all.User', '--json'],
      { env: losantEnv(mock) },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'warning: `tokenkit audit` will report this token as critical (over-broad): it has all.User and never expires',
    );
    const narrow = await runCli(
      [
        'losant',
        'tokens',
        'create',
        '--user',
        '--name',
        'narrow',
        '--scope',
        'devices.get',
        '--expires',
        '30d',
      ],
      { env: losantEnv(mock) },
    );
    expect(narrow.stderr).toBe('');
  });
});
