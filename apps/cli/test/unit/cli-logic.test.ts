import { describe, expect, it } from 'vitest';
import { confirmationMode, isYes } from '../../src/cli/confirm.js';
import { idList, instanaCredentials, losantCredentials } from '../../src/credentials.js';
import { CliError } from '../../src/errors.js';
import { readTokenFromStdin } from '../../src/stdin.js';
import { resolveOwner } from '../../src/vendors/losant/owner.js';

function exitCodeOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof CliError ? error.exitCode : -1;
  }
  return undefined;
}

describe('confirmation', () => {
  it('skips with --yes, asks at a terminal, refuses otherwise', () => {
    expect(confirmationMode({ yes: true, stdinIsTTY: false, stderrIsTTY: false })).toBe('skip');
    expect(confirmationMode({ yes: false, stdinIsTTY: true, stderrIsTTY: true })).toBe('ask');
    expect(confirmationMode({ yes: false, stdinIsTTY: false, stderrIsTTY: true })).toBe('refuse');
    expect(confirmationMode({ yes: false, stdinIsTTY: true, stderrIsTTY: false })).toBe('refuse');
  });

  it('reads only a clear yes as yes', () => {
    for (const answer of ['y', 'Y', 'yes', ' YES ']) expect(isYes(answer)).toBe(true);
    for (const answer of ['', 'n', 'no', 'yep', 'sure', 'y es']) expect(isYes(answer)).toBe(false);
  });
});

describe('resolveOwner', () => {
  it('takes exactly one owner', () => {
    expect(resolveOwner({ user: true })).toEqual({ kind: 'user' });
    expect(resolveOwner({ application: 'a1' })).toEqual({ kind: 'application', id: 'a1' });
    expect(resolveOwner({ instance: 'i1' })).toEqual({ kind: 'instance', id: 'i1' });
    expect(exitCodeOf(() => resolveOwner({}))).toBe(2);
    expect(exitCodeOf(() => resolveOwner({ user: true, application: 'a1' }))).toBe(2);
  });
});

describe('credentials', () => {
  it('reads Losant credentials from the environment; the URL is left to the SDK', () => {
    expect(losantCredentials({ LOSANT_ACCESS_TOKEN: ' tok ' })).toEqual({
      accessToken: 'tok',
      url: undefined,
    });
    expect(
      losantCredentials({ LOSANT_ACCESS_TOKEN: 'tok', LOSANT_API_URL: ' http://127.0.0.1:9/ ' }),
    ).toEqual({
      accessToken: 'tok',
      url: 'http://127.0.0.1:9/',
    });
  });

  it('lets a token from stdin win over the environment', () => {
    expect(losantCredentials({ LOSANT_ACCESS_TOKEN: 'env' }, 'piped').accessToken).toBe('piped');
  });

  it('exits 3 without a token and 2 without an Instana URL', () => {
    expect(exitCodeOf(() => losantCredentials({}))).toBe(3);
    expect(exitCodeOf(() => instanaCredentials({}))).toBe(3);
    expect(exitCodeOf(() => instanaCredentials({ INSTANA_API_TOKEN: 't' }))).toBe(2);
  });

  it('splits id lists', () => {
    expect(idList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(idList(undefined)).toEqual([]);
  });
});

describe('readTokenFromStdin', () => {
  async function* chunks(...parts: string[]) {
    yield* parts;
  }

  it('reads a piped token and drops the newline', async () => {
    await expect(readTokenFromStdin(chunks('abc', 'def\n'))).resolves.toBe('abcdef');
  });

  it('refuses a terminal, nothing, and more than one word', async () => {
    await expect(readTokenFromStdin(Object.assign(chunks('x'), { isTTY: true }))).rejects.toThrow(
      /pipe/,
    );
    await expect(readTokenFromStdin(chunks('\n'))).rejects.toThrow(/empty/);
    await expect(readTokenFromStdin(chunks('a b'))).rejects.toThrow(/more than one word/);
  });
});
