import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, json, losantEnv, processTimeout, runCli } from './run-cli.js';

// The audit runs in a Worker (src/audit/off-thread.ts): what happens to that thread must reach
// the person as it would from the command's own thread.
describe('tokenkit audit on its own thread', processTimeout, () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
    mock.store.losant.addApplications(200, { tokensEach: 30 });
  });
  afterAll(() => mock.close());

  it('a thread that runs out of memory ends the run with one error line and exit 1', async () => {
    // Node's heap limit holds for every thread: 6,000 tokens' findings cannot fit in 8 MiB.
    const result = await runCli(['audit', '--all-applications', '--json'], {
      env: losantEnv(mock),
      nodeArgs: ['--max-old-space-size=8'],
    });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe(
      'error: Worker terminated due to reaching memory limit: JS heap out of memory\n',
    );
    expect(json(result)).toEqual({
      failed: true,
      exitCode: 1,
      error: 'Worker terminated due to reaching memory limit: JS heap out of memory',
    });
  });

  it('Ctrl-C ends the run at once, as it did on one thread: killed by SIGINT, no report', async () => {
    mock.faults.latency({ ms: 200 });
    try {
      const child = spawn(process.execPath, [bin, 'audit', '--all-applications', '--json'], {
        env: { PATH: process.env.PATH, ...losantEnv(mock) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      const closed = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('close', (_code, signal) => resolve(signal)),
      );
      const before = mock.requests.length;
      while (mock.requests.length === before) await sleep(10);
      child.kill('SIGINT');
      expect(await closed).toBe('SIGINT');
      expect(stdout).toBe('');
    } finally {
      mock.faults.clear();
    }
  });
});
