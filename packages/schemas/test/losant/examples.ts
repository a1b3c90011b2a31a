// Every Losant example of the official client (Losant/losant-rest-js: docs/_schemas.md,
// test/promise_spec.js, lib/schemas/apiInfo.json), filled in where the docs elide values.

const tokenId = '575ed70c7ae143cd83dc4aa9';

/** docs/_schemas.md: the `apiToken` example. */
export const apiTokenExample = {
  id: tokenId,
  apiTokenId: tokenId,
  creatorId: '575ed70c7ae143cd83dc4aa8',
  creatorType: 'user',
  ownerId: '575ec8687ae143cd83dc4a97',
  ownerType: 'application',
  name: 'My API Token',
  creationDate: '2016-06-13T04:00:00.000Z',
  lastUpdated: '2016-06-13T04:00:00.000Z',
  expirationDate: '2017-06-13T04:00:00.000Z',
  scope: ['all.Application'],
  status: 'active',
  token: 'the_actual_token_string',
} as const;

/** The HAL metadata responses carry and no schema declares. */
export const halExtras = {
  _type: 'apiToken',
  _links: { self: { href: `/applications/575ec8687ae143cd83dc4a97/tokens/${tokenId}` } },
  _etag: '"9f1-ab"',
} as const;

/** docs/_schemas.md: the `apiTokens` example. */
export const apiTokensExample = {
  items: [apiTokenExample],
  count: 1,
  totalCount: 4,
  perPage: 1,
  page: 0,
  sortField: 'name',
  sortDirection: 'asc',
  ownerId: '575ec8687ae143cd83dc4a97',
  ownerType: 'application',
} as const;

/** test/promise_spec.js: the 404 error body of the official client's test. */
export const errorExample = { type: 'NotFound', message: 'Application was not found' } as const;

/** lib/schemas/success.json: what a DELETE answers. */
export const successExample = { success: true } as const;

/** DESIGN.md: the create body of the quick example. */
export const apiTokenPostExample = {
  name: 'ci',
  scope: ['all.Application.read'],
  expirationDate: '2027-01-01T00:00:00.000Z',
} as const;

/** DESIGN.md: the patch body of the quick example. */
export const apiTokenPatchExample = { status: 'inactive' } as const;

/** lib/schemas/apiInfo.json: the list-query examples (`filterField: 'key'` is not in its enum). */
export const listQueryExample = {
  sortField: 'name',
  sortDirection: 'asc',
  page: '0',
  perPage: '10',
  filter: 'my*token',
} as const;
export const listQueryExampleFilterField = 'key';
