import type { RequestOptions } from '@tokenkit/core';
import type { InstanaClient } from '@tokenkit/instana';
import { grantedPermissions } from '@tokenkit/instana';
import type { ApiToken, LosantClient } from '@tokenkit/losant';
import { ownerKey } from './owner.js';
import { ownerTokens } from './owner-calls.js';
import { mapWithLimit } from './pool.js';
import type { LiveInstanaToken, LiveLosantToken, LosantOwner } from './types.js';

/** Losant answers at most this many tokens a page, so most owners take one request. */
const perPage = 1000;

function date(text: string | undefined): Date | undefined {
  return text === undefined ? undefined : new Date(text);
}

function epoch(ms: number | null | undefined): Date | undefined {
  return ms === undefined || ms === null ? undefined : new Date(ms);
}

/** A Losant answer, as the plan compares it. */
export function liveLosant(owner: LosantOwner, token: ApiToken): LiveLosantToken {
  return {
    vendor: 'losant',
    owner,
    id: token.id ?? '',
    name: token.name ?? '',
    scope: token.scope ?? [],
    description: token.description ?? '',
    status: token.status === 'inactive' ? 'inactive' : 'active',
    createdAt: date(token.creationDate),
    expiresAt: date(token.expirationDate),
  };
}

/** The distinct owners among `owners`, first appearance first. */
export function distinctOwners(owners: Iterable<LosantOwner>): LosantOwner[] {
  const byKey = new Map<string, LosantOwner>();
  for (const owner of owners) if (!byKey.has(ownerKey(owner))) byKey.set(ownerKey(owner), owner);
  return [...byKey.values()];
}

/**
 * The live tokens of each owner, `concurrency` owners at a time; keyed by {@link ownerKey}.
 */
export async function readLosant(
  client: LosantClient,
  owners: readonly LosantOwner[],
  concurrency: number,
  options?: RequestOptions,
): Promise<Map<string, LiveLosantToken[]>> {
  const lists = await mapWithLimit(owners, concurrency, async (owner) => {
    const tokens: LiveLosantToken[] = [];
    for await (const token of ownerTokens(client, owner, perPage, options))
      tokens.push(liveLosant(owner, token));
    return tokens;
  });
  return new Map(owners.map((owner, index) => [ownerKey(owner), lists[index] ?? []]));
}

/** Every Instana token of the tenant. */
export async function readInstana(
  client: InstanaClient,
  options?: RequestOptions,
): Promise<LiveInstanaToken[]> {
  const tokens = await client.apiTokens.getApiTokens(options);
  return tokens.map((token) => ({
    vendor: 'instana',
    id: token.internalId,
    name: token.name,
    permissions: grantedPermissions(token),
    createdAt: epoch(token.createdOn),
    expiresAt: epoch(token.expiresOn),
    shownSecret: token.accessGrantingToken,
  }));
}
