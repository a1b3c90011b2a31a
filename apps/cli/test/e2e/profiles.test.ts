import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, leakedSecrets, processTimeout, runCli } from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

/** A fresh config home holding `config.yaml` with `text`, at `mode`; its folder is returned. */
function configHome(text: string, mode = 0o600): string {
  const home = mkdtempSync(join(tmpdir(), 'tokenkit-profiles-'));
  mkdirSync(join(home, 'tokenkit'));
  const file = join(home, 'tokenkit', 'config.yaml');
  writeFileSync(file, text);
  chmodSync(file, mode);
  return home;
}

/** A file holding `secret`, for a credentialCommand to `cat`. */
function secretFile(secret: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tokenkit-secret-')), 'token');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return file;
}

function prodProfile(): string {
  return `profiles:
  prod:
    losant: { url: "${mock.url}", credentialCommand: "cat ${secretFile(mock.losant.accessToken)}" }
    instana: { baseUrl: "${mock.url}", credentialCommand: "cat ${secretFile(mock.instana.apiToken)}" }
`;
}

/** Whether `pid` still runs: gone, or a zombie nobody reaped yet (a container's init may not). */
function running(pid: number): boolean {
  if (!existsSync(`/proc/${pid}/stat`)) return false;
  const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
  return state !== 'Z' && state !== 'X';
}

const listUser = ['losant', 'tokens', 'list', '--user', '--json'];

