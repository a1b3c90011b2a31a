import type { ClientOwners } from './resources/owner-access.js';
import type { LosantClient } from './types.js';

/** How each client made by `createLosantClient` reaches its owners' tokens, for `losantTokenStore`. */
const ownersOf = new WeakMap<LosantClient, ClientOwners>();

/** Records a client's owners; called once by `createLosantClient`. */
export function registerOwners(client: LosantClient, owners: ClientOwners): void {
  ownersOf.set(client, owners);
}

/** The owners of a client made by `createLosantClient`, or `undefined` for any other object. */
export function registeredOwners(client: LosantClient): ClientOwners | undefined {
  return ownersOf.get(client);
}
