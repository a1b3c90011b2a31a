import type { MockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isNotFoundError,
  isPermissionDeniedError,
  type LosantClient,
  NotFoundError,
  PermissionDeniedError,
} from '../src/index.js';
import { type MockSetup, startMock } from './helpers/mock.js';

let setup: MockSetup;
let mock: MockServer;
let losant: LosantClient;

beforeAll(async () => {
  setup = await startMock();
  ({ mock, losant } = setup);
});
afterAll(() => mock.close());
beforeEach(() => mock.store.reset());

async function failure(pending: Promise<unknown>): Promise<ApiError> {
  const error = await pending.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(isApiError(error)).toBe(true);
  return error as ApiError;
}

describe('each documented error status surfaces as its typed error', () => {
  it('400: a body the server rejects is a BadRequestError with type Validation', async () => {
    // Our schemas are the server's, so no valid input is refused: a fetch that corrupts the
    // body on its way out stands in for a client whose schema drifted behind the server's.
    const drifting = setup.clientWith(mock.losant.accessToken, {
      fetch: async (request, init) => {
        const body = JSON.stringify({ name: 'x', scope: ['not.aScope'] });
        return fetch(new Request(request, { body, method: request.method }), init);
      },
    });
    const error = await failure(drifting.userApiTokens.post({ apiToken: { name: 'x' } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(isBadRequestError(error)).toBe(true);
    expect(error.status).toBe(400);
    expect(error.vendorType).toBe('Validation');
    expect(error.vendorMessage).toBe('apiToken.scope.0 must be an enum value');
    expect(error.message).toContain('400');
    expect(error.body).toMatchObject({ type: 'Validation' });
    expect(mock.store.losant.list('user')).toHaveLength(0);
  });

  it('401: an unknown access token is an AuthenticationError with type Unauthorized', async () => {
    const stranger = setup.clientWith('eyJhbGciOiJIUzI1NiJ9.not.valid');
    const error = await failure(stranger.userApiTokens.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(isAuthenticationError(error)).toBe(true);
    expect(error.status).toBe(401);
    expect(error.vendorType).toBe('Unauthorized');
    expect(error.vendorMessage).toBe('Invalid access token');
    expect(error.request.headers.authorization).toMatch(/^Bearer /);
    expect(JSON.stringify(error)).not.toContain('not.valid');
  });

  it('403: a narrow-scoped token is a PermissionDeniedError with type Forbidden', async () => {
    const created = await losant.userApiTokens.post({
      apiToken: { name: 'reader', scope: ['userApiTokens.get'] },
    });
    const reader = setup.clientWith(created.token);
    await expect(reader.userApiTokens.get()).resolves.toMatchObject({ totalCount: 1 });
    const error = await failure(reader.userApiTokens.post({ apiToken: { name: 'escalate' } }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(isPermissionDeniedError(error)).toBe(true);
    expect(error.status).toBe(403);
    expect(error.vendorType).toBe('Forbidden');
    expect(error.vendorMessage).toBe('Access is forbidden');
    expect(mock.store.losant.list('user')).toHaveLength(1);
  });

  it('403: an application token is refused on another application', async () => {
    const other = '0123456789abcdef01234567';
    mock.store.losant.add({ applicationId: other }, 1);
    const created = await losant.applicationApiTokens.post({
      applicationId: mock.losant.applicationId,
      apiToken: { name: 'app', scope: ['all.Application'] },
    });
    const appClient = setup.clientWith(created.token);
    const error = await failure(appClient.applicationApiTokens.get({ applicationId: other }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.vendorType).toBe('Forbidden');
  });

  it('404: an unknown token is a NotFoundError with type NotFound', async () => {
    const error = await failure(
      losant.applicationApiToken.get({
        applicationId: mock.losant.applicationId,
        apiTokenId: 'ffffffffffffffffffffffff',
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(isNotFoundError(error)).toBe(true);
    expect(error.vendorType).toBe('NotFound');
    expect(error.vendorMessage).toBe('API token was not found');
    expect(error.message).toBe('404 NotFound: API token was not found');
  });

  it('404: an unknown application is a NotFoundError too', async () => {
    const error = await failure(
      losant.applicationApiTokens.get({ applicationId: 'abcdefabcdefabcdefabcdef' }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.vendorMessage).toBe('Application was not found');
  });
});

describe('the redacted request in an error', () => {
  it('shows Losant’s own flags and selectors, and redacts free text', async () => {
    const error = await failure(
      losant.applicationApiTokens.get({
        applicationId: 'abcdefabcdefabcdefabcdef',
        perPage: 5,
        filterField: 'name',
        filter: 'secret-ish*',
      }),
    );
    const query = new URL(error.request.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      _actions: 'false',
      _links: 'true',
      _embedded: 'true',
      perPage: '5',
      filterField: 'name',
      filter: 'REDACTED',
    });
    const narrow = await losant.userApiTokens.post({
      apiToken: { name: 'narrow', scope: ['userApiTokens.get'] },
    });
    const denied = await failure(
      setup.clientWith(narrow.token).applications.get({ orgId: '', summaryExclude: 'deviceCount' }),
    );
    expect(new URL(denied.request.url).search).toBe(
      '?_actions=false&_links=true&_embedded=true&orgId=&summaryExclude=deviceCount',
    );
  });
});
