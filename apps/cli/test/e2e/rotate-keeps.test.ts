import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RotatedJson } from '../../src/rotate/json-shapes.js';
import { useRotateFixture } from './rotate-fixture.js';
import { instanaEnv, json, losantEnv, processTimeout, runCli } from './run-cli.js';

// Issue 22, item 6: the replacement keeps the old token's status and lifetime (Losant's expiry
// span, Instana's expiresOn); --expires (both vendors) and --status (Losant) override them, and
// the output says what was kept.
const fx = useRotateFixture((mock) => ({ ...losantEnv(mock), ...instanaEnv(mock) }));

let seeded = 0;

function named<T extends { name?: string }>(tokens: T[], name: string): T[] {
  return tokens.filter((token) => token.name === name);
}

function losantRotate(id: string, args: string[]) {
  const out = join(fx.scratch, `keeps-${id}`);
  return runCli(['losant', 'tokens', 'rotate', id, '--user', '--out', out, '--yes', ...args], {
    env: fx.env,
  });
}

describe.concurrent('tokens rotate keeps status and lifetime', processTimeout, () => {
  it('Losant: an inactive token is replaced by an inactive one, and the summary says so', async () => {
    const [old] = fx.mock.store.losant.add('user', [
      { name: `inactive-${++seeded}`, scope: ['all.User'], status: 'inactive' },
    ]);
    const result = await losantRotate(old!.id, []);
    expect(result.code, result.stderr).toBe(0);
    const [replacement] = named(fx.mock.store.losant.list('user'), old!.name);
    expect(replacement?.id).not.toBe(old!.id);
    expect(replacement?.status).toBe('inactive');
    expect(result.stdout).toMatch(/kept: +name, .*status/);
  });

  it('Losant: --status active makes the replacement of an inactive token active', async () => {
    const [old] = fx.mock.store.losant.add('user', [
      { name: `activate-${++seeded}`, scope: ['all.User'], status: 'inactive' },
    ]);
    const result = await losantRotate(old!.id, ['--status', 'active', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const [replacement] = named(fx.mock.store.losant.list('user'), old!.name);
    expect(replacement?.status).toBe('active');
    const body = json<RotatedJson>(result);
    expect(body.kept).not.toContain('status');
    expect(body.verified).toBe('valid');
  });

  it('Losant: --expires never drops the expiry; a bad --status is refused before anything is created', async () => {
    const [old] = fx.mock.store.losant.add('user', [
      {
        name: `never-${++seeded}`,
        scope: ['all.User'],
        expirationDate: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      },
    ]);
    const bad = await losantRotate(old!.id, ['--status', 'paused']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--status must be active or inactive, got "paused"');
    expect(named(fx.mock.store.losant.list('user'), old!.name)).toHaveLength(1);
    const result = await losantRotate(old!.id, ['--expires', 'never']);
    expect(result.code, result.stderr).toBe(0);
    const [replacement] = named(fx.mock.store.losant.list('user'), old!.name);
    expect(replacement?.id).not.toBe(old!.id);
    expect(replacement?.expirationDate).toBeUndefined();
    expect(result.stdout).toContain('set:        expiry never');
  });

  it('Instana: the replacement keeps expiresOn; --expires sets it', async () => {
    const expiresOn = Date.now() + 30 * 86_400_000;
    const [old] = fx.mock.store.instana.add([
      { name: `expiring-${++seeded}`, canConfigureApiTokens: true, expiresOn },
    ]);
    const out = join(fx.scratch, `keeps-${old!.internalId}`);
    const kept = await runCli(
      ['instana', 'tokens', 'rotate', old!.internalId, '--out', out, '--yes', '--json'],
      { env: fx.env },
    );
    expect(kept.code, kept.stderr).toBe(0);
    const [replacement] = named(fx.mock.store.instana.list(), old!.name);
    expect(replacement?.expiresOn).toBe(expiresOn);
    expect(json<RotatedJson>(kept).kept).toContain('expiresOn');

    const set = await runCli(
      [
        'instana',
        'tokens',
        'rotate',
        replacement!.internalId,
        '--expires',
        '2031-01-31',
        '--out',
        `${out}-2`,
        '--yes',
      ],
      { env: fx.env },
    );
    expect(set.code, set.stderr).toBe(0);
    const [third] = named(fx.mock.store.instana.list(), old!.name);
    expect(third?.expiresOn).toBe(Date.parse('2031-01-31T00:00:00Z'));
  });
});
