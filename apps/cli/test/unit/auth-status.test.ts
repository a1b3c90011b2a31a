import { describe, expect, it } from 'vitest';
import { tokenClaims } from '../../src/auth/jwt-claims.js';
import { status } from '../../src/auth/status.js';
import { overall, probe } from '../../src/auth/verdict.js';
import { CliError } from '../../src/errors.js';
import { ExitCode } from '../../src/exit-codes.js';
import { Output } from '../../src/output/output.js';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('tokenClaims', () => {
  it('reads sub, exp and iat of a JWT, and nothing of anything else', () => {
    const jwt = `${part({ alg: 'HS256' })}.${part({ sub: 'abc', exp: 1_900_000_000, iat: 1 })}.sig`;
    expect(tokenClaims(jwt)).toEqual({
      subject: 'abc',
      expires: '2030-03-17T17:46:40.000Z',
      issued: '1970-01-01T00:00:01.000Z',
    });
    expect(tokenClaims('plain-token')).toBeUndefined();
    expect(tokenClaims('a.!!!.c')).toBeUndefined();
    expect(tokenClaims(`a.${part([])}.c`)).toEqual({});
    expect(tokenClaims(`a.${Buffer.from('null').toString('base64url')}.c`)).toBeUndefined();
  });
});

describe('probe and overall', () => {
  const failing = (error: unknown) => probe('x', ['list'], () => Promise.reject(error), 'losant');

  it('names each failure by what it says about the credential', async () => {
    const probes = await Promise.all([
      probe('x', ['list'], () => Promise.resolve(), 'losant'),
      failing(Object.assign(new Error('no'), { status: 401 })),
      failing(new CliError('wrapped', { exitCode: 3, cause: { status: 403 } })),
      failing(Object.assign(new Error('down'), { name: 'ConnectionError' })),
      failing(Object.assign(new Error('slow'), { name: 'TimeoutError' })),
      failing(Object.assign(new Error('oops'), { status: 500 })),
    ]);
    expect(probes.map((entry) => entry.verdict)).toEqual([
      'valid',
      'invalid',
      'limited',
      'unreachable',
      'unreachable',
      'error',
    ]);
    expect(probes[0]).toEqual({ owner: 'x', verdict: 'valid', actions: ['list'] });
    expect(overall(probes.slice(0, 1))).toBe('valid');
    expect(overall([probes[0]!, probes[2]!])).toBe('limited');
    expect(overall(probes)).toBe('unreachable');
  });
});

function rendered(result: Parameters<typeof status.renderHuman>[1]): string {
  let text = '';
  const write = (chunk: string) => {
    text += chunk;
  };
  const output = new Output({ json: false, env: {} }, { stdout: { write }, stderr: { write } });
  status.renderHuman(output, result, new Date());
  return text;
}

describe('auth status rendering and exit code', () => {
  const base = { credential: null, baseUrl: null, identity: null, access: [] };

  it('says where, from where, whose and until when, per vendor', () => {
    const text = rendered({
      profile: 'prod',
      vendors: [
        {
          ...base,
          vendor: 'losant',
          status: 'valid',
          baseUrl: 'https://api.losant.com',
          credential: { from: 'profile command', name: 'prod' },
          identity: { source: 'token claims', id: 'u1' },
          access: [{ owner: 'your user', verdict: 'valid', actions: ['list', 'get'] }],
        },
        { ...base, vendor: 'instana', status: 'error', error: 'the command failed' },
      ],
    });
    expect(text).toBe(
      'profile: prod\n' +
        'losant  https://api.losant.com  ✓ valid\n' +
        '  credential: profile command (prod)\n' +
        '  identity: JWT subject u1, expiry unknown (from its token claims)\n' +
        '  your user: may list, get tokens\n' +
        'instana  ✗ cannot check\n' +
        '  the command failed\n',
    );
    const never = rendered({
      profile: null,
      vendors: [
        {
          ...base,
          vendor: 'instana',
          status: 'valid',
          identity: { source: 'token record', name: 'ci', id: 'i1', expires: null },
        },
        { ...base, vendor: 'losant', status: 'not configured' },
      ],
    });
    expect(never).toContain('identity: "ci" (i1), never expires (from its token record)');
    expect(never).toContain('LOSANT_ACCESS_TOKEN is not set, and no profile gives one');
  });

  it('exits 3 for an invalid or unchecked credential, 1 when unreachable, else 0', () => {
    const vendors = (...statuses: string[]) => ({
      profile: null,
      vendors: statuses.map((s) => ({ ...base, vendor: 'losant' as const, status: s as 'valid' })),
    });
    expect(status.exitCode?.(vendors('valid', 'limited'))).toBe(ExitCode.ok);
    expect(status.exitCode?.(vendors('valid', 'not configured'))).toBe(ExitCode.ok);
    expect(status.exitCode?.(vendors('unreachable', 'valid'))).toBe(ExitCode.failure);
    expect(status.exitCode?.(vendors('unreachable', 'invalid'))).toBe(ExitCode.auth);
    expect(status.exitCode?.(vendors('error'))).toBe(ExitCode.auth);
  });
});
