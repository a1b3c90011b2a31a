import type { PageIterator } from '@tokenkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ActionParams,
  type ActionResult,
  type ApiToken,
  type ApiTokenScope,
  type ApiTokens,
  type Application,
  type Applications,
  type CreatedApiToken,
  createLosantClient,
  type HttpResponse,
  LOSANT_ACTION_DOCS,
  type Rotation,
  requiredScopes,
  type Success,
} from '../src/index.js';

const losant = createLosantClient({ accessToken: 'token' });
const instanceId = '5b9a1c2d3e4f5a6b7c8d9e0f';
const applicationId = '5c0a1b2c3d4e5f60718293a4';
const apiTokenId = '5d1b2c3d4e5f6071829304b5';

describe('results are typed', () => {
  it('lists resolve to the apiTokens envelope on all three owners', () => {
    expectTypeOf(losant.instanceApiTokens.get({ instanceId })).resolves.toEqualTypeOf<ApiTokens>();
    expectTypeOf(
      losant.applicationApiTokens.get({ applicationId }),
    ).resolves.toEqualTypeOf<ApiTokens>();
    expectTypeOf(losant.userApiTokens.get()).resolves.toEqualTypeOf<ApiTokens>();
    expectTypeOf<ApiTokens['items']>().toEqualTypeOf<ApiToken[] | undefined>();
  });

  it('creates resolve to a token whose secret is present', () => {
    const created = losant.userApiTokens.post({ apiToken: { name: 'ci' } });
    expectTypeOf(created).resolves.toEqualTypeOf<CreatedApiToken>();
    expectTypeOf<CreatedApiToken['token']>().toEqualTypeOf<string>();
    expectTypeOf<ApiToken['token']>().toEqualTypeOf<string | undefined>();
  });

  it('get and patch resolve to a token, delete to success', () => {
    expectTypeOf(
      losant.instanceApiToken.get({ instanceId, apiTokenId }),
    ).resolves.toEqualTypeOf<ApiToken>();
    expectTypeOf(
      losant.applicationApiToken.patch({
        applicationId,
        apiTokenId,
        apiToken: { status: 'inactive' },
      }),
    ).resolves.toEqualTypeOf<ApiToken>();
    expectTypeOf(losant.userApiToken.delete({ apiTokenId })).resolves.toEqualTypeOf<Success>();
    expectTypeOf<Success['success']>().toEqualTypeOf<true>();
  });

  it('withResponse wraps the same result', () => {
    expectTypeOf(losant.userApiTokens.post.withResponse).returns.resolves.toEqualTypeOf<
      HttpResponse<CreatedApiToken>
    >();
  });

  it('iterate yields tokens and pages', () => {
    expectTypeOf(losant.applicationApiTokens.iterate({ applicationId })).toEqualTypeOf<
      PageIterator<ApiToken, ApiTokens>
    >();
    expectTypeOf(losant.userApiTokens.iterate()).toMatchTypeOf<AsyncIterable<ApiToken>>();
  });

  it('token fields are typed', () => {
    expectTypeOf<ApiToken['status']>().toEqualTypeOf<'active' | 'inactive' | undefined>();
    expectTypeOf<ApiToken['scope']>().toEqualTypeOf<string[] | undefined>();
  });
});

describe('params are typed', () => {
  it('requires the owner id and the token id', () => {
    // @ts-expect-error instanceId is required
    losant.instanceApiTokens.get({});
    // @ts-expect-error params are required for an instance
    losant.instanceApiTokens.get();
    // @ts-expect-error apiTokenId is required
    losant.applicationApiToken.get({ applicationId });
    // @ts-expect-error applicationId is required
    losant.applicationApiToken.delete({ apiTokenId });
    // @ts-expect-error apiTokenId is required
    losant.userApiToken.get({});
    // user lists need nothing
    losant.userApiTokens.get();
    losant.userApiTokens.iterate();
  });

  it('requires the body and its name on create', () => {
    // @ts-expect-error apiToken is required
    losant.userApiTokens.post({});
    // @ts-expect-error name is required
    losant.userApiTokens.post({ apiToken: { scope: ['all.User'] } });
    // @ts-expect-error apiToken is required on patch
    losant.userApiToken.patch({ apiTokenId });
  });

  it('rejects scope and expirationDate in a patch', () => {
    losant.userApiToken.patch({ apiTokenId, apiToken: { name: 'n', status: 'inactive' } });
    // @ts-expect-error scope cannot be patched
    losant.userApiToken.patch({ apiTokenId, apiToken: { scope: ['all.User'] } });
    losant.instanceApiToken.patch({
      instanceId,
      apiTokenId,
      // @ts-expect-error expirationDate cannot be patched
      apiToken: { expirationDate: '2030-01-01T00:00:00Z' },
    });
  });

  it('types scopes, enums and list params', () => {
    // @ts-expect-error not a scope
    losant.userApiTokens.post({ apiToken: { name: 'n', scope: ['all.Everything'] } });
    // @ts-expect-error not a status
    losant.userApiToken.patch({ apiTokenId, apiToken: { status: 'paused' } });
    // @ts-expect-error not a sort field
    losant.userApiTokens.get({ sortField: 'owner' });
    // @ts-expect-error not a direction
    losant.userApiTokens.get({ sortDirection: 'up' });
    // @ts-expect-error misspelt param
    losant.userApiTokens.get({ perpage: 10 });
    losant.userApiTokens.get({
      sortField: 'creationDate',
      sortDirection: 'desc',
      page: 0,
      perPage: '50',
      filterField: 'status',
      filter: 'act*',
      losantdomain: 'example.com',
      _actions: true,
      _links: false,
      _embedded: false,
    });
    expectTypeOf<ActionParams<'userApiTokens.get'>['page']>().toEqualTypeOf<
      string | number | undefined
    >();
    expectTypeOf<ActionParams<'applicationApiToken.get'>>().toEqualTypeOf<{
      applicationId: string;
      apiTokenId: string;
      losantdomain?: string | undefined;
      _actions?: boolean | undefined;
      _links?: boolean | undefined;
      _embedded?: boolean | undefined;
    }>();
    expectTypeOf<ActionResult<'userApiTokens.post'>>().toEqualTypeOf<CreatedApiToken>();
  });

  it('takes per-call options', () => {
    losant.userApiTokens.get(
      {},
      { signal: AbortSignal.timeout(1000), timeout: 500, maxRetries: 0 },
    );
    losant.userApiTokens.get({}, { headers: { 'x-trace': '1' } });
    // @ts-expect-error not an option
    losant.userApiTokens.get({}, { retries: 3 });
  });

  it('requires an access token to create a client', () => {
    // @ts-expect-error accessToken is required
    createLosantClient({ url: 'https://api.losant.com' });
    createLosantClient({ accessToken: async () => 'rotated' });
  });
});

