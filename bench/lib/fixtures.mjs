/**
 * Canned Losant data for the benchmark servers: realistic, schema-valid API tokens.
 * Deterministic, so every run serves the same bytes.
 */

export const INSTANCE_ID = '5f0c6a1e2b3c4d5e6f708192';
export const TOKEN_ID = '5f0c6a1e2b3c4d5e6f7081a3';
export const ACCESS_TOKEN = 'bench-access-token-not-a-secret';

/** A 24-hex-digit object id derived from a number. */
export function objectIdFor(n) {
  return n.toString(16).padStart(24, '0');
}

/**
 * The i-th token of the synthetic instance: the fields the vendor's `apiToken` schema lists,
 * with typical sizes (a few scopes, ISO dates, a HAL `_links` entry the API adds).
 * @param {number} i
 */
export function apiTokenAt(i) {
  const id = objectIdFor(0x5f0000000000 + i);
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    id,
    apiTokenId: id,
    ownerId: INSTANCE_ID,
    ownerType: 'instance',
    creatorId: '5f0c6a1e2b3c4d5e6f700001',
    creatorType: 'user',
    creatorName: 'Bench User',
    name: `bench token ${i}`,
    description: 'A synthetic token served by the benchmark server',
    creationDate: `2026-01-${day}T10:00:00.000Z`,
    lastUpdated: `2026-02-${day}T10:00:00.000Z`,
    expirationDate: `2027-01-${day}T10:00:00.000Z`,
    scope: ['all.Instance.read', 'instanceApiTokens.get', 'instanceApiToken.get'],
    status: i % 7 === 0 ? 'inactive' : 'active',
    _type: 'apiToken',
    _links: { self: { href: `/instances/${INSTANCE_ID}/tokens/${id}` } },
  };
}

/** The body of `GET /instances/{instanceId}/tokens/{apiTokenId}`: one token. */
export function singleTokenBody() {
  return JSON.stringify({ ...apiTokenAt(1), id: TOKEN_ID, apiTokenId: TOKEN_ID });
}

/**
 * One page of the `apiTokens` list envelope, as the API sorts and pages it.
 * @param {{ total: number, perPage: number, page: number }} p
 * @returns {string}
 */
export function tokenPageBody({ total, perPage, page }) {
  const start = page * perPage;
  const end = Math.min(total, start + perPage);
  const items = [];
  for (let i = start; i < end; i++) items.push(JSON.stringify(apiTokenAt(i)));
  return (
    `{"items":[${items.join(',')}],"count":${items.length},"totalCount":${total},` +
    `"perPage":${perPage},"page":${page},"sortField":"name","sortDirection":"asc",` +
    `"ownerId":"${INSTANCE_ID}","ownerType":"instance"}`
  );
}
