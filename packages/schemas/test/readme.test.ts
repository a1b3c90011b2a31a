// The README's examples, run as written, so the documentation cannot drift from the code.
import { expect, test } from 'vitest';
import {
  actionScopes,
  apiTokenPost,
  apiTokenScope,
  applicationTokenPath,
  type LosantAction,
  listQuery,
  userScopes,
} from '../src/losant.js';

test('scope messages', () => {
  expect(
    apiTokenPost.safeParse({ name: 'ci', scope: ['all.User', 'foo.bar', 'all.User'] }).error
      ?.issues,
  ).toMatchObject([{ path: ['scope', 1], message: "unknown scope 'foo.bar'" }]);
  expect(
    apiTokenPost.safeParse({ name: 'ci', scope: ['me.get', 'me.get'] }).error?.issues,
  ).toMatchObject([
    { path: ['scope', 1], message: "duplicate scope 'me.get' (already at index 0)" },
  ]);
  expect(apiTokenScope.safeParse('all.user').error?.issues[0]?.message).toBe(
    "unknown scope 'all.user'",
  );
  expect(userScopes.includes('me.get')).toBe(true);
});

test('canRun', () => {
  function canRun(action: LosantAction, tokenScopes: readonly string[]): boolean {
    return actionScopes[action].some((scope) => tokenScopes.includes(scope));
  }
  expect(canRun('instanceApiToken.delete', ['all.Instance.read'])).toBe(false);
  expect(canRun('instanceApiTokens.get', ['all.Instance.read'])).toBe(true);
});

test('orgRoles example, list query and path params', () => {
  const resourceId = '0123456789abcdef01234567';
  const applicationId = '0123456789abcdef01234568';
  const apiTokenId = '0123456789abcdef01234569';
  expect(
    apiTokenPost.safeParse({
      name: 'dashboards',
      defaultRole: 'none',
      orgRoles: [
        { orgId: 'sandbox', role: 'view', dashboardRoles: [{ resourceId, role: 'collaborate' }] },
      ],
    }).success,
  ).toBe(true);
  expect(listQuery.parse({ page: 0, perPage: 500, filterField: 'name', filter: 'ci-*' })).toEqual({
    page: '0',
    perPage: '500',
    filterField: 'name',
    filter: 'ci-*',
  });
  expect(listQuery.safeParse({ perPage: -1 }).error?.issues[0]?.message).toBe(
    'must be a non-negative integer (a number or a string of digits)',
  );
  expect(applicationTokenPath.parse({ applicationId, apiTokenId, sortField: 'name' })).toEqual({
    applicationId,
    apiTokenId,
  });
});
