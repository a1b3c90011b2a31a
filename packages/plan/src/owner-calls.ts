import type { RequestOptions } from '@tokenkit/core';
import type { ApiToken, LosantClient } from '@tokenkit/losant';
import type { LosantOwner } from './types.js';

/** Every token of one Losant owner, `perPage` a page (the three owners' lists differ only in ids). */
export function ownerTokens(
  client: LosantClient,
  owner: LosantOwner,
  perPage: number,
  options?: RequestOptions,
): AsyncIterable<ApiToken> {
  if (owner.kind === 'application') {
    return client.applicationApiTokens.iterate({ applicationId: owner.id, perPage }, options);
  }
  if (owner.kind === 'instance') {
    return client.instanceApiTokens.iterate({ instanceId: owner.id, perPage }, options);
  }
  return client.userApiTokens.iterate({ perPage }, options);
}
