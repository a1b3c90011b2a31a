import { expect, test } from 'vitest';
import { closest, permissionNames } from '../src/instana.js';
import { allScopes, closest as losantClosest } from '../src/losant.js';

test('one implementation, exported by both vendor entries', () => {
  expect(losantClosest).toBe(closest);
});

test.each([
  // casing slips
  ['all.user', 'all.User'],
  ['ALL.APPLICATION.READ', 'all.Application.read'],
  ['only.user.bounded', 'only.User.bounded'],
  // typos: a swap, a missing letter, a wrong letter
  ['instanceApiTokens.gte', 'instanceApiTokens.get'],
  ['applicationApiToken.pach', 'applicationApiToken.patch'],
  ['al.User', 'all.User'],
])('scope %j → %j', (input, expected) => {
  expect(closest(input, allScopes)).toBe(expected);
});

test.each([
  // the casing traps of the Instana names, and the snake_case of other clients
  ['canConfigureAPITokens', 'canConfigureApiTokens'],
  ['canConfigureIpFiltering', 'canConfigureIPFiltering'],
  ['limitedLinuxKvmHypervisorScope', 'limitedLinuxKVMHypervisorScope'],
  ['canConfigureBizOps', 'canConfigureBizops'],
  ['can_configure_api_tokens', 'canConfigureApiTokens'],
  ['limited-sap-scope', 'limitedSAPScope'],
  ['canViewLog', 'canViewLogs'],
])('permission %j → %j', (input, expected) => {
  expect(closest(input, permissionNames)).toBe(expected);
});

test.each(['foo.bar', 'nothing.like.a.scope', '', 'x'.repeat(100_000)])(
  'nothing close to %j: no suggestion',
  (input) => {
    expect(closest(input, allScopes)).toBeUndefined();
  },
);

test('at most a third of the word may differ, and at least two edits always may', () => {
  const candidates = ['abcdefghi'] as const;
  expect(closest('abcdefxyz', candidates)).toBe('abcdefghi'); // 3 of 9
  expect(closest('abcdewxyz', candidates)).toBeUndefined(); // 4 of 9
  expect(closest('ab', ['xy'])).toBe('xy'); // 2 edits on a 2-letter word
});

test('an exact match (ignoring case) wins over an earlier near one; ties go to the earlier', () => {
  expect(closest('me.get', ['me.gets', 'me.get'])).toBe('me.get');
  expect(closest('ab', ['ax', 'ay'])).toBe('ax');
  expect(closest('anything', [])).toBeUndefined();
});
