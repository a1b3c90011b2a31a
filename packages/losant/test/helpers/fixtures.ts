/** Contract-valid response bodies for tests that need a server answer but not a real store. */

/** Deterministic 24-hex ids. */
export const ids = {
  instanceId: '5b9a1c2d3e4f5a6b7c8d9e0f',
  applicationId: '5c0a1b2c3d4e5f60718293a4',
  apiTokenId: '5d1b2c3d4e5f6071829304b5',
  creatorId: '5e2c3d4e5f60718293a4b5c6',
  userId: '5f3d4e5f60718293a4b5c6d7',
  organizationId: '603e4f5a6b7c8d9e0f1a2b3c',
} as const;

/** A token body as Losant documents it (losant-rest's `apiToken` example), with an optional token string. */
export function tokenBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ids.apiTokenId,
    apiTokenId: ids.apiTokenId,
    ownerId: ids.applicationId,
    ownerType: 'application',
    creatorId: ids.creatorId,
    creatorType: 'user',
    creatorName: 'Ada',
    name: 'My API Token',
    creationDate: '2026-01-02T03:04:05.000Z',
    lastUpdated: '2026-01-02T03:04:05.000Z',
    scope: ['all.Application'],
    status: 'active',
    _type: 'apiToken',
    _links: { self: { href: `/applications/${ids.applicationId}/tokens/${ids.apiTokenId}` } },
    ...overrides,
  };
}

/** A list envelope holding the given items, as every Losant collection answers. */
function pageBody(
  type: string,
  items: readonly Record<string, unknown>[],
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  return {
    items,
    count: items.length,
    totalCount: items.length,
    perPage: 100,
    page: 0,
    sortField: 'name',
    sortDirection: 'asc',
    _type: type,
    ...overrides,
  };
}

/** A token list envelope (losant-rest's `apiTokens` example) holding the given items. */
export function listBody(
  items: readonly Record<string, unknown>[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return pageBody('apiTokens', items, overrides);
}

/** An application as `GET /applications` lists it, owned by an organization. */
export function applicationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ids.applicationId,
    applicationId: ids.applicationId,
    name: 'Field sensors',
    ownerId: ids.organizationId,
    ownerType: 'organization',
    organizationName: 'Acme',
    creationDate: '2026-01-02T03:04:05.000Z',
    lastUpdated: '2026-01-02T03:04:05.000Z',
    endpointSlug: 'field-sensors',
    summary: { apiTokenCount: 2, deviceCount: 40 },
    _type: 'application',
    ...overrides,
  };
}

/** An application list envelope holding the given items. */
export function applicationsBody(
  items: readonly Record<string, unknown>[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return pageBody('applications', items, overrides);
}
