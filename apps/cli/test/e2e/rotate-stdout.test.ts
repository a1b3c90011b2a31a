import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useRotateFixture } from './rotate-fixture.js';
import { bin, instanaEnv, processTimeout, type RunResult, startCli } from './run-cli.js';

// Issue 22, item 1: stdout is a delivery like any other. The secret is written (and the write
// confirmed) before the old token is revoked; a write that fails is a failed delivery.
const fx = useRotateFixture(instanaEnv);

let seeded = 0;

function seedOld() {
  const [old] = fx.mock.store.instana.add([
    { name: `stdout-${++seeded}`, canConfigureApiTokens: true },
  ]);
  return old!;
}

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

/** `tokenkit … | true` in bash, with tokenkit's own exit code. */
function pipedToTrue(args: string[]): Promise<RunResult> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash script, not a template.
  const script = '"$@" | true; exit "${PIPESTATUS[0]}"';
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bash', process.execPath, bin, ...args], {
      env: { PATH: process.env.PATH, ...fx.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
  });
}

/** Runs `tokenkit …` with stdout on `/dev/full`. */
async function toDevFull(args: string[]): Promise<RunResult> {
  const fd = openSync('/dev/full', 'w');
  try {
    return await startCli(args, { env: fx.env, stdout: fd }).done;
  } finally {
    closeSync(fd);
  }
}

describe.concurrent('tokens rotate delivering on stdout', processTimeout, () => {
  it.each<[string, (args: string[]) => Promise<RunResult>, string[], string]>([
    ['--json | true', pipedToTrue, ['--json'], 'EPIPE'],
    [
      'a pipe closed before the write',
      (a) => startCli(a, { env: fx.env, stdout: 'closed' }).done,
      [],
      'EPIPE',
    ],
    ['> /dev/full', toDevFull, [], 'ENOSPC'],
    ['--json > /dev/full', toDevFull, ['--json'], 'ENOSPC'],
  ])(
    '%s: exit 1, the replacement deleted, the old token untouched',
    async (_, run, extra, code) => {
      const old = seedOld();
      const result = await run(['instana', 'tokens', 'rotate', old.internalId, '--yes', ...extra]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`cannot write the secret to stdout: ${code}`);
      expect(result.stderr).toMatch(
        new RegExp(
          `the replacement \\S+ was deleted; the old token ${old.internalId} is untouched`,
        ),
      );
      expect(named(old.name)).toEqual([old]);
      expect(await authenticates(old.accessGrantingToken)).toBe(true);
    },
  );

  it('a closed stdout (>&-) is refused before anything is created', async () => {
    const old = seedOld();
    const result = await new Promise<RunResult>((resolve, reject) => {
      const args = ['instana', 'tokens', 'rotate', old.internalId, '--yes'];
      const child = spawn('bash', ['-c', '"$@" >&-', 'bash', process.execPath, bin, ...args], {
        env: { PATH: process.env.PATH, ...fx.env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('stdout is closed or /dev/null');
    expect(named(old.name)).toEqual([old]);
  });

  it('prints the secret before the summary, which says it was printed above', async () => {
    const old = seedOld();
    const result = await startCli(['instana', 'tokens', 'rotate', old.internalId, '--yes'], {
      env: fx.env,
    }).done;
    expect(result.code, result.stderr).toBe(0);
    const [secretLine, summary] = result.stdout.split('\n');
    expect(secretLine).toMatch(/^Token \(shown once, store it now\): \S+$/);
    expect(summary).toContain('Rotated Instana API token');
    expect(result.stdout).toContain('new secret: printed above, once');
    const secret = secretLine!.split(': ')[1]!;
    expect(await authenticates(secret)).toBe(true);
    expect(await authenticates(old.accessGrantingToken)).toBe(false);
  });
});
