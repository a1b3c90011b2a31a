import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bin,
  losantEnv,
  objectId,
  processTimeout,
  type RunResult,
  runCli,
  runInTerminal,
  scriptPath,
} from './run-cli.js';

const tracer = fileURLToPath(new URL('./fixtures/trace-imports.mjs', import.meta.url));

function resolvedModules(result: RunResult): string[] {
  const line = result.stderr.split('\n').find((text) => text.startsWith('[resolved] '));
  if (!line) throw new Error(`no module trace in stderr:\n${result.stderr}`);
  return JSON.parse(line.slice('[resolved] '.length)) as string[];
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

describe.concurrent('tokenkit, the program', processTimeout, () => {
  it('--help lists every command, the credentials and the exit codes, and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const text of [
      'losant',
      'instana',
      'audit',
      'demo',
      'LOSANT_ACCESS_TOKEN',
      'INSTANA_BASE_URL',
      '--token-stdin',
      '2 usage',
      '3 authentication',
    ]) {
      expect(result.stdout).toContain(text);
    }
    expect(result.stderr).toBe('');
  });

  it('with no arguments prints the help and exits 0', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: tokenkit');
  });

  it('--help loads neither the vendor packages, zod, cli-table3, picocolors nor the mock server', async () => {
    const result = await runCli(['--help'], { nodeArgs: ['--import', tracer] });
    expect(result.code).toBe(0);
    const modules = resolvedModules(result);
    expect(modules.some((url) => url.includes('commander'))).toBe(true);
    for (const heavy of [
      '@tokenkit',
      '/packages/',
      'zod',
      'cli-table3',
      'picocolors',
      'mock-server',
      '/ky',
    ]) {
      expect(modules.filter((url) => url.includes(heavy))).toEqual([]);
    }
  });

  it('loads a vendor package only for its own commands', async () => {
    const result = await runCli(['instana', 'permissions', '--json'], {
      nodeArgs: ['--import', tracer],
    });
    expect(result.code, result.stderr).toBe(0);
    const modules = resolvedModules(result);
    expect(modules.some((url) => url.includes('/packages/instana/'))).toBe(true);
    expect(modules.some((url) => url.includes('/packages/losant/'))).toBe(false);
    expect(modules.some((url) => url.includes('/packages/mock-server/'))).toBe(false);
  });

  it('every subcommand has help', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--help']);
    expect(result.code).toBe(0);
    for (const option of [
      '--instance <id>',
      '--application <id>',
      '--user',
      '--sort-field',
      '--sort-direction',
      '--filter-field',
      '--filter',
      '--page',
      '--per-page',
      '--all',
      '--json',
      '--token-stdin',
    ]) {
      expect(result.stdout).toContain(option);
    }
    const create = await runCli(['instana', 'tokens', 'create', '--help']);
    expect(create.stdout).toContain('--permission <name>');
    expect(create.stdout).toContain('--permissions-file <file>');
  });

  it('--version prints the version of tokenkit and of the SDK packages it runs on', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tokenkit \d+\.\d+\.\d+/);
    for (const name of ['@tokenkit/losant', '@tokenkit/instana', '@tokenkit/core']) {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^  ${name} \\d+\\.\\d+\\.\\d+$`)),
      );
    }
    expect(lines.at(-1)).toBe(`  node ${process.versions.node}`);
  });

  it.each([
    [['lossant'], /unknown command 'lossant'[\s\S]*Did you mean losant\?/],
    [['losant', 'tokens', 'list', '--usr'], /unknown option '--usr'[\s\S]*Did you mean --user\?/],
    [['losant', 'tokens', 'get'], /give the token's id, or its name with --name/],
    [['losant', 'tokens', 'list', '--user', 'extra'], /too many arguments/],
    [['losant', 'bogus'], /unknown command 'bogus'/],
  ])('a usage mistake exits 2: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('never takes a token as a flag value', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--user', '--token', 'abc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--token'");
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off, pipes plain', async () => {
    const args = ['losant', 'tokens', 'list'];
    const plain = await runCli(args);
    expect(plain.stderr).toBe(
      'error: say whose tokens: --instance ID, --application ID or --user\n',
    );
    const forced = await runCli(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\u001b[31m');
    const noColor = await runCli(args, { env: { NO_COLOR: '1' } });
    expect(noColor.stderr).not.toContain('\u001b[');
    const flag = await runCli([...args, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(flag.stderr).not.toContain('\u001b[');
  });

  it('colours a table when forced', async () => {
    const result = await runCli(['losant', 'tokens', 'list', '--user'], {
      env: { ...losantEnv(mock), FORCE_COLOR: '1' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr + result.stdout).toContain('\u001b[');
  });

  it('demo runs the whole lifecycle with no credentials and exits 0', async () => {
    const result = await runCli(['demo']);
    expect(result.code, result.stderr).toBe(0);
    const steps = result.stdout.split('\n').filter((line) => /^\d\. /.test(line));
    expect(steps).toEqual([
      '1. Losant: create an application token that expires',
      '2. Losant: list 251 tokens, one page and then --all',
      '3. Losant: rotate it, handing the new secret to a command on its stdin',
      '4. Losant: deactivate the token (scopes and expiry are fixed at creation)',
      '5. Instana: create an API token from permission flags',
      '6. Instana: revoke a permission and rename',
      '7. Audit both vendors: expired, expiring, inactive, never-expiring, over-broad',
      '8. Declare tokens in a file: plan, apply, plan again (no changes)',
      '9. Clean up: delete both tokens',
    ]);
    const declared = result.stdout.slice(
      result.stdout.indexOf('\n8. '),
      result.stdout.indexOf('\n9. '),
    );
    expect(declared).toContain('Plan: 2 to create,');
    expect(declared).toContain('Apply complete: 2 applied.');
    expect(declared).toContain('No changes. The live tokens match the tokens file.');
    // Step 3 rotates with --exec: the command's count of the secret shows, the secret does not
    // (step 1's create prints its own secret once, as create does).
    const rotation = result.stdout.slice(
      result.stdout.indexOf('\n3. '),
      result.stdout.indexOf('\n4. '),
    );
    expect(rotation).toMatch(
      /\$ tokenkit losant tokens rotate \w+ --application \w+ --exec 'wc -c' --yes/,
    );
    expect(rotation).toContain('new secret: sent to the --exec command on its stdin');
    expect(rotation).toContain('old token:  deleted');
    expect(rotation).toMatch(/^\s+\d{2,}$/m);
    expect(rotation).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(result.stdout).toContain('251 of 251 tokens (3 pages)');
    expect(result.stdout).toContain('$ tokenkit losant tokens list --application');
    expect(result.stdout).toMatch(/critical\s+over-broad/);
    expect(result.stdout).toMatch(/✓ Done in [\d.]+s, \d+ API calls\./);
    expect(result.stderr).toBe('');
  });
});

// The machine's own Node, when it is older than the CLI supports (this repo's dev box has v20).
const oldNode = ['/usr/bin/node', '/bin/node'].find((path) => {
  if (!existsSync(path)) return false;
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
  return major < 22 || (major === 22 && minor < 12);
});

describe.skipIf(!oldNode)('on an older Node', processTimeout, () => {
  it('says which Node it needs instead of failing on an import', async () => {
    const result = spawnSync(oldNode!, [bin, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^tokenkit needs Node\.js 22\.12 or newer; this is v\d+/);
  });
});

describe.skipIf(!scriptPath)('delete at a terminal', processTimeout, () => {
  it('asks first: "n" keeps the token and exits 4 (cancelled), "y" deletes it', async () => {
    const [token] = mock.store.losant.add('user', [{ name: 'asked-about' }]);
    const args = ['losant', 'tokens', 'delete', token!.id, '--user'];
    const kept = await runInTerminal(args, { env: losantEnv(mock), answer: 'n\n' });
    expect(kept.code).toBe(4);
    expect(kept.stdout).toContain(
      `Delete your user token "asked-about" (${token!.id})? This cannot be undone. [y/N]`,
    );
    expect(kept.stdout).toContain('Cancelled: nothing was deleted.');
    expect(mock.store.losant.get('user', token!.id)).toBeDefined();
    const deleted = await runInTerminal(args, { env: losantEnv(mock), answer: 'y\n' });
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain(`Deleted token ${token!.id}`);
    expect(mock.store.losant.get('user', token!.id)).toBeUndefined();
  });

  it('Ctrl-C at the question keeps the token and exits 4', async () => {
    const [token] = mock.store.losant.add('user', [{ name: 'interrupted' }]);
    const result = await runInTerminal(['losant', 'tokens', 'delete', token!.id, '--user'], {
      env: losantEnv(mock),
      answer: '\u0003',
    });
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('Cancelled: nothing was deleted.');
    expect(mock.store.losant.get('user', token!.id)).toBeDefined();
  });

  it('--all draws a progress line on a terminal', async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, 250);
    const result = await runInTerminal(
      ['losant', 'tokens', 'list', '--application', applicationId, '--all', '--json'],
      { env: losantEnv(mock), answer: '' },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Fetching tokens… 100 of 250');
    expect(result.stdout).toContain('Fetching tokens… 250 of 250');
  });
});
