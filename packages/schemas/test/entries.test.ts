import { expect, test } from 'vitest';
import * as root from '../src/index.js';
import * as instana from '../src/instana.js';
import * as losant from '../src/losant.js';

test('the root entry re-exports both vendors as namespaces, and nothing else', () => {
  expect(Object.keys(root).sort()).toEqual(['instana', 'losant']);
  expect(root.losant).toEqual(losant);
  expect(root.instana).toEqual(instana);
});

test('every name the interfaces file promises is exported', () => {
  for (const name of [
    'objectId',
    'apiToken',
    'createdApiToken',
    'apiTokens',
    'apiTokenPost',
    'apiTokenPatch',
    'error',
    'success',
    'tokenStatus',
    'tokenRole',
    'orgRole',
    'resourceRole',
    'applicationScopes',
    'organizationScopes',
    'instanceScopes',
    'userScopes',
    'allScopes',
    'apiTokenScope',
    'listQuery',
    'sortFields',
    'filterFields',
    'instanceTokensPath',
    'instanceTokenPath',
    'applicationTokensPath',
    'applicationTokenPath',
    'userTokenPath',
    'actionScopes',
    'losantActions',
    'scopesByOwner',
    'closest',
  ]) {
    expect(losant).toHaveProperty(name);
  }
  for (const name of ['permissionNames', 'apiToken', 'apiTokenList', 'errorBody', 'closest']) {
    expect(instana).toHaveProperty(name);
  }
});

test('schemas are Standard Schema validators, as core consumes them', () => {
  const standard = losant.apiTokenPost['~standard'];
  expect(standard.vendor).toBe('zod');
  const result = standard.validate({ name: '' });
  expect(result).toEqual({
    issues: [expect.objectContaining({ message: 'must not be empty', path: ['name'] })],
  });
});
