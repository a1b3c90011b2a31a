import { RequestValidationError } from '@tokenkit/core';
import { registeredOwners } from './owner-registry.js';
import type { OwnerAccess } from './resources/owner-access.js';
import { type LosantTokenStore, ownerTokenStore } from './resources/token-store.js';
import type { LosantClient } from './types.js';

/** Whose tokens a store holds: an instance's, an application's, or the current user's. */
export type LosantTokenOwner =
  | { instanceId: string; losantdomain?: string | undefined }
  | { applicationId: string; losantdomain?: string | undefined }
  | { user: true; losantdomain?: string | undefined };

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
  const owners = registeredOwners(client);
  if (owners === undefined) {
    throw new TypeError('losantTokenStore needs a client made by createLosantClient');
  }
  const { losantdomain, ...who } = owner;
  const globals = losantdomain === undefined ? {} : { losantdomain };
  const store = (access: OwnerAccess, params: Readonly<Record<string, unknown>>) =>
    ownerTokenStore(access.calls(params), access.label(params));
  if ('instanceId' in who)
    return store(owners.instance, { instanceId: who.instanceId, ...globals });
  if ('applicationId' in who) {
    return store(owners.application, { applicationId: who.applicationId, ...globals });
  }
  if ('user' in who && who.user === true) return store(owners.user, globals);
  throw new RequestValidationError(
    'owner must be { instanceId }, { applicationId } or { user: true }',
    { field: 'owner' },
  );
}
