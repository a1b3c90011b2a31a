import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useRotateFixture } from './rotate-fixture.js';
import { instanaEnv, losantEnv, processTimeout, type RunResult, startCli } from './run-cli.js';

// Issue 22, item 1, for `create`: the shown-once secret is a delivery too. When stdout does not
// take it (a closed pipe, a full disk), the token whose secret nobody holds is deleted, exit 1.
const fx = useRotateFixture((mock) => ({ ...losantEnv(mock), ...instanaEnv(mock) }));

let made = 0;

async function toDevFull(args: string[]): Promise<RunResult> {
  const fd = openSync('/dev/full', 'w');
  try {
    return await startCli(args, { env: fx.env, stdout: fd }).done;
  } finally {
    closeSync(fd);
  }
}

const toClosedPipe = (args: string[]) => startCli(args, { env: fx.env, stdout: 'closed' }).done;

describe.concurrent('tokens create when stdout does not take the secret', processTimeout, () => {
  it.each([
    ['Losant, a closed pipe', toClosedPipe, 'EPIPE', []],
    ['Losant, --json > /dev/full', toDevFull, 'ENOSPC', ['--json']],
  ] as const)('%s: the token is deleted, exit 1', async (_, run, code, extra) => {
    const name = `create-lost-${++made}`;
    const result = await run([
      'losant',
      'tokens',
      'create',
      '--user',
      '--name',
      name,
      '--scope',
      'all.User',
      ...extra,
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `delivery failed; the new token \\w+ was deleted, nothing changed \\(cannot write the secret to stdout: ${code}\\)`,
      ),
    );
    expect(fx.mock.store.losant.list('user').filter((token) => token.name === name)).toEqual([]);
  });

  it.each([
    ['Instana, > /dev/full', toDevFull, 'ENOSPC'],
    ['Instana, a closed pipe', toClosedPipe, 'EPIPE'],
  ] as const)('%s: the token is deleted, exit 1', async (_, run, code) => {
    const name = `create-lost-${++made}`;
    const result = await run([
      'instana',
      'tokens',
      'create',
      '--name',
      name,
      '--permission',
      'canViewLogs',
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `Creating Instana API token: delivery failed; the new token \\S+ was deleted, nothing changed \\(cannot write the secret to stdout: ${code}\\)`,
      ),
    );
    expect(fx.mock.store.instana.list().filter((token) => token.name === name)).toEqual([]);
  });
});
