import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MockServer } from '@tokenkit/mock-server';
import { describe, expect, it } from 'vitest';
import type { RotatedJson } from '../../src/rotate/json-shapes.js';
import {
  captured,
  capturingCommand,
  scratchDir,
  secretIn,
  useRotateFixture,
} from './rotate-fixture.js';
import {
  json,
  leakedSecrets,
  losantEnv,
  newApplication,
  processTimeout,
  runCli,
} from './run-cli.js';

const fx = useRotateFixture(losantEnv);

type Owner = { instanceId: string } | { applicationId: string } | 'user';

/** Each owner: how the mock names it, the CLI flags, and a path its tokens can read. */
const owners: [string, () => { owner: Owner; flags: string[]; scope: string[] }][] = [
  [
    'an application',
    () => {
      const applicationId = newApplication(fx.mock);
      return {
        owner: { applicationId },
        flags: ['--application', applicationId],
        scope: ['all.Application'],
      };
    },
  ],
  [
    'the instance',
    () => {
      const { instanceId } = fx.mock.losant;
      return { owner: { instanceId }, flags: ['--instance', instanceId], scope: ['all.Instance'] };
    },
  ],
  ['the user', () => ({ owner: 'user', flags: ['--user'], scope: ['all.User'] })],
];

let seeded = 0;

function seedOld(owner: Owner, scope: string[]) {
  const name = `rotate-me-${++seeded}`;
  const [old] = fx.mock.store.losant.add(owner, [
    { name, scope, description: `rotated in test ${seeded}` },
  ]);
  return old!;
}

function named(owner: Owner, name: string) {
  return fx.mock.store.losant.list(owner).filter((token) => token.name === name);
}

