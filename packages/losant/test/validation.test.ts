import { type RecordingServer, startRecordingServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLosantClient,
  isRequestValidationError,
  type LosantClient,
  RequestValidationError,
} from '../src/index.js';
import { ids } from './helpers/fixtures.js';
import { losantResponder } from './helpers/losant-responder.js';

let server: RecordingServer;
let losant: LosantClient;

beforeAll(async () => {
  server = await startRecordingServer({ respond: losantResponder });
  losant = createLosantClient({ accessToken: 'token', url: server.url });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

/** Runs a call that must be refused, and returns the error after checking nothing was sent. */
async function refused(run: () => unknown): Promise<RequestValidationError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RequestValidationError);
  expect(isRequestValidationError(caught)).toBe(true);
  expect(server.requests).toHaveLength(0);
  return caught as RequestValidationError;
}

describe('params are validated before anything is sent', () => {
  it('refuses a malformed ObjectId, naming the param', async () => {
    const error = await refused(() =>
      losant.applicationApiTokens.get({ applicationId: 'not-an-id' }),
    );
    expect(error.field).toBe('applicationId');
    expect(error.message).toBe('applicationId: must be a 24-character hexadecimal id');
  });

  it('refuses a path-traversal attempt in apiTokenId', async () => {
    const error = await refused(() =>
      losant.instanceApiToken.get({ instanceId: ids.instanceId, apiTokenId: '../../me/tokens' }),
    );
    expect(error.field).toBe('apiTokenId');
  });

  it('refuses a missing required id', async () => {
    const error = await refused(() =>
      // @ts-expect-error instanceId is required
      losant.instanceApiTokens.post({ apiToken: { name: 'x' } }),
    );
    expect(error.field).toBe('instanceId');
    expect(error.message).toContain('is required');
  });

  it('refuses an unknown scope, naming its index', async () => {
    const error = await refused(() =>
      losant.userApiTokens.post({
        // @ts-expect-error not a Losant scope
        apiToken: { name: 'x', scope: ['all.User.read', 'all.Everything'] },
      }),
    );
    expect(error.field).toBe('apiToken.scope[1]');
    expect(error.message).toContain("unknown scope 'all.Everything'");
  });

  it('refuses a patch of scope, which cannot change after creation', async () => {
    const error = await refused(() =>
      losant.applicationApiToken.patch({
        applicationId: ids.applicationId,
        apiTokenId: ids.apiTokenId,
        // @ts-expect-error scope is not patchable
        apiToken: { scope: ['all.Application'] },
      }),
    );
    expect(error.field).toBe('apiToken.scope');
    expect(error.message).toBe('apiToken.scope: cannot be changed after the token is created');
  });

  it('refuses a missing or over-long name', async () => {
    const missing = await refused(() =>
      // @ts-expect-error name is required
      losant.userApiTokens.post({ apiToken: { scope: ['all.User'] } }),
    );
    expect(missing.field).toBe('apiToken.name');
    const long = await refused(() =>
      losant.userApiTokens.post({ apiToken: { name: 'n'.repeat(256) } }),
    );
    expect(long.field).toBe('apiToken.name');
    expect(long.message).toContain('255');
  });

  it('refuses bad list params', async () => {
    // @ts-expect-error not a sort field
    const sort = await refused(() => losant.userApiTokens.get({ sortField: 'owner' }));
    expect(sort.field).toBe('sortField');
    const perPage = await refused(() => losant.userApiTokens.get({ perPage: '10; drop' }));
    expect(perPage.field).toBe('perPage');
    const page = await refused(() => losant.userApiTokens.get({ page: -1 }));
    expect(page.field).toBe('page');
  });

  it('refuses a misspelt param instead of dropping it', async () => {
    // @ts-expect-error perpage is not a param
    const error = await refused(() => losant.userApiTokens.get({ perpage: 10 }));
    expect(error.field).toBe('perpage');
    expect(error.message).toBe('perpage: is not a param of userApiTokens.get');
  });

  it('refuses global params of the wrong type', async () => {
    // @ts-expect-error _embedded is a boolean
    const flag = await refused(() => losant.userApiTokens.get({ _embedded: 'no' }));
    expect(flag.field).toBe('_embedded');
    // @ts-expect-error losantdomain is a string
    const domain = await refused(() => losant.userApiTokens.get({ losantdomain: 42 }));
    expect(domain.field).toBe('losantdomain');
  });

  it('refuses a CR/LF in the losantdomain header', async () => {
    const error = await refused(() =>
      losant.userApiTokens.get({ losantdomain: 'example.com\r\nX-Injected: 1' }),
    );
    expect(error.field).toContain('losantdomain');
  });

  it('refuses params that are not an object', async () => {
    // @ts-expect-error params is an object
    const error = await refused(() => losant.userApiToken.get('5d1b2c3d4e5f6071829304b5'));
    expect(error.field).toBe('params');
    // @ts-expect-error params is an object
    expect((await refused(() => losant.userApiTokens.post(null))).field).toBe('params');
    // @ts-expect-error params is an object
    expect((await refused(() => losant.userApiToken.rotate(null))).field).toBe('params');
  });

  it('rejects the promise rather than throwing synchronously', () => {
    const pending = losant.instanceApiTokens.get({ instanceId: 'nope' });
    expect(pending).toBeInstanceOf(Promise);
    return expect(pending).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('checks iterate params when iterate is called', async () => {
    expect(() => losant.instanceApiTokens.iterate({ instanceId: 'nope' })).toThrow(
      RequestValidationError,
    );
    expect(() => losant.userApiTokens.iterate({ perPage: 0 })).toThrow(/perPage/);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an empty access token when the client is created', () => {
    let caught: unknown;
    try {
      createLosantClient({ accessToken: '  ', url: server.url });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RequestValidationError);
    expect((caught as RequestValidationError).field).toBe('accessToken');
  });

  it('lets a valid call through, so the refusals above are not vacuous', async () => {
    await losant.userApiTokens.get({ perPage: 10, sortField: 'name', filter: 'ci-*' });
    expect(server.requests).toHaveLength(1);
  });
});
