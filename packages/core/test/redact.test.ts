import { describe, expect, test } from 'vitest';
import { createRedactor, redactAuthorization, scrubSecrets } from '../src/redact.js';

describe('redaction', () => {
  const redactor = createRedactor({
    allowedHeaderNames: ['LosantDomain'],
    allowedQueryParameters: ['_actions'],
  });

  test('headers: allow-listed values shown, others REDACTED, authorization keeps its scheme', () => {
    expect(
      redactor.headers(
        new Headers({
          authorization: 'apiToken abc',
          'content-type': 'application/json',
          losantdomain: 'example.org',
          'x-new-secret-header': 'v',
          cookie: 'a=b',
        }),
      ),
    ).toEqual({
      authorization: 'apiToken [REDACTED]',
      'content-type': 'application/json',
      losantdomain: 'example.org',
      'x-new-secret-header': 'REDACTED',
      cookie: 'REDACTED',
    });
  });

  test('URLs: credentials and unknown query values redacted, order and repeats kept', () => {
    expect(
      redactor.url('https://user:pass@api.example.com/a?page=1&key=s&_actions=false&key=t'),
    ).toBe(
      'https://REDACTED:REDACTED@api.example.com/a?page=1&key=REDACTED&_actions=false&key=REDACTED',
    );
    expect(redactor.url('not a url')).toBe('[invalid URL]');
  });

  test('authorization without a scheme is fully redacted', () => {
    expect(redactAuthorization('justatoken')).toBe('[REDACTED]');
  });

  test('scrubSecrets replaces every occurrence, ignoring trivially short secrets', () => {
    expect(scrubSecrets('a SECRET b SECRET', ['SECRET', 'a'])).toBe('a [REDACTED] b [REDACTED]');
  });

  test('is linear on hostile input (no regex backtracking)', () => {
    // No clock here: a linear pass over these inputs takes milliseconds, a backtracking regex
    // takes minutes (quadratic in 200,000 characters), so the test's own timeout is the bound.
    const long = `https://x.example/?${'a=&'.repeat(200_000)}`;
    const redactedUrl = redactor.url(long);
    const header = redactAuthorization(`Bearer ${' '.repeat(200_000)}x`);
    expect(redactedUrl.startsWith('https://x.example/?a=')).toBe(true);
    expect(header).not.toContain('x');
  });
});
