import {
  mkdir,
  mkdtemp,
  open,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanaAuthenticating, losantAuthenticating } from '../src/authenticating.js';
import {
  commandEnvironment,
  pipeSecretTo,
  prepareSecretFile,
  writeSecretFile,
} from '../src/deliver/index.js';
import { DeliveryError, deliver, prepareDelivery } from '../src/deliver-target.js';
import { formatDuration } from '../src/duration.js';
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
    expect(error.message).toMatch(/^cannot write .*is-a-folder: it is a folder$/);
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
        exec: 'tee got; echo "$KEEP-$LOSANT_ACCESS_TOKEN$INSTANA_API_TOKEN-"; printf tail',
        cwd: dir,
      },
      'the-new-secret',
      {
        env,
        commandOutput: (line) => lines.push(line),
      },
    );
    expect(await readFile(join(dir, 'got'), 'utf8')).toBe('the-new-secret\n');
    // The echoed secret is never passed on.
    expect(lines).toEqual(['[redacted]', 'k--', 'tail']);
  });

  it('kills an exec that runs past its timeout, and reports one that cannot start', async () => {
    const dir = await folder();
    await expect(
      deliver({ exec: 'sleep 30', cwd: dir }, 's', { execTimeoutMs: 50 }),
    ).rejects.toThrow(/^exec "sleep 30" did not finish within 1s$/);
    await expect(deliver({ exec: 'true', cwd: join(dir, 'missing') }, 's')).rejects.toThrow(
      /^exec "true" could not start/,
    );
  });
});

describe("deliver: what the CLI's rotate brought", () => {
  it('a file that appears after the check is replaced atomically: a reader keeps the old one', async () => {
    const dir = await folder();
    const path = join(dir, 'nested', 'secret');
    await prepareDelivery({ out: path });
    expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    await writeFile(path, 'old\n', { mode: 0o644 });
    const reader = await open(path, 'r');
    const before = (await stat(path)).ino;
    await deliver({ out: path }, 'new');
    expect(await reader.readFile('utf8')).toBe('old\n');
    await reader.close();
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect((await stat(path)).ino).not.toBe(before);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('without replace, a file or symlink that appears after the check is never overwritten', async () => {
    const dir = await folder();
    const path = join(dir, 'secret');
    await prepareSecretFile(path);
    await symlink(join(dir, 'elsewhere'), path);
    const error = await writeSecretFile(path, 'hidden', { existsHint: 'pass --force' }).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toBe(
      `cannot write ${path}: a file appeared there after tokenkit checked (pass --force)`,
    );
    await expect(readFile(join(dir, 'elsewhere'))).rejects.toThrow(/ENOENT/);
    await expect(prepareSecretFile(path)).rejects.toMatchObject({ problem: 'exists' });
    await expect(prepareSecretFile(dir)).rejects.toMatchObject({ problem: 'is-a-folder' });
    await expect(prepareSecretFile(join(dir, 'no', 'x'))).rejects.toMatchObject({
      problem: 'missing-folder',
    });
  });

  it("drops both vendors' credentials and any value holding a secret; adds what it is told", () => {
    const env = {
      PATH: '/bin',
      LOSANT_ACCESS_TOKEN: 'losant-credential',
      INSTANA_API_TOKEN: 'instana-credential',
      COPY: 'prefix-stdin-credential-suffix',
      EMPTY: undefined,
    };
    const holdsSecret = (value: string) => value.includes('stdin-credential');
    expect(commandEnvironment(env, { holdsSecret, add: { TOKENKIT_TOKEN_ID: 'id1' } })).toEqual({
      PATH: '/bin',
      TOKENKIT_TOKEN_ID: 'id1',
    });
  });

  it('an abort ends the command and its process group; an aborted signal runs nothing', async () => {
    const dir = await folder();
    const controller = new AbortController();
    const lines: string[] = [];
    const running = pipeSecretTo('sleep 30 & echo started; wait', 's', {
      name: 'the command',
      env: { PATH: process.env.PATH },
      timeoutMs: 60_000,
      cwd: dir,
      signal: controller.signal,
      sink: (text) => {
        lines.push(text);
        controller.abort('SIGINT');
      },
    });
    await expect(running).rejects.toThrow(/^the command was ended: tokenkit received SIGINT$/);
    expect(lines).toEqual(['started\n']);
    await expect(
      pipeSecretTo('touch ran', 's', {
        name: 'x',
        env: {},
        timeoutMs: 1000,
        cwd: dir,
        signal: controller.signal,
      }),
    ).rejects.toThrow(/before the secret was delivered/);
    await expect(stat(join(dir, 'ran'))).rejects.toThrow(/ENOENT/);
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
