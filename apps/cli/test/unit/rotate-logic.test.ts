import { interrupted } from '@tokenkit/plan/deliver';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { Output } from '../../src/output/output.js';
import { deliveryFrom } from '../../src/rotate/delivery.js';
import { leftBehind, stdoutSecretText } from '../../src/rotate/render.js';
import { interruptionExitCode, interruptionOf, watchSignals } from '../../src/rotate/signals.js';

function usage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error('no usage error');
}

describe('deliveryFrom', () => {
  it('reads --out, --exec (with --exec-timeout, default 2m) and stdout', () => {
    expect(deliveryFrom({ out: 'f', force: true })).toEqual({
      kind: 'file',
      path: 'f',
      force: true,
    });
    expect(deliveryFrom({ exec: 'cat' })).toEqual({
      kind: 'command',
      command: 'cat',
      timeoutMs: 120_000,
    });
    expect(deliveryFrom({ exec: 'cat', execTimeout: '30s' })).toMatchObject({ timeoutMs: 30_000 });
    expect(deliveryFrom({})).toEqual({ kind: 'stdout' });
  });

  it('refuses contradictions, naming the option', () => {
    expect(usage(() => deliveryFrom({ out: 'f', exec: 'cat' }))).toContain('--out and --exec');
    expect(usage(() => deliveryFrom({ force: true }))).toContain('--force only applies to --out');
    expect(usage(() => deliveryFrom({ execTimeout: '1m' }))).toContain('--exec-timeout only');
    expect(usage(() => deliveryFrom({ exec: 'cat', execTimeout: 'later' }))).toContain(
      '--exec-timeout must be a duration',
    );
    expect(usage(() => deliveryFrom({ out: ' ' }))).toContain('--out needs a file name');
    expect(usage(() => deliveryFrom({ exec: '' }))).toContain('--exec needs a command');
  });
});

describe('rotation output', () => {
  it('says what a stopped rotation left, from the fields', () => {
    const base = { step: 'deliver', oldTokenId: 'old1', replacementId: 'new1', old: 'untouched' };
    expect(leftBehind({ ...base, replacement: 'deleted' })).toBe(
      'the replacement new1 was deleted; the old token old1 is untouched',
    );
    expect(leftBehind({ ...base, replacement: 'kept', old: 'unknown' })).toBe(
      'the replacement new1 still exists and works: delete it; the old token old1 may have been revoked: check it',
    );
    expect(leftBehind({ ...base, step: 'revoke', replacement: 'kept' })).toBe(
      'the replacement new1 (its secret delivered) works; the old token old1 is untouched',
    );
    expect(leftBehind({ ...base, replacement: 'unknown' })).toBe(
      'the replacement new1 may still exist: check it, and delete it if so; the old token old1 is untouched',
    );
    const lost = {
      ...base,
      step: 'create',
      replacementId: undefined,
      replacement: 'unknown' as const,
    };
    expect(leftBehind({ ...lost, cause: { candidateIds: ['c1', 'c2'] } })).toBe(
      'a replacement may have been created: check c1, c2; the old token old1 is untouched',
    );
    expect(leftBehind(lost)).toBe(
      'a replacement may have been created: check the tokens created just now; the old token old1 is untouched',
    );
    expect(leftBehind({ ...base, replacement: 'none', old: 'deleted' })).toBe(
      'no replacement was created; the old token old1 is deleted',
    );
  });

  it('delivers on stdout the shown-once line, or the start of the JSON result', () => {
    const human = new Output({ json: false, color: false, env: {} });
    expect(stdoutSecretText(human, 'abc\u001b')).toBe('Token (shown once, store it now): abc\\e\n');
    const machine = new Output({ json: true, color: false, env: {} });
    const head = stdoutSecretText(machine, 'abc\u202e');
    expect(JSON.parse(`${head}  "x": 1\n}`)).toEqual({ token: 'abc\u202e', x: 1 });
  });
});

describe('signals', () => {
  it('aborts with the first signal, maps it to 128 + its number, and stops watching', () => {
    const watch = watchSignals();
    expect(interruptionOf(watch.signal)).toBeUndefined();
    process.emit('SIGHUP');
    process.emit('SIGINT');
    expect(interruptionOf(watch.signal)).toBe('SIGHUP');
    expect(interrupted(watch.signal).message).toBe(
      'tokenkit received SIGHUP before the secret was delivered',
    );
    watch.stop();
    expect(process.listenerCount('SIGHUP')).toBe(0);
    expect([
      interruptionExitCode('SIGINT'),
      interruptionExitCode('SIGTERM'),
      interruptionExitCode('SIGHUP'),
    ]).toEqual([130, 143, 129]);
  });
});