describe('scopes are typed', () => {
  it('as the literal list of each action', () => {
    expectTypeOf(losant.userApiToken.delete.scopes).toEqualTypeOf<
      readonly ['all.User', 'only.User', 'userApiToken.*', 'userApiToken.delete']
    >();
    expectTypeOf(requiredScopes('userApiToken.delete')).toEqualTypeOf(
      losant.userApiToken.delete.scopes,
    );
    expectTypeOf(losant.instanceApiTokens.get.action).toEqualTypeOf<'instanceApiTokens.get'>();
    expectTypeOf(
      LOSANT_ACTION_DOCS['userApiTokens.get'].scopes,
    ).items.toMatchTypeOf<ApiTokenScope>();
    expectTypeOf(requiredScopes('applications.get')).toEqualTypeOf(losant.applications.get.scopes);
    // @ts-expect-error not an action
    requiredScopes('devices.get');
  });
});

describe('applications are typed', () => {
  it('resolves to the applications envelope; iterate yields applications', () => {
    expectTypeOf(losant.applications.get()).resolves.toEqualTypeOf<Applications>();
    expectTypeOf(losant.applications.iterate({ orgId: '' })).toEqualTypeOf<
      PageIterator<Application, Applications>
    >();
    expectTypeOf<Application['ownerType']>().toEqualTypeOf<'user' | 'organization' | undefined>();
    expectTypeOf<Application['organizationName']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(losant.applications.get.action).toEqualTypeOf<'applications.get'>();
  });

  it('types its params', () => {
    losant.applications.get({
      sortField: 'ownerId',
      sortDirection: 'asc',
      page: 0,
      perPage: '50',
      filterField: 'name',
      filter: 'prod-*',
      orgId: '',
      summaryExclude: 'deviceCount',
      summaryInclude: 'apiTokenCount',
      losantdomain: 'example.com',
      _links: false,
    });
    // @ts-expect-error not an application sort field
    losant.applications.get({ sortField: 'status' });
    // @ts-expect-error applications filter by name only
    losant.applications.get({ filterField: 'status' });
    // @ts-expect-error misspelt param
    losant.applications.get({ orgid: '' });
  });
});

describe('rotate is typed', () => {
  it('takes the single-token params plus deliver, and resolves to the rotation', () => {
    expectTypeOf(
      losant.applicationApiToken.rotate({
        applicationId,
        apiTokenId,
        deliver: (secret: string) => {
          expectTypeOf(secret).toBeString();
        },
        revoke: 'deactivate',
        name: 'next',
        expirationDate: '2030-01-01T00:00:00Z',
        status: 'inactive',
      }),
    ).resolves.toEqualTypeOf<Rotation<ApiToken>>();
    expectTypeOf<Rotation<ApiToken>['revoked']>().toEqualTypeOf<
      'deleted' | 'deactivated' | 'kept'
    >();
    expectTypeOf<Rotation<ApiToken>['secret']>().toBeString();
    // null: the replacement never expires.
    losant.userApiToken.rotate({ apiTokenId, deliver: () => {}, expirationDate: null });
    // @ts-expect-error deliver is required
    losant.userApiToken.rotate({ apiTokenId });
    // @ts-expect-error not a revoke mode
    losant.userApiToken.rotate({ apiTokenId, deliver: () => {}, revoke: 'burn' });
    // @ts-expect-error instanceId is required
    losant.instanceApiToken.rotate({ apiTokenId, deliver: () => {} });
  });
});
