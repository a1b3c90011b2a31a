import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captured, capturingCommand, scratchDir, useRotateFixture } from './rotate-fixture.js';
import { leakedSecrets, losantEnv, processTimeout, runCli } from './run-cli.js';

// Issue 22, item 3: the --exec command's environment holds no credential of either vendor
// (nor one tokenkit was given on stdin), names the replacement in TOKENKIT_TOKEN_ID and
// TOKENKIT_TOKEN_NAME, and both vendors' credentials are scrubbed from its output.
const fx = useRotateFixture(losantEnv);

const instanaCredential = 'instana-credential-0123456789abcdef';

let seeded = 0;

function seedOld() {
  const [old] = fx.mock.store.losant.add('user', [
    { name: `env-${++seeded}`, scope: ['all.User'] },
  ]);
  return old!;
}

/** The variables in `env -0`-less `env` output, as a map. */
function variables(envText: string): Map<string, string> {
  return new Map(
    envText
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe.concurrent('tokens rotate --exec environment', processTimeout, () => {
  it("holds neither vendor's credential; names the replacement; scrubs both from its output", async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'env-');
    const credentials = join(dir, 'credentials');
    await writeFile(credentials, `${fx.mock.losant.accessToken}\n${instanaCredential}\n`);
    // The command prints both credentials, as a misconfigured vault CLI might.
    const command = `${capturingCommand(dir)}; cat ${credentials}`;
    const env = {
      ...fx.env,
      INSTANA_API_TOKEN: instanaCredential,
      INSTANA_BASE_URL: 'https://unit-tenant.instana.io',
    };
    const result = await runCli(
      ['losant', 'tokens', 'rotate', old.id, '--user', '--exec', command, '--yes'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const seen = variables((await captured(dir)).env);
    expect(seen.has('LOSANT_ACCESS_TOKEN')).toBe(false);
    expect(seen.has('INSTANA_API_TOKEN')).toBe(false);
    const replacement = fx.mock.store.losant
      .list('user')
      .find((token) => token.name === old.name && token.id !== old.id);
    expect(seen.get('TOKENKIT_TOKEN_ID')).toBe(replacement?.id);
    expect(seen.get('TOKENKIT_TOKEN_NAME')).toBe(old.name);
    expect(seen.get('LOSANT_API_URL')).toBe(fx.mock.url);
    expect(result.stderr).toContain('[redacted]\n[redacted]\n');
    expect(leakedSecrets(result, [fx.mock.losant.accessToken, instanaCredential])).toEqual([]);
  });

  it('holds no variable carrying the credential given with --token-stdin', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'stdin-');
    const { accessToken } = fx.mock.losant;
    const result = await runCli(
      [
        'losant',
        'tokens',
        'rotate',
        old.id,
        '--user',
        '--token-stdin',
        '--exec',
        capturingCommand(dir),
        '--yes',
      ],
      {
        env: { LOSANT_API_URL: fx.mock.url, DEPLOY_TOKEN_COPY: accessToken },
        input: `${accessToken}\n`,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const { env } = await captured(dir);
    expect(env).not.toContain(accessToken);
    expect(variables(env).has('DEPLOY_TOKEN_COPY')).toBe(false);
  });
});
