// Every Losant example in the contract (losant.md §2, from the official client's docs),
// filled in with concrete values where the contract elides them.

const tokenId = '575ed70c7ae143cd83dc4aa9';

/** contract §2.1: the `apiToken` example. */
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

/** contract §2.1: the HAL metadata responses carry and no schema declares. */
export const halExtras = {
  _type: 'apiToken',
  _links: { self: { href: `/applications/575ec8687ae143cd83dc4a97/tokens/${tokenId}` } },
  _etag: '"9f1-ab"',
} as const;

/** contract §2.2: the `apiTokens` example. */
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

/** contract §2.6: the 404 error body of the official client's test. */
export const errorExample = { type: 'NotFound', message: 'Application was not found' } as const;

/** contract §2.7: what a DELETE answers. */
export const successExample = { success: true } as const;

/** DESIGN.md: the create body of the quick example. */
export const apiTokenPostExample = {
  name: 'ci',
  scope: ['all.Application.read'],
  expirationDate: '2027-01-01T00:00:00.000Z',
} as const;

/** DESIGN.md: the patch body of the quick example. */
export const apiTokenPatchExample = { status: 'inactive' } as const;

/** contract §1.2: the list-query examples of the spec (`filterField: 'key'` is not in its enum). */
export const listQueryExample = {
  sortField: 'name',
  sortDirection: 'asc',
  page: '0',
  perPage: '10',
  filter: 'my*token',
} as const;
export const listQueryExampleFilterField = 'key';
