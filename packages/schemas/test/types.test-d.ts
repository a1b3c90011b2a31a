import { expectTypeOf, test } from 'vitest';
import { instana, losant } from '../src/index.js';
import type { ApiToken as InstanaApiToken, PermissionName } from '../src/instana.js';
import type {
  ApiToken,
  ApiTokenPatch,
  ApiTokenPatchInput,
  ApiTokenPost,
  ApiTokenPostInput,
  ApiTokenScope,
  ApiTokens,
  CreatedApiToken,
  ListQuery,
  ListQueryInput,
  LosantAction,
  OrgRoleGrant,
  ResourceRoleGrant,
  Success,
} from '../src/losant.js';

test('ApiTokenPatch cannot carry scope or expirationDate', () => {
  expectTypeOf<ApiTokenPatch>().not.toHaveProperty('scope');
  expectTypeOf<ApiTokenPatch>().not.toHaveProperty('expirationDate');
  expectTypeOf<ApiTokenPatchInput>().not.toHaveProperty('scope');
  expectTypeOf<ApiTokenPatch>().toHaveProperty('status');
});

test('closed request types have no index signature', () => {
  expectTypeOf<string>().not.toExtend<keyof ApiTokenPost>();
  expectTypeOf<string>().not.toExtend<keyof ApiTokenPatch>();
  expectTypeOf<string>().not.toExtend<keyof ListQuery>();
  expectTypeOf<string>().not.toExtend<keyof OrgRoleGrant>();
  expectTypeOf<string>().not.toExtend<keyof ResourceRoleGrant>();
});

test('CreatedApiToken has token: string; ApiToken may lack it', () => {
  expectTypeOf<CreatedApiToken['token']>().toEqualTypeOf<string>();
  expectTypeOf<ApiToken['token']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<ApiTokens['items']>().toEqualTypeOf<ApiToken[] | undefined>();
});

test('ApiTokenPost requires a name and types scope by the 500 values', () => {
  expectTypeOf<ApiTokenPost['name']>().toEqualTypeOf<string>();
  expectTypeOf<ApiTokenPostInput['scope']>().toEqualTypeOf<ApiTokenScope[] | undefined>();
  expectTypeOf<'all.Application.read'>().toExtend<ApiTokenScope>();
  expectTypeOf<'all.application.read'>().not.toExtend<ApiTokenScope>();
  expectTypeOf<{ scope: ['foo.bar'] }>().not.toExtend<Partial<ApiTokenPostInput>>();
});

test('listQuery takes numbers or strings and gives strings', () => {
  expectTypeOf<ListQueryInput['page']>().toEqualTypeOf<string | number | undefined>();
  expectTypeOf<ListQuery['page']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<ListQuery['sortField']>().toEqualTypeOf<
    'name' | 'status' | 'id' | 'creationDate' | 'lastUpdated' | 'expirationDate' | undefined
  >();
});

test('actions and their scopes are typed data', () => {
  expectTypeOf<'userApiToken.delete'>().toExtend<LosantAction>();
  expectTypeOf<'userApiToken.put'>().not.toExtend<LosantAction>();
  expectTypeOf<'applications.get'>().toExtend<LosantAction>();
  expectTypeOf<'applications.post'>().not.toExtend<LosantAction>();
  expectTypeOf(losant.actionScopes['userApiToken.delete']).toExtend<readonly ApiTokenScope[]>();
  expectTypeOf<Success['success']>().toEqualTypeOf<true>();
});

test('Instana tokens have the 93 optional booleans and the required strings', () => {
  expectTypeOf<InstanaApiToken['canConfigureIPFiltering']>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<InstanaApiToken['internalId']>().toEqualTypeOf<string>();
  expectTypeOf<InstanaApiToken['expiresOn']>().toEqualTypeOf<number | null | undefined>();
  expectTypeOf<'limitedSAPScope'>().toExtend<PermissionName>();
  expectTypeOf<'limitedSapScope'>().not.toExtend<PermissionName>();
  expectTypeOf(instana.apiToken.parse({})).toEqualTypeOf<InstanaApiToken>();
});
