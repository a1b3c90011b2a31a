import { apiToken, permissionNames } from '@tokenkit/schemas/instana';
import { describe, expect, it } from 'vitest';
import {
  isRequestValidationError,
  newApiToken,
  type RequestValidationError,
} from '../src/index.js';
import { base32hex, randomInternalId } from '../src/random-id.js';

function thrown(run: () => unknown): RequestValidationError {
  try {
    run();
  } catch (error) {
    if (isRequestValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a RequestValidationError');
}

describe('newApiToken', () => {
  it('fills internalId and accessGrantingToken and makes every permission explicit', () => {
    const token = newApiToken({ name: 'ci', canConfigureAgents: true, canViewLogs: false });
    expect(Object.keys(token)).toEqual([
      'internalId',
      'accessGrantingToken',
      'name',
      ...permissionNames,
    ]);
    expect(permissionNames).toHaveLength(93);
    expect(token.name).toBe('ci');
    expect(token.internalId).toMatch(/^[0-9a-v]{20}$/);
    expect(token.accessGrantingToken).toMatch(/^[0-9a-v]{32}$/);
    expect(token.canConfigureAgents).toBe(true);
    expect(token.canViewLogs).toBe(false);
    const granted = permissionNames.filter((name) => token[name]);
    expect(granted).toEqual(['canConfigureAgents']);
    expect(apiToken.safeParse(token).success).toBe(true);
  });

  it('draws fresh ids and secrets every time, over the whole alphabet', () => {
    const tokens = Array.from({ length: 500 }, () => newApiToken({ name: 'n' }));
    expect(new Set(tokens.map((token) => token.internalId)).size).toBe(500);
    expect(new Set(tokens.map((token) => token.accessGrantingToken)).size).toBe(500);
    const characters = new Set(tokens.flatMap((token) => [...token.accessGrantingToken]));
    expect(characters.size).toBe(32);
  });

  it('makes internalIds that sort by creation time, like xids', () => {
    const earlier = randomInternalId(Date.UTC(2026, 0, 1));
    const later = randomInternalId(Date.UTC(2026, 0, 1, 0, 0, 1));
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 6)).toBe(later.slice(0, 6));
  });

  it('encodes base32hex like RFC 4648, lower-cased and unpadded', () => {
    const encode = (text: string) => base32hex(new TextEncoder().encode(text));
    expect(encode('')).toBe('');
    expect(encode('f')).toBe('co');
    expect(encode('fo')).toBe('cpng');
    expect(encode('foo')).toBe('cpnmu');
    expect(encode('foob')).toBe('cpnmuog');
    expect(encode('fooba')).toBe('cpnmuoj1');
    expect(encode('foobar')).toBe('cpnmuoj1e8');
  });

  it.each([
    ['canConfigureAPITokens', 'canConfigureApiTokens'],
    ['limitedLinuxKvmHypervisorScope', 'limitedLinuxKVMHypervisorScope'],
    ['canConfigureBizOps', 'canConfigureBizops'],
    ['limitedSapScope', 'limitedSAPScope'],
    ['can_configure_agents', 'canConfigureAgents'],
  ])('refuses %s and suggests %s', (given, known) => {
    const error = thrown(() => newApiToken({ name: 'x', [given]: true }));
    expect(error.field).toBe(given);
    expect(error.message).toContain(`did you mean '${known}'`);
  });

  it('refuses a permission it does not know at all, without guessing', () => {
    const error = thrown(() => newApiToken({ name: 'x', canCollectNetTraceLogs: true } as never));
    expect(error.field).toBe('canCollectNetTraceLogs');
    expect(error.message).toContain('permissionNames');
    expect(error.message).not.toContain('did you mean');
  });

  it('refuses a permission that is not a boolean', () => {
    const error = thrown(() => newApiToken({ name: 'x', canConfigureAgents: 'yes' } as never));
    expect(error.field).toBe('canConfigureAgents');
    expect(error.message).toContain('true or false');
  });

  it.each([[{ name: '' }], [{ name: '   ' }], [{}], [{ name: 7 }]])(
    'refuses a missing or empty name (%j)',
    (params) => {
      expect(thrown(() => newApiToken(params as never)).field).toBe('name');
    },
  );

  it('explains how to choose your own internalId instead of ignoring it', () => {
    const error = thrown(() => newApiToken({ name: 'x', internalId: 'mine' } as never));
    expect(error.field).toBe('internalId');
    expect(error.message).toContain('...newApiToken');
  });
});
