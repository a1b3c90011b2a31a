import { describe, expectTypeOf, it } from 'vitest';
import {
  type ApiToken,
  type ApiTokenInput,
  createInstanaClient,
  diffPermissions,
  type InstanaClient,
  KNOWN_SERVER_REWRITES,
  type NewApiToken,
  newApiToken,
  type PermissionChange,
  type PermissionName,
  permissionNames,
  type RateLimitInfo,
  type RequestOptions,
  type Rotation,
} from '../src/index.js';

declare const instana: InstanaClient;

describe('types', () => {
  it('types the client and its options', () => {
    expectTypeOf(createInstanaClient)
      .parameter(0)
      .toHaveProperty('baseUrl')
      .toEqualTypeOf<string>();
    expectTypeOf(instana.rateLimit).toEqualTypeOf<RateLimitInfo | undefined>();
    expectTypeOf<RateLimitInfo>().toEqualTypeOf<{
      limit: number;
      remaining: number;
      resetAt: Date;
    }>();
    // @ts-expect-error baseUrl is required
    createInstanaClient({ apiToken: 't' });
    // @ts-expect-error apiToken is required
    createInstanaClient({ baseUrl: 'https://unit-tenant.instana.io' });
    createInstanaClient({ apiToken: async () => 't', baseUrl: 'https://unit-tenant.instana.io' });
  });

  it('types the five operations', () => {
    expectTypeOf(instana.apiTokens.getApiTokens).parameters.toEqualTypeOf<
      [options?: RequestOptions]
    >();
    expectTypeOf(instana.apiTokens.getApiTokens).returns.resolves.toEqualTypeOf<ApiToken[]>();
    expectTypeOf(instana.apiTokens.getApiToken).parameters.toEqualTypeOf<
      [internalId: string, options?: RequestOptions]
    >();
    expectTypeOf(instana.apiTokens.getApiToken).returns.resolves.toEqualTypeOf<ApiToken>();
    expectTypeOf(instana.apiTokens.postApiToken).parameters.toEqualTypeOf<
      [token: ApiTokenInput, options?: RequestOptions]
    >();
    expectTypeOf(instana.apiTokens.postApiToken).returns.resolves.toEqualTypeOf<ApiToken>();
    expectTypeOf(instana.apiTokens.putApiToken).parameters.toEqualTypeOf<
      [internalId: string, token: ApiTokenInput, options?: RequestOptions]
    >();
    expectTypeOf(instana.apiTokens.putApiToken).returns.resolves.toEqualTypeOf<ApiToken>();
    expectTypeOf(instana.apiTokens.deleteApiToken).returns.resolves.toEqualTypeOf<void>();
    // The one result type of the lifecycle engine, as Losant's rotate returns it too.
    expectTypeOf(instana.apiTokens.rotateApiToken).returns.resolves.toEqualTypeOf<
      Rotation<ApiToken>
    >();
    instana.apiTokens.rotateApiToken('id', { deliver: async (_secret: string) => undefined });
    // @ts-expect-error Instana tokens have no inactive state to revoke to
    instana.apiTokens.rotateApiToken('id', { deliver: () => undefined, revoke: 'deactivate' });
    expectTypeOf<RequestOptions>().toHaveProperty('signal');
    expectTypeOf<RequestOptions>().toHaveProperty('maxRetries');
  });

  it('types a token: required ids and name, known fields, every permission a boolean', () => {
    expectTypeOf<ApiToken['internalId']>().toEqualTypeOf<string>();
    expectTypeOf<ApiToken['accessGrantingToken']>().toEqualTypeOf<string>();
    expectTypeOf<ApiToken['canConfigureApiTokens']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ApiToken['expiresOn']>().toEqualTypeOf<number | null | undefined>();
    // @ts-expect-error name is required
    instana.apiTokens.postApiToken({ internalId: 'i', accessGrantingToken: 'a' });
  });

  it('types the builder', () => {
    const token = newApiToken({ name: 'ci', canConfigureAgents: true });
    expectTypeOf(token).toEqualTypeOf<NewApiToken>();
    expectTypeOf(token.canConfigureAgents).toEqualTypeOf<boolean>();
    expectTypeOf(token.limitedSAPScope).toEqualTypeOf<boolean>();
    expectTypeOf(token.internalId).toEqualTypeOf<string>();
    expectTypeOf(token).toExtend<ApiTokenInput>();
    // @ts-expect-error name is required
    newApiToken({ canConfigureAgents: true });
    // @ts-expect-error a casing mistake is a type error too
    newApiToken({ name: 'x', canConfigureAPITokens: true });
    // @ts-expect-error permissions are booleans
    newApiToken({ name: 'x', canConfigureAgents: 'yes' });
  });

  it('types the permission helpers', () => {
    expectTypeOf(permissionNames).toExtend<readonly PermissionName[]>();
    expectTypeOf(permissionNames).toHaveProperty('length').toEqualTypeOf<93>();
    expectTypeOf<'canConfigureApiTokens'>().toExtend<PermissionName>();
    expectTypeOf<'canConfigureAPITokens'>().not.toExtend<PermissionName>();
    expectTypeOf(diffPermissions).returns.toEqualTypeOf<PermissionChange[]>();
    expectTypeOf<PermissionChange['sent']>().toEqualTypeOf<boolean>();
    expectTypeOf<PermissionChange['received']>().toEqualTypeOf<boolean>();
    expectTypeOf(KNOWN_SERVER_REWRITES.canViewSyntheticTests).toEqualTypeOf<string | undefined>();
    diffPermissions(newApiToken({ name: 'a' }), {} as ApiToken);
  });
});
