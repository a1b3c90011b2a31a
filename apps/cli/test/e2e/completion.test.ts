import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allScopes } from '@tokenkit/schemas/losant';
import { beforeAll, describe, expect, it } from 'vitest';
import { processTimeout, runCli } from './run-cli.js';

const scripts: Record<string, string> = {};
beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await runCli(['completion', shell]);
    expect(result.code, result.stderr).toBe(0);
    scripts[shell] = result.stdout;
  }
}, 90_000);

/** What bash completes after `words` (the last one being typed), in `cwd`, with the real script. */
function bashCompletes(words: string[], cwd?: string): string[] {
  const program = `${scripts.bash}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_tokenkit; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', program], { encoding: 'utf8', cwd });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

const shell = (line: string) => ['tokenkit', ...line.split(' ')];

/** A shell's path when it is installed (bash always is; zsh and fish only where someone added them). */
const installed = (name: string) =>
  ['/usr/bin', '/bin', '/usr/local/bin'].map((dir) => join(dir, name)).find(existsSync);

/**
 * What zsh's `_tokenkit` offers for `line`: the generated function runs in a real zsh, with
 * compsys's offering functions replaced by ones that print what they were given (choosing among
 * them by prefix is compsys's work, not the script's).
 */
function zshOffers(line: string, cwd?: string): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'tokenkit-zsh-'));
  writeFileSync(join(folder, 'tokenkit.zsh'), scripts.zsh!);
  const program = `compdef() { :; }
source ${folder}/tokenkit.zsh
_describe() { local -a arr; arr=("\${(@P)\${@[-1]}}"); print -l -- \${arr%%:*}; }
compadd() { local -a arr; arr=("\${(@P)\${@[-1]}}"); print -l -- $arr; }
_files() { print -- '<files>'; }
_message() { print -- '<any>'; }
words=(\${(z)1}); [[ $1 == *' ' ]] && words+=('')
CURRENT=\${#words}
_tokenkit`;
  const result = spawnSync(installed('zsh')!, ['-f', '-c', program, 'zsh', line], {
    encoding: 'utf8',
    cwd,
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

/** What fish completes for `line` (`complete -C`), with the generated script: names only. */
function fishCompletes(line: string, cwd?: string): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'tokenkit-fish-'));
  writeFileSync(join(folder, 'tokenkit.fish'), scripts.fish!);
  const program = `source ${folder}/tokenkit.fish; complete -C ${JSON.stringify(line)}`;
  const result = spawnSync(installed('fish')!, ['--no-config', '-c', program], {
    encoding: 'utf8',
    cwd,
  });
  expect(result.stderr).toBe('');
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.split('\t')[0]!);
}

describe('completion scripts, from the command tree', processTimeout, () => {
  it('bash completes commands and flags, global flags after subcommands, skipping flag values', () => {
    expect(bashCompletes(shell('los'))).toEqual(['losant']);
    expect(bashCompletes(shell('losant '))).toEqual(['tokens', 'scopes']);
    expect(bashCompletes(shell('losant tokens list --app x --li'))).toEqual(['--limit']);
    expect(bashCompletes(shell('instana tokens create --perm'))).toEqual([
      '--permission',
      '--permissions-file',
    ]);
    // Global options work after any subcommand; a flag's value never counts as a command.
    expect(bashCompletes(shell('losant tokens list --prof'))).toEqual(['--profile']);
    expect(bashCompletes(shell('--timeout 10s losant '))).toEqual(['tokens', 'scopes']);
    expect(bashCompletes(shell('losant tokens get --application losant '))).toEqual([]);
  });

  it('bash completes values: formats, sort fields, shells, help topics, scopes and permissions', () => {
    expect(bashCompletes(shell('audit --format '))).toEqual([
      'table',
      'json',
      'markdown',
      'junit',
      'html',
    ]);
    expect(bashCompletes(shell('audit --fail-on c'))).toEqual(['critical']);
    expect(bashCompletes(shell('losant tokens list --sort-field exp'))).toEqual(['expirationDate']);
    expect(bashCompletes(shell('losant tokens list --sort-direction '))).toEqual(['asc', 'desc']);
    expect(bashCompletes(shell('completion '))).toEqual(['bash', 'zsh', 'fish']);
    expect(bashCompletes(shell('help '))).toContain('instana');
    expect(bashCompletes(shell('help losant tokens r'))).toEqual(['rotate']);
    expect(bashCompletes(shell('losant tokens create --scope all.App'))).toEqual(
      allScopes.filter((scope) => scope.startsWith('all.App')),
    );
    expect(bashCompletes(shell('instana tokens create --permission canConfigureApiT'))).toEqual([
      'canConfigureApiTokens',
    ]);
    // A free value (an id) completes to nothing rather than to commands.
    expect(bashCompletes(shell('losant tokens list --application '))).toEqual([]);
  });

  it('bash completes the --revoke modes each vendor has, and never offers hidden flags', () => {
    expect(bashCompletes(shell('losant tokens rotate x --revoke '))).toEqual([
      'delete',
      'deactivate',
      'keep',
    ]);
    expect(bashCompletes(shell('instana tokens rotate x --revoke '))).toEqual(['delete', 'keep']);
    expect(bashCompletes(shell('losant tokens update x --s'))).toEqual(['--status']);
  });

  it('bash completes file names after file flags, and only there', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tokenkit-completion-'));
    writeFileSync(join(folder, 'policy.json'), '{}');
    writeFileSync(join(folder, 'perms.txt'), '');
    expect(bashCompletes(shell('audit --policy pol'), folder)).toEqual(['policy.json']);
    expect(bashCompletes(shell('losant tokens rotate x --out pe'), folder)).toEqual(['perms.txt']);
    expect(
      bashCompletes(shell('instana tokens create --permissions-file p'), folder).sort(),
    ).toEqual(['perms.txt', 'policy.json']);
    expect(bashCompletes(shell('losant tokens list --filter pol'), folder)).toEqual([]);
  });

  it('zsh is native: compsys functions with descriptions, not bash under bashcompinit', () => {
    const zsh = scripts.zsh!;
    expect(zsh.startsWith('#compdef tokenkit\n')).toBe(true);
    expect(zsh).not.toContain('bashcompinit');
    expect(zsh).not.toContain('complete -F');
    expect(zsh).toContain("_describe -t commands 'command' entries");
    expect(zsh).toContain('@files) _files; return ;;');
    expect(zsh).toContain("'losant tokens') printf '%s\\n' 'list:List tokens");
    expect(zsh).toContain("'audit|--format') printf '%s\\n' 'table json markdown junit html' ;;");
    expect(zsh).toContain("'audit|--policy') printf '%s\\n' '@files' ;;");
    expect(zsh).toContain("'completion') printf '%s\\n' 'bash zsh fish' ;;");
  });

  it('fish is native: complete lines per path with values, files after file flags, help topics', () => {
    const fish = scripts.fish!;
    const when = (path: string) => `-n 'test (__tokenkit_path) = \\'${path}\\''`;
    expect(fish).toContain(`complete -c tokenkit -f ${when('losant tokens')} -a list`);
    expect(fish).toContain(
      `complete -c tokenkit ${when('audit')} -l format -x -a 'table json markdown junit html'`,
    );
    expect(fish).toContain(`complete -c tokenkit ${when('audit')} -l policy -r -F`);
    expect(fish).toContain(`complete -c tokenkit -f ${when('completion')} -a 'bash zsh fish'`);
    expect(fish).toContain(`complete -c tokenkit ${when('losant tokens list')} -l profile -x`);
    expect(fish).toMatch(/-l scope -x -a 'all\.Application /);
    expect(fish).toContain(
      "-n 'test (__tokenkit_path) = help' -a '(string split \" \" (__tokenkit_topic))'",
    );
  });

  it.skipIf(!installed('zsh'))('zsh, run for real: the same words as bash', () => {
    expect(zshOffers('tokenkit audit --format ')).toEqual([
      'table',
      'json',
      'markdown',
      'junit',
      'html',
    ]);
    expect(zshOffers('tokenkit --timeout 10s losant ')).toEqual(['tokens', 'scopes']);
    expect(zshOffers('tokenkit help losant ')).toEqual(['tokens', 'scopes']);
    expect(zshOffers('tokenkit completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(zshOffers('tokenkit audit --policy p')).toEqual(['<files>']);
    expect(zshOffers('tokenkit losant tokens list --application ')).toEqual(['<any>']);
    expect(zshOffers('tokenkit losant tokens list --')).toContain('--profile');
  });

  it.skipIf(!installed('fish'))('fish, run for real: values, files, help topics', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tokenkit-completion-'));
    writeFileSync(join(folder, 'policy.json'), '{}');
    expect(fishCompletes('tokenkit audit --format ')).toEqual([
      'html',
      'json',
      'junit',
      'markdown',
      'table',
    ]);
    expect(fishCompletes('tokenkit audit --policy pol', folder)).toEqual(['policy.json']);
    expect(fishCompletes('tokenkit help losant tokens r')).toEqual(['rotate']);
    expect(fishCompletes('tokenkit losant tokens list --prof')).toEqual(['--profile']);
    expect(fishCompletes('tokenkit instana tokens create --permission canConfigureApiT')).toEqual([
      'canConfigureApiTokens',
    ]);
  });

  it('refuses a shell it has no script for', async () => {
    const bad = await runCli(['completion', 'powershell']);
    expect(bad.code).toBe(2);
  });
});