describe.concurrent('profiles in config.yaml', processTimeout, () => {
  it('--profile runs the credentialCommand and uses the url; TOKENKIT_PROFILE does the same', async () => {
    const home = configHome(prodProfile());
    mock.store.losant.add('user', [{ name: 'seen-through-a-profile' }]);
    const flag = await runCli(['--profile', 'prod', ...listUser], {
      env: { XDG_CONFIG_HOME: home },
    });
    expect(flag.code, flag.stderr).toBe(0);
    const names = json<{ tokens: { name: string }[] }>(flag).tokens.map((token) => token.name);
    expect(names).toContain('seen-through-a-profile');
    const variable = await runCli(['instana', 'tokens', 'list', '--json'], {
      env: { XDG_CONFIG_HOME: home, TOKENKIT_PROFILE: 'prod' },
    });
    expect(variable.code, variable.stderr).toBe(0);
    expect(leakedSecrets(flag, [mock.losant.accessToken])).toEqual([]);
  });

  it('without XDG_CONFIG_HOME the file is ~/.config/tokenkit/config.yaml', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tokenkit-home-'));
    const config = configHome(prodProfile());
    mkdirSync(join(home, '.config', 'tokenkit'), { recursive: true });
    writeFileSync(
      join(home, '.config', 'tokenkit', 'config.yaml'),
      readFileSync(join(config, 'tokenkit', 'config.yaml')),
    );
    const result = await runCli(['--profile', 'prod', ...listUser], { env: { HOME: home } });
    expect(result.code, result.stderr).toBe(0);
  });

  it('environment variables beat the profile, and auth status says where each came from', async () => {
    const home = configHome(prodProfile());
    const env = { XDG_CONFIG_HOME: home, TOKENKIT_PROFILE: 'prod' };
    const wrong = await runCli(listUser, {
      env: { ...env, LOSANT_ACCESS_TOKEN: 'wrong-token-0123456789' },
    });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('401');
    const status = await runCli(['auth', 'status', '--json'], {
      env: { ...env, INSTANA_API_TOKEN: mock.instana.apiToken },
    });
    expect(status.code, status.stderr).toBe(0);
    const body = json<{
      profile: string;
      vendors: { vendor: string; status: string; credential: { from: string; name: string } }[];
    }>(status);
    expect(body.profile).toBe('prod');
    expect(body.vendors.map((v) => [v.vendor, v.status, v.credential])).toEqual([
      ['losant', 'valid', { from: 'profile command', name: 'prod' }],
      ['instana', 'valid', { from: 'environment', name: 'INSTANA_API_TOKEN' }],
    ]);
    const human = await runCli(['auth', 'status'], { env });
    expect(human.stdout).toContain('profile: prod\n');
    expect(human.stdout).toContain('credential: profile command (prod)');
  });

  it('--token-stdin beats the profile: its credentialCommand never runs, its url still counts', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'tokenkit-marker-')), 'ran');
    const home = configHome(
      `profiles:\n  p:\n    losant: { url: "${mock.url}", credentialCommand: "touch ${marker}; exit 1" }\n`,
    );
    const result = await runCli(['--profile', 'p', ...listUser, '--token-stdin'], {
      env: { XDG_CONFIG_HOME: home },
      input: mock.losant.accessToken,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('a literal credential is refused in a file others may read, without echoing it; 0600 is used', async () => {
    const text = `profiles:\n  file:\n    losant: { url: "${mock.url}", credential: "${mock.losant.accessToken}" }\n`;
    const open = configHome(text, 0o644);
    const refused = await runCli(['--profile', 'file', ...listUser], {
      env: { XDG_CONFIG_HOME: open },
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      `${join(open, 'tokenkit', 'config.yaml')} holds a credential but others may read it (mode 0644)`,
    );
    expect(refused.stderr).toContain('chmod 600');
    expect(leakedSecrets(refused, [mock.losant.accessToken])).toEqual([]);
    const closed = configHome(text, 0o600);
    const used = await runCli(['--profile', 'file', 'auth', 'status', '--json'], {
      env: { XDG_CONFIG_HOME: closed },
    });
    expect(used.code, used.stderr).toBe(0);
    const losant = json<{ vendors: { credential: unknown }[] }>(used).vendors[0];
    expect(losant?.credential).toEqual({
      from: 'profile file',
      name: join(closed, 'tokenkit', 'config.yaml'),
    });
    expect(leakedSecrets(used, [mock.losant.accessToken])).toEqual([]);
  });

  it('an unknown profile is a usage error naming it, with the closest name', async () => {
    const home = configHome(prodProfile());
    const typo = await runCli(['--profile', 'prdo', ...listUser], {
      env: { XDG_CONFIG_HOME: home },
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown profile "prdo" (--profile)');
    expect(typo.stderr).toContain('did you mean prod?');
    const missing = await runCli(listUser, {
      env: {
        XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'tokenkit-empty-')),
        TOKENKIT_PROFILE: 'x',
      },
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /TOKENKIT_PROFILE names profile "x", but .*config\.yaml does not exist/,
    );
  });

  it('a file that is not the documented shape is refused by where, never by value', async () => {
    const secret = 'do-not-echo-0123456789';
    const typo = configHome(`profiles:\n  prod:\n    losant: { credentail: "${secret}" }\n`);
    const result = await runCli(['--profile', 'prod', ...listUser], {
      env: { XDG_CONFIG_HOME: typo },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('profiles.prod.losant');
    expect(result.stderr).toContain('credentail');
    const broken = configHome(`profiles:\n  prod: [\n    "${secret}"\n`);
    const yaml = await runCli(['--profile', 'prod', ...listUser], {
      env: { XDG_CONFIG_HOME: broken },
    });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/config\.yaml is not valid YAML/);
    expect(leakedSecrets(result, [secret])).toEqual([]);
    expect(leakedSecrets(yaml, [secret])).toEqual([]);
  });

  it('a failing credentialCommand is a clear error that never shows its output', async () => {
    const leaked = 'half-a-secret-0123456789';
    const home = configHome(
      `profiles:\n  ci:\n    losant: { url: "${mock.url}", credentialCommand: "echo ${leaked}; echo ${leaked} >&2; exit 7" }\n`,
    );
    const result = await runCli(['--profile', 'ci', ...listUser], {
      env: { XDG_CONFIG_HOME: home },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'the credentialCommand of profile "ci" (losant) failed (exit 7)',
    );
    expect(leakedSecrets(result, [leaked])).toEqual([]);
    const empty = configHome(
      `profiles:\n  ci:\n    losant: { url: "${mock.url}", credentialCommand: "true" }\n`,
    );
    const nothing = await runCli(['--profile', 'ci', ...listUser], {
      env: { XDG_CONFIG_HOME: empty },
    });
    expect(nothing.stderr).toContain('(losant) printed nothing');
  });

  it('a credentialCommand that hangs is stopped at credentialCommandTimeout, with what it started', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'tokenkit-pid-')), 'pid');
    const home = configHome(
      `credentialCommandTimeout: 1s\nprofiles:\n  slow:\n    losant: { credentialCommand: "sleep 60 & echo $! > ${pidFile}; wait" }\n`,
    );
    const result = await runCli(['--profile', 'slow', ...listUser], {
      env: { XDG_CONFIG_HOME: home },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('(losant) did not finish within 1s');
    expect(running(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it("auth status shows each vendor when the other one's credentialCommand fails", async () => {
    const home = configHome(`profiles:
  half:
    losant: { url: "${mock.url}", credentialCommand: "cat ${secretFile(mock.losant.accessToken)}" }
    instana: { baseUrl: "${mock.url}", credentialCommand: "exit 1" }
`);
    const result = await runCli(['--profile', 'half', 'auth', 'status', '--json'], {
      env: { XDG_CONFIG_HOME: home },
    });
    expect(result.code).toBe(3);
    const vendors = json<{ vendors: { status: string; error?: string }[] }>(result).vendors;
    expect(vendors.map((vendor) => vendor.status)).toEqual(['valid', 'error']);
    expect(vendors[1]?.error).toContain('the credentialCommand of profile "half" (instana) failed');
  });
});
