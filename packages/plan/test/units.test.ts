import { mkdir, mkdtemp, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanaAuthenticating, losantAuthenticating } from '../src/authenticating.js';
import { DeliveryError, deliver, prepareDelivery } from '../src/deliver.js';
import { matchesGlob } from '../src/glob.js';
import { formatDuration } from '../src/lifetime.js';
import type { LiveInstanaToken, LiveLosantToken } from '../src/types.js';

const folder = () => mkdtemp(join(tmpdir(), 'tokenkit-plan-unit-'));

describe('deliver', () => {
  it('replaces a symlink at the path instead of writing through it, mode 0600', async () => {
    const dir = await folder();
    const target = join(dir, 'elsewhere');
    await writeFile(target, 'keep me\n');
    const path = join(dir, 'secret');
    await symlink(target, path);
    await deliver({ out: path }, 's3cret');
    expect(await readFile(target, 'utf8')).toBe('keep me\n');
    expect(await readFile(path, 'utf8')).toBe('s3cret\n');
    await expect(readlink(path)).rejects.toThrow();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('names the path and the reason when the file cannot be written, never the secret', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'is-a-folder'));
    const error = await deliver({ out: join(dir, 'is-a-folder') }, 'hidden-secret').catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.message).toMatch(/^cannot write .*is-a-folder: E/);
    expect(error.message).not.toContain('hidden-secret');
    await writeFile(join(dir, 'file'), '');
    await expect(prepareDelivery({ out: join(dir, 'file', 'below', 'x') })).rejects.toThrow(
      /cannot create the folder of/,
    );
  });

  it('runs exec in the file folder with the secret on stdin only, without the vendors credentials', async () => {
    const dir = await folder();
    const lines: string[] = [];
    const env = {
      PATH: process.env.PATH,
      LOSANT_ACCESS_TOKEN: 'l',
      INSTANA_API_TOKEN: 'i',
      KEEP: 'k',
    };
    await deliver(
      {
        exec: 'cat > got; echo "$KEEP-$LOSANT_ACCESS_TOKEN$INSTANA_API_TOKEN-"; printf tail',
        cwd: dir,
      },
      'sec',
      {
        env,
        commandOutput: (line) => lines.push(line),
      },
    );
    expect(await readFile(join(dir, 'got'), 'utf8')).toBe('sec\n');
    expect(lines).toEqual(['k--', 'tail']);
  });

  it('kills an exec that runs past its timeout, and reports one that cannot start', async () => {
    const dir = await folder();
    await expect(
      deliver({ exec: 'sleep 30', cwd: dir }, 's', { execTimeoutMs: 50 }),
    ).rejects.toThrow(/was killed by SIGTERM/);
    await expect(deliver({ exec: 'true', cwd: join(dir, 'missing') }, 's')).rejects.toThrow(
      /exec could not start/,
    );
  });
});

describe('glob', () => {
  it('matches * and ? over the whole name, everything else literally', () => {
    expect(matchesGlob('ci-agents', 'ci-*')).toBe(true);
    expect(matchesGlob('my-ci-agents', 'ci-*')).toBe(false);
    expect(matchesGlob('ci-1', 'ci-?')).toBe(true);
    expect(matchesGlob('ci-12', 'ci-?')).toBe(false);
    expect(matchesGlob('a.b', 'a.b')).toBe(true);
    expect(matchesGlob('axb', 'a.b')).toBe(false);
    expect(matchesGlob('(x)', '(*)')).toBe(true);
  });
});

describe('the authenticating token', () => {
  const losant = (id: string) => ({ id }) as LiveLosantToken;
  const jwt = (claims: object) =>
    `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

  it('Losant: a JWT credential names its token; anything else cannot be told', () => {
    expect(losantAuthenticating(losant('abc'), jwt({ sub: 'abc' }))).toBe('yes');
    expect(losantAuthenticating(losant('abc'), jwt({ sub: 'other' }))).toBe('no');
    expect(losantAuthenticating(losant('abc'), jwt({ iss: 'x' }))).toBe('unknown');
    expect(losantAuthenticating(losant('abc'), 'opaque')).toBe('unknown');
    expect(losantAuthenticating(losant('abc'), 'a.!!!notjson.c')).toBe('unknown');
    expect(losantAuthenticating(losant('abc'), undefined)).toBe('unknown');
  });

  it('Instana: the shown secret, or the last characters a mask keeps', () => {
    const shown = (shownSecret: string) => ({ shownSecret }) as LiveInstanaToken;
    expect(instanaAuthenticating(shown('secret-1234'), 'secret-1234')).toBe('yes');
    expect(instanaAuthenticating(shown('****1234'), 'secret-1234')).toBe('yes');
    expect(instanaAuthenticating(shown('****9999'), 'secret-1234')).toBe('no');
    expect(instanaAuthenticating(shown('****'), 'secret-1234')).toBe('unknown');
    expect(instanaAuthenticating(shown('other-secret'), 'secret-1234')).toBe('no');
    expect(instanaAuthenticating(shown('****1234'), undefined)).toBe('unknown');
  });
});

describe('formatDuration', () => {
  it('writes whole days, else hours, else seconds', () => {
    expect(formatDuration(90 * 86_400_000)).toBe('90d');
    expect(formatDuration(5 * 3_600_000)).toBe('5h');
    expect(formatDuration(90_500)).toBe('91s');
  });
});
