import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  json,
  leakedSecrets,
  losantEnv,
  newApplication,
  objectId,
  processTimeout,
  runCli,
} from './run-cli.js';

let mock: MockServer;
let env: Record<string, string>;

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  env = losantEnv(mock);
});
afterAll(() => mock?.close());

interface ListJson {
  vendor: string;
  owner: { kind: string; id?: string };
  tokens: { id: string; name: string; status: string; token?: string }[];
  count: number;
  totalCount: number;
  page: number | null;
  perPage: number | null;
}

describe.concurrent('tokenkit losant tokens', processTimeout, () => {
  it('lists one page as JSON with the documented shape, and passes sort, filter and paging on', async () => {
    const applicationId = objectId();
    mock.store.losant.add(
      { applicationId },
      Array.from({ length: 12 }, (_, index) => ({ name: `ci-${String(index).padStart(2, '0')}` })),
    );
    mock.store.losant.add({ applicationId }, [{ name: 'other' }]);
    const result = await runCli(
      [
        'losant',
        'tokens',
        'list',
        '--application',
        applicationId,
        '--json',
        '--sort-field',
        'name',
        '--sort-direction',
        'desc',
        '--filter-field',
        'name',
        '--filter',
        'ci-*',
        '--page',
        '1',
        '--per-page',
        '5',
      ],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const body = json<ListJson>(result);
    expect(body).toMatchObject({
      vendor: 'losant',
      owner: { kind: 'application', id: applicationId },
      count: 5,
      totalCount: 12,
      page: 1,
      perPage: 5,
    });
    expect(body.tokens.map((token) => token.name)).toEqual([
      'ci-06',
      'ci-05',
      'ci-04',
      'ci-03',
      'ci-02',
    ]);
    expect(body.tokens.every((token) => token.token === undefined)).toBe(true);
    const request = mock.requests.findLast(
      (entry) => entry.path === `/applications/${applicationId}/tokens`,
    );
    expect(request?.query).toMatchObject({
      sortField: 'name',
      sortDirection: 'desc',
      filterField: 'name',
      filter: 'ci-*',
      page: '1',
      perPage: '5',
    });
    expect(result.stderr).toBe('');
  });

  it('lists a page as a table for people, saying how to get the rest', async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, [
      { name: 'deploy', scope: ['devices.get'], expirationDate: '2099-01-01T00:00:00.000Z' },
      { name: 'legacy', status: 'inactive', scope: ['all.Application'] },
      ...Array.from({ length: 3 }, (_, index) => ({ name: `zz-${index}` })),
    ]);
    const result = await runCli(
      ['losant', 'tokens', 'list', '--application', applicationId, '--per-page', '2'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    // Not a terminal: tab-separated rows without a header (the terminal form is in terminal.test.ts).
    expect(result.stdout).not.toContain('NAME');
    expect(result.stdout).toMatch(/\tdeploy\tactive\t2099-01-01T00:00:00\.000Z\tdevices\.get\n/);
    expect(result.stdout).toMatch(/\tlegacy\tinactive\t\tall\.Application\n/);
    expect(result.stdout).not.toContain('zz-0');
    expect(result.stderr).toContain('2 of 5 tokens, page 0');
    expect(result.stderr).toContain('--page 1, or --all');
    // Not a terminal: no colour codes anywhere.
    expect(result.stdout + result.stderr).not.toContain('\u001b[');
  });

  it('--all walks every page (250 tokens, 3 pages of 100), with no progress line off a terminal', async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, 250);
    const before = mock.requests.length;
    const result = await runCli(
      ['losant', 'tokens', 'list', '--application', applicationId, '--all', '--json'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const body = json<ListJson>(result);
    expect(body.tokens).toHaveLength(250);
    expect(new Set(body.tokens.map((token) => token.id)).size).toBe(250);
    expect(body).toMatchObject({ count: 250, totalCount: 250, page: null });
    const pages = mock.requests
      .slice(before)
      .filter((entry) => entry.path === `/applications/${applicationId}/tokens`)
      .map((entry) => entry.query.page);
    expect(pages).toEqual(['0', '1', '2']);
    expect(result.stderr).toBe('');
  });

  it('--all as a table says how many pages it took', async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, 7);
    const result = await runCli(
      ['losant', 'tokens', 'list', '--application', applicationId, '--all', '--per-page', '3'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('7 tokens (3 pages)');
  });

  it('lists instance and user tokens too', async () => {
    mock.store.losant.add({ instanceId: mock.losant.instanceId }, [{ name: 'instance-reporting' }]);
    const instance = await runCli(
      ['losant', 'tokens', 'list', '--instance', mock.losant.instanceId, '--json'],
      { env },
    );
    expect(instance.code, instance.stderr).toBe(0);
    expect(json<ListJson>(instance).tokens.map((token) => token.name)).toContain(
      'instance-reporting',
    );
    expect(json<ListJson>(instance).owner).toEqual({
      kind: 'instance',
      id: mock.losant.instanceId,
    });
    const user = await runCli(['losant', 'tokens', 'list', '--user', '--json'], { env });
    expect(user.code, user.stderr).toBe(0);
    expect(json<ListJson>(user).owner).toEqual({ kind: 'user' });
  });

  it('creates a token, prints its secret once, clearly marked, and never elsewhere', async () => {
    const applicationId = newApplication(mock);
    const result = await runCli(
      [
        'losant',
        'tokens',
        'create',
        '--application',
        applicationId,
        '--name',
        'deploy-bot',
        '--scope',
        'applicationApiTokens.get',
        '--scope',
        'devices.get',
        '--expires',
        '90d',
        '--description',
        'for the deploy job',
      ],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const [stored] = mock.store.losant.list({ applicationId });
    expect(stored).toMatchObject({
      name: 'deploy-bot',
      scope: ['applicationApiTokens.get', 'devices.get'],
      description: 'for the deploy job',
    });
    const days = (Date.parse(stored?.expirationDate ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const secretLines = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('Token (shown once, store it now): '));
    expect(secretLines).toHaveLength(1);
    const secret = secretLines[0]!.slice('Token (shown once, store it now): '.length);
    expect(secret.length).toBeGreaterThan(10);
    // The secret is the one that works: it authenticates.
    const works = await runCli(
      ['losant', 'tokens', 'list', '--application', applicationId, '--json'],
      {
        env: { ...env, LOSANT_ACCESS_TOKEN: secret },
      },
    );
    expect(works.code, works.stderr).toBe(0);
    expect(result.stdout.split(secret)).toHaveLength(2);
    expect(result.stderr).not.toContain(secret);
    expect(leakedSecrets(result, [mock.losant.accessToken])).toEqual([]);
    expect(leakedSecrets(works, [secret, mock.losant.accessToken])).toEqual([]);
  });

  it('creates with --json: the secret in the token field only', async () => {
    const result = await runCli(
      [
        'losant',
        'tokens',
        'create',
        '--user',
        '--name',
        'laptop',
        '--scope',
        'userApiTokens.get',
        '--expires',
        '2099-06-30',
        '--status',
        'inactive',
        '--json',
      ],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const body = json<{
      token: string;
      vendor: string;
      owner: unknown;
      apiToken: Record<string, unknown>;
    }>(result);
    expect(body.vendor).toBe('losant');
    expect(body.owner).toEqual({ kind: 'user' });
    expect(body.apiToken).toMatchObject({
      name: 'laptop',
      status: 'inactive',
      expirationDate: '2099-06-30T00:00:00.000Z',
    });
    expect(body.apiToken.token).toBeUndefined();
    expect(typeof body.token).toBe('string');
    expect(result.stdout.split(body.token)).toHaveLength(2);
    expect(result.stderr).toBe('');
  });

  it('gets, updates and deletes a token', async () => {
    const applicationId = objectId();
    const [token] = mock.store.losant.add({ applicationId }, [
      { name: 'old-name', scope: ['devices.get'] },
    ]);
    const id = token!.id;
    const get = await runCli(
      ['losant', 'tokens', 'get', id, '--application', applicationId, '--json'],
      { env },
    );
    expect(get.code, get.stderr).toBe(0);
    expect(json<{ apiToken: { id: string; name: string } }>(get).apiToken).toMatchObject({
      id,
      name: 'old-name',
    });
    expect(get.stdout).not.toContain(token!.token);

    const table = await runCli(['losant', 'tokens', 'get', id, '--application', applicationId], {
      env,
    });
    expect(table.stdout).toMatch(/old-name\n\s+id\s+[0-9a-f]{24}\n\s+status\s+active/);

    const update = await runCli(
      [
        'losant',
        'tokens',
        'update',
        id,
        '--application',
        applicationId,
        '--name',
        'new-name',
        '--description',
        'd',
        '--status',
        'inactive',
        '--json',
      ],
      { env },
    );
    expect(update.code, update.stderr).toBe(0);
    expect(json<{ apiToken: unknown }>(update).apiToken).toMatchObject({
      name: 'new-name',
      description: 'd',
      status: 'inactive',
    });
    expect(mock.store.losant.get({ applicationId }, id)).toMatchObject({
      name: 'new-name',
      status: 'inactive',
    });

    const remove = await runCli(
      ['losant', 'tokens', 'delete', id, '--application', applicationId, '--yes'],
      { env },
    );
    expect(remove.code, remove.stderr).toBe(0);
    expect(remove.stdout).toContain(`Deleted token ${id}`);
    expect(mock.store.losant.get({ applicationId }, id)).toBeUndefined();
  });

  it('refuses to delete without --yes when not at a terminal (exit 2), and sends nothing', async () => {
    const applicationId = objectId();
    const [token] = mock.store.losant.add({ applicationId }, 1);
    const before = mock.requests.length;
    const result = await runCli(
      ['losant', 'tokens', 'delete', token!.id, '--application', applicationId],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: refusing to delete a token without confirmation: not an interactive terminal — pass --yes to confirm in a script\n',
    );
    expect(result.stdout).toBe('');
    expect(mock.requests.slice(before).some((entry) => entry.path.includes(applicationId))).toBe(
      false,
    );
    expect(mock.store.losant.get({ applicationId }, token!.id)).toBeDefined();
  });

  it('deletes with --json', async () => {
    const [token] = mock.store.losant.add('user', 1);
    const result = await runCli(
      ['losant', 'tokens', 'delete', token!.id, '--user', '--yes', '--json'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(json(result)).toEqual({
      vendor: 'losant',
      owner: { kind: 'user' },
      id: token!.id,
      deleted: true,
    });
  });

  it.each([
    [['list'], /say whose tokens: --instance ID, --application ID or --user/],
    [
      ['list', '--user', '--application', 'x'],
      /give only one of --instance, --application and --user/,
    ],
    [['list', '--user', '--sort-field', 'color'], /argument 'color' is invalid/],
    [['list', '--user', '--page', '-1'], /expected a whole number/],
    [['list', '--user', '--per-page', '0'], /expected a whole number ≥ 1/],
    [['list', '--user', '--all', '--page', '2'], /cannot be used with/],
    [['list', '--user', '--filter', 'x*'], /--filter needs --filter-field/],
    [['create', '--user', '--name', 'x'], /at least one --scope/],
    [['create', '--user', '--scope', 'devices.get'], /required option '--name <name>'/],
    [
      ['create', '--user', '--name', 'x', '--scope', 'devices.get', '--expires', '2001-01-01'],
      /--expires must be in the future/,
    ],
    [['create', '--user', '--name', 'x', '--scope', 'devics.get'], /invalid input: .*scope/],
    [['update', 'a'.repeat(24), '--user'], /nothing to update/],
    [['get', 'not-an-id', '--application', 'a'.repeat(24)], /invalid input: the token id: /],
    [['get', 'a'.repeat(24), '--application', 'nope'], /invalid input: --application: /],
  ])('usage error (exit 2, nothing sent): %j', async (args, message) => {
    const before = mock.requests.length;
    const result = await runCli(['losant', 'tokens', ...args], { env });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    // Validation happens before the network (other tests may send requests meanwhile, but
    // never with these values).
    expect(
      mock.requests
        .slice(before)
        .some((entry) => entry.path.includes('nope') || entry.path.includes('not-an-id')),
    ).toBe(false);
  });

  it('a missing token is an API error: exit 1, one line naming the status and what to check', async () => {
    const result = await runCli(['losant', 'tokens', 'get', objectId(), '--user'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: Losant: .*404/);
    expect(result.stderr).toContain('check the token id and its owner');
  });

  it('a rejected access token exits 3 and says which variable to check, without echoing it', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--user'], {
      env: { ...env, LOSANT_ACCESS_TOKEN: 'not-a-real-token-0123456789' },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error: Losant: .*401.* — check LOSANT_ACCESS_TOKEN/);
    expect(result.stderr).not.toContain('not-a-real-token-0123456789');
  });

  it('a token without the scope exits 3 and names the scopes the action needs', async () => {
    const [narrow] = mock.store.losant.add('user', [{ name: 'narrow', scope: ['devices.get'] }]);
    const result = await runCli(['losant', 'tokens', 'list', '--application', objectId()], {
      env: { ...env, LOSANT_ACCESS_TOKEN: narrow!.token },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('403');
    expect(result.stderr).toContain(
      'applicationApiTokens.get needs a token with one of: all.Application,',
    );
    expect(result.stderr).not.toContain(narrow!.token);
  });

  it('missing credentials exit 3 before any request', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--user']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'error: no Losant credentials: LOSANT_ACCESS_TOKEN is not set — export LOSANT_ACCESS_TOKEN, or pipe the token in with --token-stdin\n',
    );
  });

  it('reads the token from stdin with --token-stdin', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--user', '--token-stdin', '--json'], {
      env: { LOSANT_API_URL: mock.url },
      input: `${mock.losant.accessToken}\n`,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(json<ListJson>(result).owner).toEqual({ kind: 'user' });
    expect(leakedSecrets(result, [mock.losant.accessToken])).toEqual([]);
  });

  it('a server failure exits 1 with the status', async () => {
    const applicationId = newApplication(mock);
    // Twice: the SDK settles one lost create answer (a 5xx) by checking and creating once more.
    mock.faults.failNext(2, {
      status: 500,
      route: `/applications/${applicationId}/tokens`,
      method: 'POST',
    });
    const result = await runCli(
      [
        'losant',
        'tokens',
        'create',
        '--application',
        applicationId,
        '--name',
        'x',
        '--scope',
        'devices.get',
      ],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Losant: .*500.*server failed/);
  });

  it('an unreachable API exits 1 and points at LOSANT_API_URL', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--user'], {
      env: { LOSANT_ACCESS_TOKEN: 'x'.repeat(20), LOSANT_API_URL: 'http://127.0.0.1:9' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('check LOSANT_API_URL');
  });
});
