import { describe, expect, test } from 'vitest';
import { apiToken, apiTokenList, errorBody, permissionNames } from '../../src/instana.js';

const minimal = { accessGrantingToken: 'c4l2v0b1', internalId: 'c4l2v0b2', name: 'ci' };

// instana/openapi spec/openapi.yaml: the POST/PUT request example sends 6 permissions; the GET answer
// masks id and accessGrantingToken and shows expiresOn null.
const requestExample = {
  ...minimal,
  canConfigureServiceMapping: true,
  canConfigureEumApplications: true,
  canConfigureUsers: true,
  canInstallNewAgents: true,
  canConfigureIntegrations: true,
  canConfigureApiTokens: true,
};
const getExample = {
  id: 'tokenId(masked)',
  accessGrantingToken: 'accessGrantingToken(masked)',
  internalId: 'c4l2v0b2',
  name: 'ci',
  createdBy: 'someone@example.com',
  createdOn: 1_735_689_600_000,
  lastUsedOn: 1_735_776_000_000,
  expiresOn: null,
  ...Object.fromEntries(permissionNames.map((name) => [name, false])),
  canConfigureApiTokens: true,
};

function issuePaths(value: unknown) {
  return apiToken
    .safeParse(value)
    .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('apiToken', () => {
  test('has the 8 fields and 93 booleans of API 1.316', () => {
    expect(Object.keys(apiToken.shape)).toEqual([
      'id',
      'accessGrantingToken',
      'internalId',
      'name',
      'createdBy',
      'createdOn',
      'lastUsedOn',
      'expiresOn',
      ...permissionNames,
    ]);
  });

  test.each([
    ['the required fields only', minimal],
    ['the spec request example', requestExample],
    ['the spec GET example', getExample],
    ['an expiresOn timestamp', { ...minimal, expiresOn: 1_767_225_600_000 }],
  ])('parses %s unchanged', (_, value) => {
    expect(apiToken.parse(value)).toEqual(value);
  });

  test('keeps unknown fields: removed, future and misspelled permissions alike', () => {
    const echoed = {
      ...getExample,
      canConfigureServiceLevelIndicators: true,
      limitedLinuxKvmHypervisorScope: false,
      canDoSomethingNew: true,
      metadata: { region: 'eu', tags: ['a'] },
    };
    const parsed = apiToken.parse(echoed);
    expect(parsed).toEqual(echoed);
    expect(parsed.canDoSomethingNew).toBe(true);
    expect(parsed.metadata).toEqual({ region: 'eu', tags: ['a'] });
  });

  test('requires accessGrantingToken, internalId and a non-empty name', () => {
    expect(issuePaths({})).toEqual([
      ['accessGrantingToken', 'is required'],
      ['internalId', 'is required'],
      ['name', 'is required'],
    ]);
    expect(issuePaths({ ...minimal, name: '' })).toEqual([['name', 'must not be empty']]);
  });

  test('names a field of the wrong type', () => {
    expect(issuePaths({ ...minimal, canConfigureLLM: 'yes', createdOn: '2026-01-01' })).toEqual([
      ['createdOn', 'must be an integer (epoch milliseconds)'],
      ['canConfigureLLM', 'must be true or false'],
    ]);
    expect(issuePaths({ ...minimal, lastUsedOn: null })).toEqual([
      ['lastUsedOn', 'must be an integer (epoch milliseconds)'],
    ]);
  });
});

describe('apiTokenList', () => {
  test('parses an empty list and a list of tokens; refuses an object', () => {
    expect(apiTokenList.parse([])).toEqual([]);
    expect(apiTokenList.parse([minimal, getExample])).toEqual([minimal, getExample]);
    expect(apiTokenList.safeParse({ items: [] }).error?.issues[0]?.message).toBe(
      'must be a list of tokens',
    );
  });
});

describe('errorBody', () => {
  test.each([
    ['an errors list', { errors: ['Insufficient permissions.'] }],
    ['error and message', { error: 'Unauthorized', message: 'Invalid API token' }],
    ['an empty object', {}],
    ['unknown keys', { code: 7, errors: [] }],
  ])('reads %s', (_, value) => {
    expect(errorBody.parse(value)).toEqual(value);
  });

  test('refuses what is not an error body', () => {
    expect(errorBody.safeParse('No API Tokens found').success).toBe(false);
    expect(errorBody.safeParse({ errors: 'x' }).success).toBe(false);
  });
});
