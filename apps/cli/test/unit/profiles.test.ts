import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCredentialCommand } from '../../src/config/credential-command.js';
import { configPath } from '../../src/config/location.js';
import { selectProfile } from '../../src/config/profile.js';
import { readConfig } from '../../src/config/read-config.js';
import { applyProfile, describeOrigin } from '../../src/credentials.js';
import { CliError } from '../../src/errors.js';

/** A config home with `config.yaml` holding `text` at `mode`; returns the home and the file. */
function configHome(text: string, mode = 0o600) {
  const home = mkdtempSync(join(tmpdir(), 'tokenkit-unit-profiles-'));
  mkdirSync(join(home, 'tokenkit'));
  const file = join(home, 'tokenkit', 'config.yaml');
  writeFileSync(file, text);
  chmodSync(file, mode);
  return { home, file };
}

async function failure(run: () => Promise<unknown>): Promise<CliError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

const origin = { profile: 'p', vendor: 'losant' } as const;

describe('config file location', () => {
  it('is under an absolute XDG_CONFIG_HOME, else under ~/.config', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/x/tokenkit/config.yaml');
    expect(configPath({ XDG_CONFIG_HOME: 'rel', HOME: '/h' })).toBe(
      '/h/.config/tokenkit/config.yaml',
    );
    expect(configPath({ HOME: '/h' })).toBe('/h/.config/tokenkit/config.yaml');
  });
});

describe('readConfig', () => {
  it('reads profiles; no file is no config', async () => {
    const { file } = configHome('profiles:\n  a:\n    losant: { url: https://x.example }\n');
    expect((await readConfig(file))?.profiles.a?.losant?.url).toBe('https://x.example');
    expect(await readConfig(join(tmpdir(), 'tokenkit-none', 'config.yaml'))).toBeUndefined();
    const { file: empty } = configHome('');
    expect(await readConfig(empty)).toEqual({ profiles: {} });
  });

  it('names where a file is wrong, never its values', async () => {
    const secret = 'never-shown-0123456789';
    const both = configHome(
      `profiles:\n  a:\n    instana: { credential: "${secret}", credentialCommand: "x" }\n`,
    );
    const error = await failure(() => readConfig(both.file));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `${both.file}: profiles.a.instana: give credentialCommand or credential, not both`,
    );
    const yaml = configHome(`profiles:\n  a: {\n  "${secret}"`);
    const bad = await failure(() => readConfig(yaml.file));
    expect(bad.message).toMatch(/is not valid YAML \(line \d+\)$/);
    expect(`${error.message}${bad.message}`).not.toContain(secret);
    const top = configHome('- a\n- b\n');
    expect((await failure(() => readConfig(top.file))).message).toContain('the top level');
  });

  it('refuses a readable file that holds a credential, and only such a file', async () => {
    const text = 'profiles:\n  a:\n    losant: { credential: "s3cret-0123456789" }\n';
    const open = configHome(text, 0o640);
    const error = await failure(() => readConfig(open.file));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('(mode 0640)');
    expect(error.hint).toBe(`chmod 600 ${open.file}, or use credentialCommand instead`);
    expect(await readConfig(configHome(text, 0o600).file)).toBeDefined();
    const commandOnly = configHome(
      'profiles:\n  a:\n    losant: { credentialCommand: "x" }\n',
      0o644,
    );
    expect(await readConfig(commandOnly.file)).toBeDefined();
  });
});

