import type { MockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiTokenScope,
  AuthenticationError,
  isNotFoundError,
  type LosantClient,
  NotFoundError,
} from '../src/index.js';
import { startMock } from './helpers/mock.js';

let mock: MockServer;
let losant: LosantClient;
let clientWith: (accessToken: string) => LosantClient;

beforeAll(async () => {
  ({ mock, losant, clientWith } = await startMock());
});
afterAll(() => mock.close());
beforeEach(() => mock.store.reset());

/** The three owners, driven through the same lifecycle. */
const owners = [
  {
    name: 'instance',
    collection: 'instanceApiTokens',
    item: 'instanceApiToken',
    owner: () => ({ instanceId: mock.losant.instanceId }),
    scope: ['all.Instance.read'],
  },
  {
    name: 'application',
    collection: 'applicationApiTokens',
    item: 'applicationApiToken',
    owner: () => ({ applicationId: mock.losant.applicationId }),
    scope: ['all.Application.read', 'devices.get'],
  },
  {
    name: 'user',
    collection: 'userApiTokens',
    item: 'userApiToken',
    owner: () => ({}),
    scope: ['all.User.read'],
  },
] as const;

type Untyped = (params: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** The owner-generic view of a resource, so one lifecycle test covers all three. */
function actions(client: LosantClient, resource: string) {
  return (client as unknown as Record<string, Record<string, Untyped>>)[resource]!;
}

describe.each(owners)('$name tokens: the whole lifecycle over HTTP', (spec) => {
  it('create → get → list → patch inactive → delete → get is 404', async () => {
    const owner = spec.owner();
    const tokens = actions(losant, spec.collection);
    const token = actions(losant, spec.item);

    const created = await tokens.post!({
      ...owner,
      apiToken: { name: `${spec.name}-ci`, description: 'lifecycle', scope: [...spec.scope] },
    });
    expect(created.token).toEqual(expect.any(String));
    expect(created.status).toBe('active');
    expect(created.scope).toEqual(spec.scope);
    const apiTokenId = created.id as string;

    const fetched = await token.get!({ ...owner, apiTokenId });
    expect(fetched).toMatchObject({
      id: apiTokenId,
      name: `${spec.name}-ci`,
      description: 'lifecycle',
    });
    expect(fetched.token).toBeUndefined();

    const page = await tokens.get!({ ...owner, filterField: 'name', filter: `${spec.name}-*` });
    expect((page.items as { id: string }[]).map((item) => item.id)).toEqual([apiTokenId]);
    expect(page.totalCount).toBe(1);

    const patched = await token.patch!({ ...owner, apiTokenId, apiToken: { status: 'inactive' } });
    expect(patched.status).toBe('inactive');
    expect((await token.get!({ ...owner, apiTokenId })).status).toBe('inactive');

    await expect(token.delete!({ ...owner, apiTokenId })).resolves.toEqual({ success: true });

    const gone = await token.get!({ ...owner, apiTokenId }).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(isNotFoundError(gone)).toBe(true);
    expect((gone as NotFoundError).status).toBe(404);
    expect((gone as NotFoundError).vendorType).toBe('NotFound');
  });
});

describe('a token created through the client', () => {
  it('authenticates a second client, and is refused once patched inactive', async () => {
    const scope: ApiTokenScope[] = ['userApiTokens.get', 'userApiToken.get'];
    const created = await losant.userApiTokens.post({ apiToken: { name: 'second', scope } });
    const second = clientWith(created.token);

    const page = await second.userApiTokens.get();
    expect(page.items?.map((item) => item.id)).toContain(created.id);
    const self = await second.userApiToken.get({ apiTokenId: created.id! });
    expect(self.name).toBe('second');

    await losant.userApiToken.patch({ apiTokenId: created.id!, apiToken: { status: 'inactive' } });
    const refused = await second.userApiTokens.get().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect((refused as AuthenticationError).status).toBe(401);
    expect((refused as AuthenticationError).vendorType).toBe('Unauthorized');
    // The redacted request keeps the scheme, never the token.
    expect(JSON.stringify(refused)).not.toContain(created.token);
    expect((refused as AuthenticationError).request.headers.authorization).toMatch(/^Bearer /);
  });
});
