import { storeSourceOf } from './store-registry.js';
import { createInstanaTokenStore, type InstanaTokenStore } from './token-store.js';
import type { InstanaClient } from './types.js';

/**
 * The lifecycle store of the tenant's API tokens, for `@tokenkit/core`'s `createToken` and
 * `rotateToken`. Its create is exactly once (Instana lets the client choose `internalId` and
 * the secret, so a lost answer is settled by reading that `internalId` back) and returns the
 * secret tokenkit generated and sent; its verify reads the new token with its own secret.
 *
 * @throws TypeError when `client` was not made by `createInstanaClient`.
 * @example
 * import { createInstanaClient, createToken, instanaTokenStore, newApiToken } from '@tokenkit/instana';
 * const client = createInstanaClient({ baseUrl: 'https://tenant-unit.instana.io', apiToken: process.env.INSTANA_API_TOKEN ?? '' });
 * const { secret } = await createToken(instanaTokenStore(client), newApiToken({ name: 'ci', canConfigureAgents: true }));
 */
export function instanaTokenStore(client: InstanaClient): InstanaTokenStore {
  const source = storeSourceOf(client);
  if (source === undefined) {
    throw new TypeError('instanaTokenStore needs a client made by createInstanaClient');
  }
  return createInstanaTokenStore(source.api, source.deps);
}