/** Whether Losant accepts the token at all (401 means it does not; 403 only lacks a scope). */
async function authenticates(secret: string): Promise<boolean> {
  const response = await fetch(`${fx.mock.url}/me/tokens`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  await response.body?.cancel();
  return response.status !== 401;
}

function rotate(id: string, args: string[]) {
  return runCli(['losant', 'tokens', 'rotate', id, ...args], { env: fx.env });
}

describe.concurrent('tokenkit losant tokens rotate', processTimeout, () => {
  it.each(owners)(
    '%s: --exec gets the secret on stdin only, the replacement keeps the scope',
    async (_, make) => {
      const { owner, flags, scope } = make();
      const old = seedOld(owner, scope);
      const dir = await scratchDir(fx, 'exec-');
      const command = capturingCommand(dir);
      const result = await rotate(old.id, [...flags, '--exec', command, '--yes', '--json']);
      expect(result.code, result.stderr).toBe(0);

      const received = await captured(dir);
      const { secret } = received;
      const [replacement, ...others] = named(owner, old.name);
      expect(others).toEqual([]);
      expect(replacement?.id).not.toBe(old.id);
      expect(replacement).toMatchObject({ scope: old.scope, description: old.description });
      expect(await authenticates(secret)).toBe(true);
      expect(await authenticates(old.token)).toBe(false);

      const body = json<RotatedJson>(result);
      expect(Object.keys(body).sort()).toEqual([
        'delivered',
        'kept',
        'new',
        'old',
        'revoked',
        'verified',
      ]);
      expect(body).toMatchObject({ revoked: 'deleted', delivered: 'command', verified: 'valid' });
      expect(body.kept).toEqual(expect.arrayContaining(['name', 'description', 'scope', 'status']));
      expect(body.new).toMatchObject({ id: replacement?.id });
      expect(body.old).toMatchObject({ id: old.id });
      expect(received.env).not.toContain(secret);
      expect(received.args).not.toContain(secret);
      expect(leakedSecrets(result, [secret, old.token, fx.mock.losant.accessToken])).toEqual([]);
    },
  );

  it.each(owners)(
    '%s: --out writes a 0600 file, --revoke deactivate leaves the old token inactive',
    async (_, make) => {
      const { owner, flags, scope } = make();
      const old = seedOld(owner, scope);
      const file = join(fx.scratch, `out-${old.id}`);
      const result = await rotate(old.id, [
        ...flags,
        '--out',
        file,
        '--revoke',
        'deactivate',
        '--yes',
      ]);
      expect(result.code, result.stderr).toBe(0);
      const secret = secretIn(await readFile(file, 'utf8'));
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(leakedSecrets(result, [secret, old.token])).toEqual([]);
      expect(await authenticates(secret)).toBe(true);
      expect(fx.mock.store.losant.get(owner, old.id)?.status).toBe('inactive');
      expect(await authenticates(old.token)).toBe(false);
    },
  );

  it.each(owners)(
    '%s: a failed delivery exits 1, deletes the replacement, keeps the old token',
    async (_, make) => {
      const { owner, flags, scope } = make();
      const old = seedOld(owner, scope);
      const { token: _secret, ...stored } = old;
      const result = await rotate(old.id, [...flags, '--exec', 'exit 1', '--yes']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/at deliver: the replacement \w+ was deleted; the old token/);
      expect(result.stderr).toContain(`the old token ${old.id} is untouched`);
      expect(named(owner, old.name)).toEqual([stored]);
      expect(await authenticates(old.token)).toBe(true);
    },
  );

  it("--exec's own output reaches stderr whole lines at a time, a secret it echoes scrubbed", async () => {
    const old = seedOld('user', ['all.User']);
    const file = join(fx.scratch, `tee-${old.id}`);
    // tee keeps a copy for the test and echoes the secret to its stdout.
    const command = `echo got it; tee '${file}'`;
    const result = await rotate(old.id, ['--user', '--exec', command, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    const secret = secretIn(await readFile(file, 'utf8'));
    expect(await authenticates(secret)).toBe(true);
    expect(result.stderr).toContain('got it\n[redacted]\n');
    expect(leakedSecrets(result, [secret, old.token])).toEqual([]);
  });

  it('keeps the old token with --revoke keep and prints the secret once in --json', async () => {
    const old = seedOld('user', ['all.User']);
    const result = await rotate(old.id, ['--user', '--revoke', 'keep', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const body = json<{ token: string; revoked: string; delivered: string }>(result);
    expect(body).toMatchObject({ revoked: 'kept', delivered: 'stdout' });
    expect(result.stdout.split(body.token)).toHaveLength(2);
    expect(await authenticates(body.token)).toBe(true);
    expect(await authenticates(old.token)).toBe(true);
  });

  it('needs --yes to revoke without a terminal, before anything is created', async () => {
    const old = seedOld('user', ['all.User']);
    const { token: _secret, ...stored } = old;
    const result = await rotate(old.id, ['--user', '--out', join(fx.scratch, 'never')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--yes');
    expect(named('user', old.name)).toEqual([stored]);
  });
});

describe('tokenkit losant tokens rotate after a lost answer', processTimeout, () => {
  const route = 'applicationApiTokens.post';
  it.each<[string, (mock: MockServer) => void]>([
    ['dropped before the response', (m) => m.faults.dropNext(1, { route })],
    ['dropped mid-body', (m) => m.faults.dropNext(1, { route, when: 'mid-body' })],
    ['truncated', (m) => m.faults.truncateNext(1, { route })],
    ['invalid JSON', (m) => m.faults.invalidJsonNext(1, { route })],
    ['a 502 HTML page', (m) => m.faults.htmlErrorNext(1, { route })],
  ])('%s: one replacement whose secret was delivered, never one without', async (_, inject) => {
    const applicationId = newApplication(fx.mock);
    const owner = { applicationId };
    const old = seedOld(owner, ['all.Application']);
    const file = join(fx.scratch, `lost-${old.id}`);
    inject(fx.mock);
    const result = await rotate(old.id, ['--application', applicationId, '--out', file, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    const secret = (await readFile(file, 'utf8')).trim();
    const tokens = named(owner, old.name);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.id).not.toBe(old.id);
    expect(await authenticates(secret)).toBe(true);
    expect(leakedSecrets(result, [secret])).toEqual([]);
  });
});

describe('tokenkit losant tokens rotate when revoking fails', processTimeout, () => {
  it('exits 1 with both tokens working, and the hint is the whole command that deletes the old one', async () => {
    const applicationId = newApplication(fx.mock);
    const owner = { applicationId };
    const old = seedOld(owner, ['all.Application']);
    const file = join(fx.scratch, `revoke-fails-${old.id}`);
    // A 403 is never retried: the revoke step fails at once, after delivery and verification.
    fx.mock.faults.failNext(1, { route: 'applicationApiToken.delete', status: 403 });
    const result = await rotate(old.id, ['--application', applicationId, '--out', file, '--yes']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('rotation failed at revoke');
    expect(result.stderr).toContain(
      `revoke it: tokenkit losant tokens delete ${old.id} --application ${applicationId} --yes`,
    );
    expect(named(owner, old.name)).toHaveLength(2);
    expect(await authenticates((await readFile(file, 'utf8')).trim())).toBe(true);
  });
});
