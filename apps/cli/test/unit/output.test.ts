import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/output/colors.js';
import { Output } from '../../src/output/output.js';
import { redact } from '../../src/output/redact.js';

function capture(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    streams: {
      stdout: { isTTY, write: (text: string) => out.push(text) },
      stderr: { isTTY, write: (text: string) => err.push(text) },
    },
  };
}

describe('colorEnabled', () => {
  it('colours a terminal and nothing else by default', () => {
    expect(colorEnabled({ env: {}, isTTY: true })).toBe(true);
    expect(colorEnabled({ env: {}, isTTY: false })).toBe(false);
    expect(colorEnabled({ env: { TERM: 'dumb' }, isTTY: true })).toBe(false);
  });

  it('honours NO_COLOR when set to anything non-empty', () => {
    expect(colorEnabled({ env: { NO_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(colorEnabled({ env: { NO_COLOR: '' }, isTTY: true })).toBe(true);
  });

  it('honours FORCE_COLOR over a pipe, but NO_COLOR wins over it', () => {
    expect(colorEnabled({ env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(colorEnabled({ env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(colorEnabled({ env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(false);
    expect(colorEnabled({ env: { FORCE_COLOR: 'false' }, isTTY: true })).toBe(false);
  });

  it('lets --no-color win over everything', () => {
    expect(colorEnabled({ flag: false, env: { FORCE_COLOR: '3' }, isTTY: true })).toBe(false);
  });
});

describe('Output', () => {
  it('never prints a registered secret, whichever stream', () => {
    const { out, err, streams } = capture();
    const output = new Output({ json: false, env: {} }, streams);
    output.addSecret('s3cr3t-access-token');
    output.print('token is s3cr3t-access-token');
    output.note('failed with s3cr3t-access-token');
    output.printJson({ vendor: 'instana', permissions: ['s3cr3t-access-token'] });
    expect(out.join('') + err.join('')).not.toContain('s3cr3t-access-token');
    expect(out[0]).toBe('token is [redacted]\n');
    expect(err[0]).toBe('failed with [redacted]\n');
  });

  it('prints a created secret once, in JSON as the token field', () => {
    const { out, streams } = capture();
    const output = new Output({ json: true, env: {} }, streams);
    output.addSecret('the-access-token');
    output.printJsonWithSecret({
      token: 'new-token-value',
      vendor: 'instana',
      apiToken: { internalId: 'i1', name: 'x', note: 'the-access-token' },
      changedPermissions: [],
    });
    const parsed = JSON.parse(out.join(''));
    expect(parsed).toEqual({
      token: 'new-token-value',
      vendor: 'instana',
      apiToken: { internalId: 'i1', name: 'x', note: '[redacted]' },
      changedPermissions: [],
    });
  });

  it('marks the one secret line clearly and writes no colour to a pipe', () => {
    const { out, streams } = capture(false);
    new Output({ json: false, env: {} }, streams).printSecretOnce('Token', 'abc123abc123');
    expect(out.join('')).toBe('Token (shown once, store it now): abc123abc123\n');
  });

  it('colours a terminal unless NO_COLOR', () => {
    const tty = capture(true);
    new Output({ json: false, env: {} }, tty.streams).print(
      new Output({ json: false, env: {} }, tty.streams).color.red('x'),
    );
    expect(tty.out.join('')).toContain('\u001b[31m');
    const plain = capture(true);
    const output = new Output({ json: false, env: { NO_COLOR: '1' } }, plain.streams);
    output.print(output.color.red('x'));
    expect(plain.out.join('')).toBe('x\n');
  });
});

describe('redact', () => {
  it('leaves short values alone so ordinary words survive', () => {
    expect(redact('a b c', ['b'])).toBe('a b c');
    expect(redact('xx-long-secret-xx', ['long-secret'])).toBe('xx-[redacted]-xx');
    // Core's scrubber would take these (its floor is 4); terminal text keeps them, see redact.ts.
    expect(redact('user admin, pin 1234567', ['admin', '1234567'])).toBe('user admin, pin 1234567');
  });

  it('scrubs the longest secret first, so one holding another is not half-scrubbed', () => {
    expect(redact('key abcdefgh-12345678', ['abcdefgh', 'abcdefgh-12345678'])).toBe(
      'key [redacted]',
    );
  });
});

describe('Output.indented', () => {
  it('indents every stdout line and keeps the secrets', () => {
    const { out, streams } = capture();
    const output = new Output({ json: false, env: {} }, streams);
    output.addSecret('nested-secret-value');
    output.indented('  ').print('a\n\nb nested-secret-value');
    expect(out.join('')).toBe('  a\n\n  b [redacted]\n');
  });
});

describe('Output.write', () => {
  it('writes a piece of the result as given, scrubbed of secrets like every line', () => {
    const { out, streams } = capture();
    const output = new Output({ json: true, env: {} }, streams);
    output.addSecret('s3cr3t-token-value');
    output.write('{\n  "a": "s3cr3t-token-value"');
    output.write(',\n  "b": 1\n}\n');
    expect(out.join('')).toBe('{\n  "a": "[redacted]",\n  "b": 1\n}\n');
  });
});
