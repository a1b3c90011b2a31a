import { describe, expect, it, vi } from 'vitest';
import { completionScript } from '../../src/completion/scripts.js';
import { completionNodes } from '../../src/completion/tree.js';
import { createProgram } from '../../src/program.js';

// `tokenkit --version`'s package list is inlined by the build; the tree needs only some value.
vi.stubGlobal('__SDK_VERSIONS__', {});
const lists = { scopes: ['all.User', 'devices.get'], permissions: ['canViewLogs'] };
const nodes = completionNodes(createProgram(), lists);
const node = (path: string) => nodes.find((entry) => entry.path === path)!;
const flag = (path: string, name: string) =>
  node(path).flags.find((entry) => entry.names.includes(name));

describe('the completion tree', () => {
  it('gives each flag its values: choices, files, scopes, permissions or free', () => {
    expect(flag('audit', '--format')?.values).toEqual([
      'table',
      'json',
      'markdown',
      'junit',
      'html',
    ]);
    expect(flag('audit', '--policy')?.values).toBe('files');
    expect(flag('losant tokens create', '--scope')?.values).toEqual(lists.scopes);
    expect(flag('instana tokens update', '--revoke-permission')?.values).toEqual(lists.permissions);
    expect(flag('losant tokens list', '--application')).toMatchObject({
      takesValue: true,
      values: undefined,
    });
    expect(flag('losant tokens list', '--all')?.takesValue).toBe(false);
  });

  it('offers --token-name, a free value, where update and rotate choose a token by name', () => {
    for (const path of [
      'losant tokens update',
      'losant tokens rotate',
      'instana tokens update',
      'instana tokens rotate',
    ]) {
      expect(flag(path, '--token-name'), path).toMatchObject({
        takesValue: true,
        values: undefined,
      });
    }
    expect(flag('losant tokens get', '--token-name')).toBeUndefined();
  });

  it('offers the global flags after every subcommand, but --version only at the top', () => {
    expect(flag('losant tokens list', '--profile')?.takesValue).toBe(true);
    expect(flag('audit', '--timeout')).toBeDefined();
    expect(flag('audit', '--version')).toBeUndefined();
    expect(flag('', '--version')).toBeDefined();
  });

  it('knows the arguments: shells after completion, command paths after help', () => {
    expect(node('completion').argument).toEqual(['bash', 'zsh', 'fish']);
    expect(node('help').argument).toBe('commands');
    expect(node('losant tokens get').argument).toBeUndefined();
  });
});

describe('the scripts', () => {
  it('write each flag value table for bash and zsh, and complete lines for fish', () => {
    const bash = completionScript('bash', nodes);
    expect(bash).toContain(
      "'losant tokens create|--scope') printf '%s\\n' 'all.User devices.get' ;;",
    );
    expect(bash).toContain("'audit|--policy') printf '%s\\n' '@files' ;;");
    expect(bash).toContain("'help') printf '%s\\n' '@commands' ;;");
    const zsh = completionScript('zsh', nodes);
    expect(zsh).toContain("'instana tokens') printf '%s\\n' 'list:List API tokens\nget:");
    expect(zsh).toMatch(/'audit'\) printf '%s\\n' '--instance:also audit this Losant instance/);
    const fish = completionScript('fish', nodes);
    expect(fish).toContain("-l scope -x -a 'all.User devices.get'");
    expect(fish).toContain('-l all -f -d');
  });
});
