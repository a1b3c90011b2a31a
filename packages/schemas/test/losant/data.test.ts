// The exported data: scope families, the action table, the path-param schemas.
import { expect, test } from 'vitest';
import {
  actionScopes,
  allScopes,
  apiTokenScope,
  applicationScopes,
  applicationTokenPath,
  applicationTokensPath,
  instanceScopes,
  instanceTokenPath,
  instanceTokensPath,
  losantActions,
  organizationScopes,
  scopesByOwner,
  userScopes,
  userTokenPath,
} from '../../src/losant.js';

test('allScopes is the four families in order, and apiTokenScope accepts exactly them', () => {
  expect(allScopes).toEqual([
    ...applicationScopes,
    ...organizationScopes,
    ...instanceScopes,
    ...userScopes,
  ]);
  expect(apiTokenScope.options).toEqual(allScopes);
});

test('scopesByOwner groups every scope under one owner, as the vendor schema groups them', () => {
  expect(scopesByOwner.instance).toEqual(instanceScopes);
  expect(scopesByOwner.application).toEqual([...applicationScopes, ...organizationScopes]);
  expect(scopesByOwner.user).toEqual(userScopes);
  expect(Object.values(scopesByOwner).flat().sort()).toEqual([...allScopes].sort());
});

test('the families hold the values losant-rest-js lib/schemas/apiTokenPost.json lists', () => {
  expect(applicationScopes).toContain('all.Application.cli');
  expect(applicationScopes).toContain('webhooks.post');
  expect(organizationScopes).toContain('only.Organization.read');
  expect(instanceScopes).toContain('instanceAuditLogs.get');
  expect(userScopes).toContain('me.refreshToken');
  expect(userScopes).not.toContain('all.Instance');
});

test('fifteen actions, each with the scope list of losant-rest-js v1.30.0 lib/api/*.js', () => {
  expect(losantActions).toHaveLength(15);
  expect(Object.keys(actionScopes)).toEqual([...losantActions]);
  expect(actionScopes['instanceApiTokens.get']).toEqual([
    'all.Instance',
    'all.Instance.bounded',
    'all.Instance.read',
    'all.User',
    'all.User.bounded',
    'all.User.read',
    'instanceApiTokens.*',
    'instanceApiTokens.get',
  ]);
  expect(actionScopes['applicationApiToken.delete']).toEqual([
    'all.Application',
    'all.Organization',
    'all.User',
    'applicationApiToken.*',
    'applicationApiToken.delete',
  ]);
  expect(actionScopes['userApiTokens.post']).toEqual([
    'all.User',
    'only.User',
    'userApiTokens.*',
    'userApiTokens.post',
  ]);
  for (const action of losantActions) {
    const scopes = actionScopes[action];
    expect(scopes).toContain(`${action.split('.')[0]}.*`);
    expect(scopes).toContain(action);
    expect(scopes).toContain('all.User');
    for (const scope of scopes) expect(allScopes).toContain(scope);
  }
});

test('path params take ObjectIds, name the bad one, and leave other params out', () => {
  const instanceId = '0123456789abcdef01234567';
  const applicationId = '0123456789abcdef01234568';
  const apiTokenId = '0123456789abcdef01234569';
  const bag = { instanceId, applicationId, apiTokenId, sortField: 'name', apiToken: {} };
  expect(instanceTokensPath.parse(bag)).toEqual({ instanceId });
  expect(instanceTokenPath.parse(bag)).toEqual({ instanceId, apiTokenId });
  expect(applicationTokensPath.parse(bag)).toEqual({ applicationId });
  expect(applicationTokenPath.parse(bag)).toEqual({ applicationId, apiTokenId });
  expect(userTokenPath.parse(bag)).toEqual({ apiTokenId });

  const bad = applicationTokenPath.safeParse({ applicationId, apiTokenId: '../me' });
  expect(bad.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
    [['apiTokenId'], 'must be a 24-character hexadecimal id'],
  ]);
  expect(instanceTokensPath.safeParse({}).error?.issues[0]?.message).toBe('is required');
});
