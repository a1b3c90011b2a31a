import { RequestValidationError } from '@tokenkit/core';
import type { LosantClient } from './client.js';
import type { OwnerStores } from './resources/create-resources.js';
import type { LosantTokenStore } from './resources/token-store.js';

/** Whose tokens a store holds: an instance's, an application's, or the current user's. */
export type LosantTokenOwner =
  | { instanceId: string; losantdomain?: string | undefined }
  | { applicationId: string; losantdomain?: string | undefined }
  | { user: true; losantdomain?: string | undefined };

/** The stores of each client made by `createLosantClient`. */
const storesOf = new WeakMap<LosantClient, OwnerStores>();

/** Records a client's stores; called once by `createLosantClient`. */
export function registerStores(client: LosantClient, stores: OwnerStores): void {
  storesOf.set(client, stores);
}

/**
 * The lifecycle store of one owner's API tokens, for `@tokenkit/core`'s `createToken` and
 * `rotateToken`. Its create marks the request with a one-time marker (in the description,
 * restored once the create succeeds), so a lost answer is settled by that marker alone; its
 * verify reads the new token with its own secret.
 *
 * @throws TypeError when `client` was not made by `createLosantClient`; RequestValidationError
 *   (field `owner`) for an owner that names none of the three. The owner's ids are checked by
 *   each call, before anything is sent.
 * @example
 * import { createLosantClient, losantTokenStore, rotateToken } from '@tokenkit/losant';
 * const client = createLosantClient({ accessToken: process.env.LOSANT_ACCESS_TOKEN ?? '' });
 * const store = losantTokenStore(client, { applicationId: '5f0c8d6e7a1b2c3d4e5f6a7b' });
 * await rotateToken(store, { id: '6a1b2c3d4e5f6a7b8c9d0e1f', deliver: (secret) => console.log(secret.length) });
 */
export function losantTokenStore(client: LosantClient, owner: LosantTokenOwner): LosantTokenStore {
  const stores = storesOf.get(client);
  if (stores === undefined) {
    throw new TypeError('losantTokenStore needs a client made by createLosantClient');
  }
  const { losantdomain, ...who } = owner;
  const globals = losantdomain === undefined ? {} : { losantdomain };
  if ('instanceId' in who) return stores.instance({ instanceId: who.instanceId, ...globals });
  if ('applicationId' in who) {
    return stores.application({ applicationId: who.applicationId, ...globals });
  }
  if ('user' in who && who.user === true) return stores.user(globals);
  throw new RequestValidationError(
    'owner must be { instanceId }, { applicationId } or { user: true }',
    { field: 'owner' },
  );
}