describe('selectProfile', () => {
  it('takes --profile over TOKENKIT_PROFILE, and nothing when neither names one', async () => {
    const { home } = configHome('profiles:\n  a: {}\n  b: {}\n');
    const env = { XDG_CONFIG_HOME: home, TOKENKIT_PROFILE: 'b' };
    expect((await selectProfile(env, 'a'))?.name).toBe('a');
    expect((await selectProfile(env, undefined))?.name).toBe('b');
    expect(await selectProfile({ XDG_CONFIG_HOME: home }, ' ')).toBeUndefined();
    expect((await selectProfile(env, 'a'))?.commandTimeoutMs).toBe(30_000);
  });

  it('an unknown name is a usage error with the closest name, or the names there are', async () => {
    const { home } = configHome('profiles:\n  staging: {}\n');
    const typo = await failure(() => selectProfile({ XDG_CONFIG_HOME: home }, 'stagin'));
    expect([typo.exitCode, typo.hint]).toEqual([2, 'did you mean staging?']);
    const far = await failure(() => selectProfile({ XDG_CONFIG_HOME: home }, 'prod'));
    expect(far.hint).toBe('its profiles: staging');
  });

  it('refuses a credentialCommandTimeout that is not a duration', async () => {
    const { home, file } = configHome('credentialCommandTimeout: soon\nprofiles:\n  a: {}\n');
    const error = await failure(() => selectProfile({ XDG_CONFIG_HOME: home }, 'a'));
    expect(error.message).toBe(
      `${file}: credentialCommandTimeout must be a duration such as 30s or 2m`,
    );
  });
});

describe('runCredentialCommand', () => {
  it('is the trimmed standard output of sh -c', async () => {
    expect(await runCredentialCommand('printf "  tok en \\n"', origin, 5_000)).toBe('tok en');
  });

  it('fails clearly without its output: an exit code, nothing printed, too much, too slow', async () => {
    const exit = await failure(() => runCredentialCommand('echo leaked; exit 4', origin, 5_000));
    expect(exit.message).toBe('the credentialCommand of profile "p" (losant) failed (exit 4)');
    expect(exit.exitCode).toBe(3);
    const empty = await failure(() => runCredentialCommand('printf "  "', origin, 5_000));
    expect(empty.message).toContain('printed nothing');
    const big = await failure(() =>
      runCredentialCommand('head -c 200000 /dev/zero', origin, 5_000),
    );
    expect(big.message).toContain('printed more than 64 KiB');
    const slow = await failure(() => runCredentialCommand('sleep 5', origin, 200));
    expect(slow.message).toContain('did not finish within 0.2s');
  });
});

describe('applyProfile', () => {
  it('flags beat the environment, which beats the profile; failures are recorded per vendor', async () => {
    const { home, file } = configHome(`profiles:
  p:
    losant: { url: https://losant.example, credential: "from-file" }
    instana: { baseUrl: https://instana.example, credentialCommand: "exit 2" }
`);
    const env = { XDG_CONFIG_HOME: home, TOKENKIT_PROFILE: 'p', LOSANT_API_URL: 'https://env' };
    const setup = await applyProfile(env, undefined, ['losant', 'instana']);
    expect(setup.profile).toBe('p');
    expect(setup.env.LOSANT_ACCESS_TOKEN).toBe('from-file');
    expect(setup.env.LOSANT_API_URL).toBe('https://env');
    expect(setup.env.INSTANA_BASE_URL).toBe('https://instana.example');
    expect(setup.origins.losant).toEqual({ from: 'profile file', name: file });
    expect(setup.failures.instana?.message).toContain('(instana) failed (exit 2)');
    const fromEnv = await applyProfile({ ...env, INSTANA_API_TOKEN: 'env-token' }, 'p', [
      'instana',
    ]);
    expect(fromEnv.failures).toEqual({});
    expect(describeOrigin(fromEnv.origins.instana!)).toBe('environment (INSTANA_API_TOKEN)');
    const fromFlag = await applyProfile(env, 'p', ['losant'], true);
    expect(fromFlag.origins.losant).toEqual({ from: 'flag', name: '--token-stdin' });
    expect(fromFlag.env.LOSANT_ACCESS_TOKEN).toBeUndefined();
    const none = await applyProfile({ LOSANT_ACCESS_TOKEN: 'x' }, undefined, ['losant']);
    expect([none.profile, none.origins.losant?.from]).toEqual([undefined, 'environment']);
  });
});
