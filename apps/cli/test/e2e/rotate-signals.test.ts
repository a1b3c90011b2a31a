import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProxy } from './hostile-proxy.js';
import { scratchDir, useRotateFixture } from './rotate-fixture.js';
import { instanaEnv, processTimeout, runCli, startCli } from './run-cli.js';

// Issue 22, item 2: a signal during a rotation ends the --exec command's whole process group,
// deletes the replacement (its secret was not delivered), leaves the old token as it was, says
// so in one line and exits 128 + the signal's number; --exec-timeout ends a hung command.
const fx = useRotateFixture(instanaEnv);

let seeded = 0;

function seedOld() {
  const [old] = fx.mock.store.instana.add([
    { name: `signal-${++seeded}`, canConfigureApiTokens: true },
  ]);
  return old!;
}

function named(name: string) {
  return fx.mock.store.instana.list().filter((token) => token.name === name);
}

/** Whether a process runs (a zombie, dead but not yet reaped, does not). */
function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').split(') ')[1]?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

/** A command that reads the secret, starts a `sleep` in its group, says so and waits. */
function hangingCommand(dir: string): string {
  return `cat > /dev/null; sleep 600 & echo $! > ${dir}/sleep.pid; echo started; wait`;
}

describe.concurrent('tokens rotate interrupted by a signal', processTimeout, () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    '%s during --exec: the command group ended, the replacement deleted, exit %i',
    async (signal, code) => {
      const old = seedOld();
      const dir = await scratchDir(fx, 'signal-');
      const args = [
        'instana',
        'tokens',
        'rotate',
        old.internalId,
        '--exec',
        hangingCommand(dir),
        '--yes',
      ];
      const cli = startCli(args, { env: fx.env });
      await cli.stderrShows('started\n');
      cli.child.kill(signal);
      const result = await cli.done;
      expect(result.code, result.stderr).toBe(code);
      const lines = result.stderr.split('started\n')[1]!.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^interrupted by ${signal}: the replacement \\S+ was deleted; the old token ${old.internalId} is untouched$`,
        ),
      );
      const sleepPid = Number(await readFile(join(dir, 'sleep.pid'), 'utf8'));
      expect(running(sleepPid)).toBe(false);
      expect(named(old.name)).toEqual([old]);
    },
  );

  it('SIGTERM while the replacement is being created: it is deleted once created', async () => {
    const old = seedOld();
    let release: () => void = () => undefined;
    let arrived: () => void = () => undefined;
    const createArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const proxy = await startProxy(fx.mock.url, {
      beforeRequest: (request) =>
        request.method === 'POST'
          ? new Promise<void>((resolve) => {
              release = resolve;
              arrived();
            })
          : undefined,
    });
    try {
      const dir = await scratchDir(fx, 'create-');
      const command = `cat > ${dir}/secret; sleep 600`;
      const args = ['instana', 'tokens', 'rotate', old.internalId, '--exec', command, '--yes'];
      const cli = startCli(args, { env: { ...fx.env, INSTANA_BASE_URL: proxy.url } });
      await createArrived;
      cli.child.kill('SIGTERM');
      // Whenever tokenkit handles the signal, before or during the delivery, the outcome is
      // the same: the replacement goes, the old token stays.
      release();
      const result = await cli.done;
      expect(result.code, result.stderr).toBe(143);
      expect(result.stderr).toMatch(/interrupted by SIGTERM: the replacement \S+ was deleted/);
      expect(named(old.name)).toEqual([old]);
    } finally {
      await proxy.close();
    }
  });

  it('--exec-timeout ends a hung command as a failed delivery', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'timeout-');
    const result = await runCli(
      [
        'instana',
        'tokens',
        'rotate',
        old.internalId,
        '--exec',
        hangingCommand(dir),
        '--exec-timeout',
        '1s',
        '--yes',
      ],
      { env: fx.env },
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      'the --exec command did not finish within about 1 second (--exec-timeout)',
    );
    expect(result.stderr).toMatch(/the replacement \S+ was deleted/);
    // On a very busy machine the limit may pass before the command started its sleep.
    const sleepPid = await readFile(join(dir, 'sleep.pid'), 'utf8').catch(() => undefined);
    if (sleepPid !== undefined) expect(running(Number(sleepPid))).toBe(false);
    expect(named(old.name)).toEqual([old]);
  });

  it('refuses a malformed --exec-timeout, or one without --exec, before anything is created', async () => {
    const old = seedOld();
    const bad = await runCli(
      [
        'instana',
        'tokens',
        'rotate',
        old.internalId,
        '--exec',
        'cat',
        '--exec-timeout',
        'soon',
        '--yes',
      ],
      { env: fx.env },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--exec-timeout must be a duration');
    const alone = await runCli(
      ['instana', 'tokens', 'rotate', old.internalId, '--exec-timeout', '5s', '--yes'],
      { env: fx.env },
    );
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--exec-timeout only applies to --exec');
    expect(named(old.name)).toEqual([old]);
  });
});
