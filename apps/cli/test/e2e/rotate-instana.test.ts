import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MockServer } from '@tokenkit/mock-server';
import { describe, expect, it } from 'vitest';
import {
  captured,
  capturingCommand,
  scratchDir,
  secretIn,
  useRotateFixture,
} from './rotate-fixture.js';
import {
  instanaEnv,
  json,
  leakedSecrets,
  processTimeout,
  runCli,
  runInTerminal,
  scriptPath,
} from './run-cli.js';

const fx = useRotateFixture(instanaEnv);

let seeded = 0;

/** An old token with a few permissions and a unique name, so concurrent tests stay apart. */
function seedOld() {
  const name = `rotate-me-${++seeded}`;
  const [old] = fx.mock.store.instana.add([
    { name, canConfigureApiTokens: true, canViewLogs: true, limitedSAPScope: true },
  ]);
  return old!;
}

/** The tokens named `name` (the old one and its replacement share it). */
function named(name: string) {
  return fx.mock.store.instana.list().filter((token) => token.name === name);
}

async function authenticates(secret: string): Promise<boolean> {
  const response = await fetch(`${fx.mock.url}/api/settings/api-tokens`, {
    headers: { authorization: `apiToken ${secret}` },
  });
  await response.body?.cancel();
  return response.status === 200;
}

function flags(token: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(token).filter(([key]) => /^(can|limited)[A-Z]/.test(key)),
  );
}

function rotate(args: string[], options: { input?: string } = {}) {
  return runCli(['instana', 'tokens', 'rotate', ...args], { env: fx.env, ...options });
}

