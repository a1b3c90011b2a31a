import { describe, expect, it } from 'vitest';
import { processTimeout, runCli } from './run-cli.js';

const commands = [
  ['losant'],
  ['losant', 'tokens'],
  ['losant', 'tokens', 'list'],
  ['losant', 'tokens', 'get'],
  ['losant', 'tokens', 'create'],
  ['losant', 'tokens', 'update'],
  ['losant', 'tokens', 'delete'],
  ['losant', 'scopes'],
  ['instana'],
  ['instana', 'tokens'],
  ['instana', 'tokens', 'list'],
  ['instana', 'tokens', 'get'],
  ['instana', 'tokens', 'create'],
  ['instana', 'tokens', 'update'],
  ['instana', 'tokens', 'delete'],
  ['instana', 'permissions'],
  ['plan'],
  ['apply'],
  ['import'],
  ['auth', 'status'],
  ['completion'],
  ['demo'],
];

/** The description: the lines between "Usage:" and the first section heading. */
function description(help: string): string {
  const [, ...rest] = help.split('\n');
  const end = rest.findIndex((line) => /^(Options|Arguments|Commands):/.test(line));
  return rest.slice(0, end).join(' ').trim();
}

describe.concurrent('help', processTimeout, () => {
  it.each(commands)(
    '%s … has a description, and `tokenkit help` shows the same',
    async (...path) => {
      const direct = await runCli([...path, '--help']);
      expect(direct.code, direct.stderr).toBe(0);
      expect(description(direct.stdout).length).toBeGreaterThan(10);
      const viaHelp = await runCli(['help', ...path]);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toBe(direct.stdout);
    },
  );

  it('every command in a group listing has a summary', async () => {
    for (const path of [[], ['losant'], ['losant', 'tokens'], ['instana'], ['instana', 'tokens']]) {
      const result = await runCli([...path, '--help']);
      const listing = result.stdout.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
      for (const line of listing.split('\n').filter((text) => /^ {2}\S/.test(text))) {
        expect(line, `${path.join(' ')}: ${line}`).toMatch(/^ {2}\S.*\s{2,}\S/);
      }
    }
  });

  it('an unknown help topic is a usage error (exit 2)', async () => {
    const result = await runCli(['help', 'losant', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no help topic "losant nope"');
    expect(result.stdout).toBe('');
  });

  it('a group alone prints its help on stdout and exits 0, as tokenkit alone does', async () => {
    for (const path of [['losant'], ['instana', 'tokens']]) {
      const result = await runCli(path);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: tokenkit ${path.join(' ')}`);
      expect(result.stderr).toBe('');
    }
  });

  it('wraps descriptions whole: no line over 80 columns, no sentence broken by a hard newline', async () => {
    const result = await runCli(['demo', '--help']);
    const lines = result.stdout.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(description(result.stdout).replace(/\s+/g, ' ')).toContain(
      "on 127.0.0.1 and runs tokenkit's own commands against it: create, list with pagination, rotate with --exec, update, audit, delete.",
    );
  });
});
