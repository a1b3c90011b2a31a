import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-options.js';
import { createFaults } from '../src/faults.js';

// The bin is tested as built (turbo's `test` task depends on `build`).
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/**
 * Spawns the bin; `exit` is listened for at once so a fast exit is never missed, and
 * `errorOutput()` tells what went wrong when an assertion fails.
 */
function run(args: string[]) {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    [BIN, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += String(chunk);
  });
  return Object.assign(child, { exit: once(child, 'exit'), errorOutput: () => errors });
}

async function firstLine(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}

describe('tokenkit-mock', () => {
  it('prints url and credentials as JSON, serves them, applies fault flags, exits 0 on SIGTERM', async () => {
    const child = run([
      '--json',
      '--seed',
      'bin',
      '--fail-next',
      '1',
      '--status',
      '503',
      '--route',
      'userApiTokens.get',
      '--applications',
      '3',
      '--tokens-per-application',
      '2',
    ]);
    const line = await firstLine(child.stdout);
    expect(line, child.errorOutput()).not.toBe('');
    const info = JSON.parse(line) as {
      url: string;
      losant: { accessToken: string; applicationId: string };
      instana: { apiToken: string };
    };
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const headers = { authorization: `Bearer ${info.losant.accessToken}` };
    expect((await fetch(`${info.url}/me/tokens`, { headers })).status).toBe(503);
    expect((await fetch(`${info.url}/me/tokens`, { headers })).status).toBe(200);
    const applications = (await (
      await fetch(`${info.url}/applications?sortField=id`, { headers })
    ).json()) as { totalCount: number; items: { summary: { apiTokenCount: number } }[] };
    // The three asked for, plus the seeded application (which has no tokens).
    expect(applications.totalCount).toBe(4);
    expect(applications.items.map((app) => app.summary.apiTokenCount).sort()).toEqual([0, 2, 2, 2]);
    const instana = await fetch(`${info.url}/api/settings/api-tokens`, {
      headers: { authorization: `apiToken ${info.instana.apiToken}` },
    });
    expect(instana.status).toBe(404);
    child.kill('SIGTERM');
    const [code] = await child.exit;
    expect(code).toBe(0);
  });

  it('prints a human summary with the environment variables, and stops on SIGINT', async () => {
    const child = run(['--port', '0']);
    let text = '';
    for await (const chunk of child.stdout) {
      text += String(chunk);
      if (text.includes('Ctrl+C')) break;
    }
    expect(text, child.errorOutput()).toMatch(/LOSANT_API_URL=http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('LOSANT_ACCESS_TOKEN=');
    expect(text).toContain('INSTANA_API_TOKEN=');
    child.kill('SIGINT');
    const [code] = await child.exit;
    expect(code).toBe(0);
  });

  it('prints usage for --help and exits 2 on a bad flag', async () => {
    const help = run(['--help']);
    expect(await firstLine(help.stdout)).toBe('Usage: tokenkit-mock [options]');
    expect((await help.exit)[0]).toBe(0);
    const bad = run(['--port', 'eighty']);
    expect((await bad.exit)[0]).toBe(2);
    expect(bad.errorOutput()).toContain('--port must be a non-negative integer');
  });
});

describe('parseCliArgs', () => {
  it('maps server flags to options', () => {
    const request = parseCliArgs([
      '--port',
      '8080',
      '--host',
      '0.0.0.0',
      '--rate-limit',
      '10',
      '--seed',
      's',
    ]);
    expect(request).toMatchObject({
      kind: 'run',
      json: false,
      options: { port: 8080, host: '0.0.0.0', instanaRateLimit: 10, seed: 's' },
    });
  });

  it('turns fault flags into faults on the targeted route and method', () => {
    const request = parseCliArgs([
      '--route',
      '/me/tokens',
      '--method',
      'GET',
      '--latency',
      '25',
      '--drop-next',
      '1',
      '--drop-when',
      'mid-body',
      '--truncate-next',
      '1',
      '--invalid-json-next',
      '1',
      '--html-error-next',
      '1',
      '--html-status',
      '504',
      '--fail-next',
      '1',
      '--status',
      '429',
      '--retry-after',
      '2',
      '--rate-limit-reset',
      '1900000000',
    ]);
    if (request.kind !== 'run') throw new Error('expected run');
    const faults = createFaults();
    request.applyFaults(faults);
    const hit = { method: 'GET', path: '/me/tokens', operation: 'userApiTokens.get' };
    const miss = { method: 'POST', path: '/me/tokens', operation: 'userApiTokens.post' };
    expect(faults.latencyFor(hit)).toBe(25);
    expect(faults.latencyFor(miss)).toBe(0);
    expect(faults.take(miss)).toBeUndefined();
    expect([
      faults.take(hit),
      faults.take(hit),
      faults.take(hit),
      faults.take(hit),
      faults.take(hit),
      faults.take(hit),
    ]).toEqual([
      { kind: 'fail', status: 429, retryAfter: '2', rateLimitReset: 1_900_000_000 },
      { kind: 'drop-mid-body' },
      { kind: 'truncate' },
      { kind: 'invalid-json' },
      { kind: 'html-error', status: 504 },
      undefined,
    ]);
  });

  it('rejects unknown flags and bad values', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow();
    expect(() => parseCliArgs(['--drop-next', '1', '--drop-when', 'later'])).toThrow(/--drop-when/);
    expect(() => parseCliArgs(['--latency', '-5'])).toThrow();
    expect(() => parseCliArgs(['--tokens-per-application', '2'])).toThrow(/--applications/);
    expect(() => parseCliArgs(['--applications', 'many'])).toThrow(/--applications/);
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
  });
});