describe.concurrent('tokenkit instana tokens rotate', processTimeout, () => {
  it('--exec: the secret reaches the command on stdin only, the replacement keeps the permissions', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'exec-');
    const command = capturingCommand(dir);
    const result = await rotate([old.internalId, '--exec', command, '--yes', '--json']);
    expect(result.code, result.stderr).toBe(0);

    const received = await captured(dir);
    const { secret } = received;
    const [replacement, ...others] = named(old.name);
    expect(others).toEqual([]);
    expect(replacement?.accessGrantingToken).toBe(secret);
    expect(replacement?.internalId).not.toBe(old.internalId);
    expect(flags(replacement!)).toEqual(flags(old));
    expect(await authenticates(secret)).toBe(true);
    expect(await authenticates(old.accessGrantingToken)).toBe(false);

    const body = json(result);
    expect(body).toMatchObject({ revoked: 'deleted', delivered: 'command' });
    expect(body).not.toHaveProperty('token');
    expect(body.old).toMatchObject({ internalId: old.internalId, name: old.name });
    expect(body.new).toMatchObject({ internalId: replacement?.internalId, canViewLogs: true });
    expect(received.env).not.toContain(secret);
    expect(received.args).not.toContain(secret);
    expect(
      leakedSecrets(result, [secret, old.accessGrantingToken, fx.mock.instana.apiToken]),
    ).toEqual([]);
  });

  it('--out: creates the file with mode 0600, refuses an existing one unless --force', async () => {
    const old = seedOld();
    const file = join(fx.scratch, `out-${old.internalId}`);
    const result = await rotate([old.internalId, '--out', file, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    const secret = secretIn(await readFile(file, 'utf8'));
    expect(await readFile(file, 'utf8')).toBe(`${secret}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(result.stdout).toContain(`written to ${file} (mode 0600)`);
    expect(leakedSecrets(result, [secret])).toEqual([]);
    expect(await authenticates(secret)).toBe(true);

    const [replacement] = named(old.name);
    const again = await rotate([replacement!.internalId, '--out', file, '--yes']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(named(old.name).map((token) => token.internalId)).toEqual([replacement?.internalId]);

    const forced = await rotate([replacement!.internalId, '--out', file, '--force', '--yes']);
    expect(forced.code, forced.stderr).toBe(0);
    const newer = (await readFile(file, 'utf8')).trim();
    expect(newer).not.toBe(secret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await authenticates(newer)).toBe(true);
  });

  it('prints the secret once on stdout without --out or --exec, and in --json', async () => {
    const old = seedOld();
    const result = await rotate([old.internalId, '--revoke', 'keep', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const body = json<{ token: string; revoked: string; delivered: string }>(result);
    expect(body).toMatchObject({ revoked: 'kept', delivered: 'stdout' });
    expect(result.stdout.split(body.token)).toHaveLength(2);
    expect(await authenticates(body.token)).toBe(true);
    expect(fx.mock.store.instana.get(old.internalId)).toEqual(old);
  });

  it.each([
    ['--exec that exits 1', ['--exec', 'cat > /dev/null; exit 1'], 'exited with code 1'],
    ['--exec that does not start', ['--exec', 'no-such-command-here'], 'exited with code 127'],
  ])(
    'failed delivery (%s): exit 1, replacement gone, old token unchanged',
    async (_, args, why) => {
      const old = seedOld();
      const result = await rotate([old.internalId, ...args, '--yes']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `the replacement \\S+ was deleted; the old token ${old.internalId} is untouched`,
        ),
      );
      expect(result.stderr).toContain(why);
      expect(named(old.name)).toEqual([old]);
      expect(await authenticates(old.accessGrantingToken)).toBe(true);
      expect(leakedSecrets(result, [old.accessGrantingToken, fx.mock.instana.apiToken])).toEqual(
        [],
      );
    },
  );

  it('needs --yes to revoke without a terminal, checked before anything is created', async () => {
    const old = seedOld();
    const result = await rotate([old.internalId, '--exec', 'cat > /dev/null']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--yes');
    // No replacement (it would carry the same name), the old token untouched.
    expect(named(old.name)).toEqual([old]);
  });

  it('refuses --revoke deactivate (Instana has no inactive state)', async () => {
    const old = seedOld();
    const result = await rotate([old.internalId, '--revoke', 'deactivate', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "argument 'deactivate' is invalid. Allowed choices are delete, keep.",
    );
  });
});

describe('tokenkit instana tokens rotate after a lost answer', processTimeout, () => {
  it.each([
    [
      'dropped before the response',
      (m: MockServer) => m.faults.dropNext(1, { route: 'postApiToken' }),
    ],
    [
      'dropped mid-body',
      (m: MockServer) => m.faults.dropNext(1, { route: 'postApiToken', when: 'mid-body' }),
    ],
    ['truncated', (m: MockServer) => m.faults.truncateNext(1, { route: 'postApiToken' })],
    ['invalid JSON', (m: MockServer) => m.faults.invalidJsonNext(1, { route: 'postApiToken' })],
    ['a 502 HTML page', (m: MockServer) => m.faults.htmlErrorNext(1, { route: 'postApiToken' })],
  ])('%s: exactly one new token, delivered', async (_, inject) => {
    const old = seedOld();
    const file = join(fx.scratch, `lost-${old.internalId}`);
    inject(fx.mock);
    const result = await rotate([old.internalId, '--out', file, '--yes', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const secret = (await readFile(file, 'utf8')).trim();
    const tokens = named(old.name);
    expect(tokens.map((token) => token.accessGrantingToken)).toEqual([secret]);
    expect(await authenticates(secret)).toBe(true);
  });
});

describe.concurrent('tokenkit instana tokens rotate at a terminal', processTimeout, () => {
  it.skipIf(scriptPath === undefined)(
    'asks with the old name and id; no exits 4 with nothing created',
    async () => {
      const old = seedOld();
      const result = await runInTerminal(
        ['instana', 'tokens', 'rotate', old.internalId, '--exec', 'cat > /dev/null'],
        { env: fx.env, answer: 'n\n' },
      );
      expect(result.code).toBe(4);
      expect(result.stdout).toContain(`"${old.name}" (${old.internalId})`);
      expect(result.stdout).toContain('Cancelled: nothing was created or changed.');
      expect(named(old.name)).toEqual([old]);
    },
  );

  it.skipIf(scriptPath === undefined)('rotates after a yes', async () => {
    const old = seedOld();
    const file = join(fx.scratch, `tty-${old.internalId}`);
    const result = await runInTerminal(
      ['instana', 'tokens', 'rotate', old.internalId, '--out', file],
      { env: fx.env, answer: 'y\n' },
    );
    expect(result.code, result.stdout).toBe(0);
    const secret = (await readFile(file, 'utf8')).trim();
    expect(named(old.name).map((token) => token.accessGrantingToken)).toEqual([secret]);
    expect(result.stdout).not.toContain(secret);
  });
});
