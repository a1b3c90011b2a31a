import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanaEnv, json, leakedSecrets, processTimeout, runCli } from './run-cli.js';

let mock: MockServer;
let env: Record<string, string>;
let scratch: string;

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  env = instanaEnv(mock);
  scratch = await mkdtemp(join(tmpdir(), 'tokenkit-cli-test-'));
});
afterAll(async () => {
  await mock?.close();
  await rm(scratch, { recursive: true, force: true });
});

interface Change {
  name: string;
  sent: boolean;
  received: boolean;
}

/** Every secret the mock holds: the credential and each stored token's accessGrantingToken. */
function allSecrets(): string[] {
  return [
    mock.instana.apiToken,
    ...mock.store.instana.list().map((token) => token.accessGrantingToken),
  ];
}

async function permissionsFile(name: string, content: unknown): Promise<string> {
  const file = join(scratch, `${name}.json`);
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe.concurrent('tokenkit instana tokens', processTimeout, () => {
  it('lists tokens as JSON without any accessGrantingToken', async () => {
    mock.store.instana.add([{ name: 'listed-one', canViewLogs: true }]);
    const result = await runCli(['instana', 'tokens', 'list', '--json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const body = json<{ vendor: string; count: number; tokens: Record<string, unknown>[] }>(result);
    expect(body.vendor).toBe('instana');
    expect(body.count).toBe(body.tokens.length);
    const listed = body.tokens.find((token) => token.name === 'listed-one');
    expect(listed).toMatchObject({ canViewLogs: true, canConfigureUsers: false });
    expect(body.tokens.every((token) => !('accessGrantingToken' in token))).toBe(true);
    expect(leakedSecrets(result, allSecrets())).toEqual([]);
  });

  it('lists tokens as a table', async () => {
    mock.store.instana.add([{ name: 'table-one', canConfigureAgents: true, canViewLogs: true }]);
    const result = await runCli(['instana', 'tokens', 'list'], { env });
    expect(result.code, result.stderr).toBe(0);
    // Not a terminal: tab-separated rows without a header (the terminal form is in terminal.test.ts).
    expect(result.stdout).not.toContain('INTERNAL ID');
    expect(result.stdout).toMatch(/\ttable-one\t\tcanConfigureAgents,canViewLogs\t/);
    expect(result.stdout).not.toContain('****');
    expect(result.stderr).toMatch(/^\d+ API tokens? · \d+ of 5000 API calls left this hour\n$/);
    expect(leakedSecrets(result, allSecrets())).toEqual([]);
  });

  it('creates a token from --permission flags, reports what the server changed, shows the secret once', async () => {
    const result = await runCli(
      [
        'instana',
        'tokens',
        'create',
        '--name',
        'synthetics-ci',
        '--permission',
        'canConfigureSyntheticTests',
        '--permission',
        'canViewLogs',
        '--expires',
        '30d',
      ],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const stored = mock.store.instana.list().find((token) => token.name === 'synthetics-ci');
    expect(stored).toMatchObject({
      canConfigureSyntheticTests: true,
      canViewLogs: true,
      canConfigureUsers: false,
    });
    expect(stored!.expiresOn! - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(result.stdout).toContain('The server changed 3 permissions from what was sent:');
    expect(result.stdout).toMatch(/canViewSyntheticTests: sent off, now on \(Derived/);
    const marker = 'Token (shown once, store it now): ';
    const lines = result.stdout.split('\n').filter((line) => line.startsWith(marker));
    expect(lines).toEqual([`${marker}${stored!.accessGrantingToken}`]);
    expect(result.stdout.split(stored!.accessGrantingToken)).toHaveLength(2);
    expect(leakedSecrets(result, [mock.instana.apiToken])).toEqual([]);
  });

  it('creates with --json: accessGrantingToken only in the token field, plus the changed permissions', async () => {
    const file = await permissionsFile('create', [
      'canConfigureSyntheticCredentials',
      'canConfigurePersonalApiTokens',
    ]);
    const result = await runCli(
      ['instana', 'tokens', 'create', '--name', 'json-made', '--permissions-file', file, '--json'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const body = json<{
      token: string;
      apiToken: Record<string, unknown>;
      changedPermissions: Change[];
    }>(result);
    const stored = mock.store.instana.list().find((token) => token.name === 'json-made');
    expect(body.token).toBe(stored!.accessGrantingToken);
    expect(body.apiToken).toMatchObject({
      name: 'json-made',
      internalId: stored!.internalId,
      canConfigureSyntheticCredentials: true,
    });
    expect(body.apiToken.accessGrantingToken).toBeUndefined();
    expect(body.changedPermissions).toEqual(
      expect.arrayContaining([
        { name: 'canConfigurePersonalApiTokens', sent: true, received: false },
        { name: 'canUseSyntheticCredentials', sent: false, received: true },
      ]),
    );
    expect(result.stdout.split(body.token)).toHaveLength(2);
  });

  it('gets one token without its secret', async () => {
    const [token] = mock.store.instana.add([
      { name: 'got', canViewAuditLog: true, expiresOn: Date.parse('2099-01-01T00:00:00Z') },
    ]);
    const result = await runCli(['instana', 'tokens', 'get', token!.internalId], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^got\n\s+internal id\s+\S+\n\s+expires\s+2099-01-01/);
    expect(result.stdout).toMatch(/permissions\s+canViewAuditLog/);
    const asJson = await runCli(['instana', 'tokens', 'get', token!.internalId, '--json'], { env });
    expect(json<{ apiToken: Record<string, unknown> }>(asJson).apiToken).toMatchObject({
      internalId: token!.internalId,
      name: 'got',
    });
    expect(leakedSecrets(result, allSecrets())).toEqual([]);
    expect(leakedSecrets(asJson, allSecrets())).toEqual([]);
  });

  it('updates: rename, grant, revoke, then reports the server-derived changes, keeping the secret', async () => {
    const [token] = mock.store.instana.add([
      { name: 'to-update', canViewLogs: true, canConfigureAgents: true },
    ]);
    const id = token!.internalId;
    const result = await runCli(
      [
        'instana',
        'tokens',
        'update',
        id,
        '--name',
        'renamed',
        '--permission',
        'canConfigureSyntheticTests',
        '--revoke-permission',
        'canViewLogs',
      ],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `Updated API token ${id}: renamed to "renamed"; granted canConfigureSyntheticTests; revoked canViewLogs`,
    );
    expect(result.stdout).toContain('The server changed 3 permissions');
    const stored = mock.store.instana.get(id);
    expect(stored).toMatchObject({
      name: 'renamed',
      canConfigureSyntheticTests: true,
      canViewLogs: false,
      canConfigureAgents: true,
    });
    // The GET-modify-PUT round trip must not have replaced the real secret with the masked one.
    expect(stored!.accessGrantingToken).toBe(token!.accessGrantingToken);
    expect(leakedSecrets(result, allSecrets())).toEqual([]);
  });

  it('updates from a permissions file: an object changes only what it names, --json shows the changes', async () => {
    const [token] = mock.store.instana.add([
      { name: 'file-update', canViewLogs: true, canConfigureAgents: true },
    ]);
    const file = await permissionsFile('update', {
      canViewLogs: false,
      canConfigureSyntheticLocations: true,
    });
    const result = await runCli(
      ['instana', 'tokens', 'update', token!.internalId, '--permissions-file', file, '--json'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const body = json<{ apiToken: Record<string, unknown>; changedPermissions: Change[] }>(result);
    expect(body.apiToken).toMatchObject({
      canViewLogs: false,
      canConfigureAgents: true,
      canConfigureSyntheticLocations: true,
    });
    expect(body.apiToken.accessGrantingToken).toBeUndefined();
    expect(body.changedPermissions).toEqual([
      { name: 'canViewSyntheticLocations', sent: false, received: true },
    ]);
    expect(leakedSecrets(result, allSecrets())).toEqual([]);
  });

  it('deletes with --yes, and refuses without it off a terminal', async () => {
    const [token] = mock.store.instana.add([{ name: 'doomed' }]);
    const refused = await runCli(['instana', 'tokens', 'delete', token!.internalId], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes to confirm in a script');
    expect(mock.store.instana.get(token!.internalId)).toBeDefined();
    const deleted = await runCli(
      ['instana', 'tokens', 'delete', token!.internalId, '--yes', '--json'],
      { env },
    );
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(json(deleted)).toEqual({ vendor: 'instana', id: token!.internalId, deleted: true });
    expect(mock.store.instana.get(token!.internalId)).toBeUndefined();
  });

  it('refuses an unknown permission (exit 2) and suggests the closest name, before any request', async () => {
    const before = mock.requests.filter((entry) => entry.operation === 'postApiToken').length;
    const result = await runCli(
      ['instana', 'tokens', 'create', '--name', 'typo', '--permission', 'canConfigureAgent'],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: unknown Instana permission "canConfigureAgent" in --permission — did you mean canConfigureAgents?\n',
    );
    const casing = await runCli(
      ['instana', 'tokens', 'update', 'x', '--permission', 'canConfigureAPITokens'],
      { env },
    );
    expect(casing.code).toBe(2);
    expect(casing.stderr).toContain('did you mean canConfigureApiTokens?');
    expect(mock.requests.filter((entry) => entry.operation === 'postApiToken').length).toBe(before);
    expect(mock.store.instana.list().some((token) => token.name === 'typo')).toBe(false);
  });

  it('refuses a bad permissions file and an update with nothing to change', async () => {
    const bad = await permissionsFile('bad', { canViewLogs: 'yes' });
    const result = await runCli(
      ['instana', 'tokens', 'create', '--name', 'x', '--permissions-file', bad],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/must hold a JSON array of permission names/);
    const unknown = await permissionsFile('unknown', ['canFly']);
    const unknownResult = await runCli(
      ['instana', 'tokens', 'create', '--name', 'x', '--permissions-file', unknown],
      { env },
    );
    expect(unknownResult.code).toBe(2);
    expect(unknownResult.stderr).toContain('unknown Instana permission "canFly"');
    const nothing = await runCli(['instana', 'tokens', 'update', 'abc'], { env });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to update');
  });

  it('lists the permission names', async () => {
    const result = await runCli(['instana', 'permissions', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { permissions } = json<{ permissions: string[] }>(result);
    expect(permissions).toContain('canConfigureApiTokens');
    expect(permissions).toContain('limitedSAPScope');
    expect(permissions.length).toBeGreaterThan(80);
  });

  it('a missing token exits 1 with the status; a rejected API token exits 3', async () => {
    const missing = await runCli(['instana', 'tokens', 'get', 'no-such-token'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: Instana: .*404.* — check the internal id/);
    const rejected = await runCli(['instana', 'tokens', 'list'], {
      env: { ...env, INSTANA_API_TOKEN: 'wrong-token-123456' },
    });
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toMatch(/^error: Instana: .*401.* — check INSTANA_API_TOKEN/);
    expect(rejected.stderr).not.toContain('wrong-token-123456');
  });

  it('needs INSTANA_BASE_URL (exit 2) and a token (exit 3); takes the token from stdin', async () => {
    const noUrl = await runCli(['instana', 'tokens', 'list'], {
      env: { INSTANA_API_TOKEN: mock.instana.apiToken },
    });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('INSTANA_BASE_URL is not set');
    const noToken = await runCli(['instana', 'tokens', 'list'], {
      env: { INSTANA_BASE_URL: mock.url },
    });
    expect(noToken.code).toBe(3);
    const piped = await runCli(['instana', 'tokens', 'list', '--token-stdin', '--json'], {
      env: { INSTANA_BASE_URL: mock.url },
      input: mock.instana.apiToken,
    });
    expect(piped.code, piped.stderr).toBe(0);
    expect(json(piped)).toHaveProperty('vendor', 'instana');
    expect(leakedSecrets(piped, allSecrets())).toEqual([]);
  });
});
