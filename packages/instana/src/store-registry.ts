import type { StoreDeps } from './token-store.js';
import type { ApiTokenApi, InstanaClient } from './types.js';

/** What a client's lifecycle store is made of: its `apiTokens` and the store's own needs. */
export interface StoreSource {
  api: ApiTokenApi;
  deps: StoreDeps;
}

/** The store source of each client made by `createInstanaClient`. */
const sources = new WeakMap<InstanaClient, StoreSource>();

/** Records a client's store source; called once by `createInstanaClient`. */
export function registerStoreSource(client: InstanaClient, source: StoreSource): void {
  sources.set(client, source);
}

/** The store source of a client made by `createInstanaClient`, or `undefined` for any other object. */
export function storeSourceOf(client: InstanaClient): StoreSource | undefined {
  return sources.get(client);
}
