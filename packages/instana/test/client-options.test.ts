import { describe, expect, it } from 'vitest';
import {
  createInstanaClient,
  type InstanaClientOptions,
  isRequestValidationError,
  type RequestValidationError,
} from '../src/index.js';

function refused(options: Partial<InstanaClientOptions>): RequestValidationError {
  try {
    createInstanaClient({ apiToken: 'token-1234', ...options } as InstanaClientOptions);
  } catch (error) {
    if (isRequestValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a RequestValidationError');
}

describe('createInstanaClient options', () => {
  it.each([
    'https://unit-tenant.instana.io',
    'https://unit-tenant.instana.io/',
    'https://instana.example.com:8443',
    'http://127.0.0.1:4010',
    'http://127.8.9.10',
    'http://localhost:3000/',
    'http://[::1]:8080',
  ])('accepts the origin %s', (baseUrl) => {
    expect(createInstanaClient({ apiToken: 'token-1234', baseUrl }).rateLimit).toBeUndefined();
  });

  it.each([
    [
      'https://unit-tenant.instana.io/api',
      "pass 'https://unit-tenant.instana.io'",
      '/api/settings/api-tokens itself',
    ],
    [
      'https://unit-tenant.instana.io/api/',
      "pass 'https://unit-tenant.instana.io'",
      '/api/settings/api-tokens itself',
    ],
    [
      'https://unit-tenant.instana.io/instana',
      "pass 'https://unit-tenant.instana.io'",
      "path '/instana'",
    ],
    ['http://unit-tenant.instana.io', "pass 'https://unit-tenant.instana.io'", 'loopback'],
    ['http://10.0.0.1:8080', "pass 'https://10.0.0.1:8080'", 'loopback'],
    ['http://localhost.example.com', "pass 'https://localhost.example.com'", 'loopback'],
    ['ftp://unit-tenant.instana.io', 'https://<unit>-<tenant>.instana.io', 'https'],
    ['unit-tenant.instana.io', 'https://<unit>-<tenant>.instana.io', 'absolute http(s) URL'],
    ['', 'https://<unit>-<tenant>.instana.io', 'required'],
    [undefined, 'https://<unit>-<tenant>.instana.io', 'required'],
  ])('refuses %j and says what to pass', (baseUrl, advice, reason) => {
    const error = refused({ baseUrl } as Partial<InstanaClientOptions>);
    expect(error.field).toBe('baseUrl');
    expect(error.message).toContain(advice);
    expect(error.message).toContain(reason);
  });

  it('never echoes credentials or query values put into baseUrl', () => {
    for (const baseUrl of [
      'https://user:hunter2-secret@unit-tenant.instana.io',
      'https://unit-tenant.instana.io/?apiToken=hunter2-secret',
      'https://unit-tenant.instana.io/#hunter2-secret',
    ]) {
      const error = refused({ baseUrl });
      expect(error.field).toBe('baseUrl');
      expect(JSON.stringify(error)).not.toContain('hunter2');
      expect(error.message).not.toContain('hunter2');
    }
  });

  it.each([[''], ['   '], ['two words'], [undefined]])('refuses the apiToken %j', (apiToken) => {
    const error = refused({ baseUrl: 'https://unit-tenant.instana.io', apiToken } as never);
    expect(error.field).toBe('apiToken');
  });
});
