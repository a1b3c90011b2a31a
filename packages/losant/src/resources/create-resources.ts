import type { HttpClient } from '@tokenkit/core';
import type { LosantResources } from '../types.js';
import { applicationsGet } from './applications.js';
import { defineAction } from './define-action.js';
import { defineIterate } from './define-iterate.js';
import type { Endpoint } from './endpoint.js';
import { type ClientWith, type OwnerActions, ownerCalls, ownerParams } from './owner-calls.js';
import { defineRawCreate } from './raw-create.js';
import { defineRotate } from './rotate.js';
import { applicationTokens, instanceTokens, userTokens } from './token-endpoints.js';
import { type LosantTokenStore, ownerTokenStore } from './token-store.js';

type Params = Readonly<Record<string, unknown>>;

/** Builds the lifecycle store of one owner from its owner-id and global params. */
export type StoreFor = (owner: Params) => LosantTokenStore;

/** The stores of a client's three owners, for `losantTokenStore`. */
export interface OwnerStores {
  instance: StoreFor;
  application: StoreFor;
  user: StoreFor;
}

/** The two token resources of one owner (list/create/iterate, get/patch/delete/rotate) and its store. */
function tokenResources<
  List extends Endpoint,
  Create extends Endpoint,
  Get extends Endpoint,
  Patch extends Endpoint,
  Delete extends Endpoint,
>(
  http: HttpClient,
  endpoints: { list: List; create: Create; get: Get; patch: Patch; delete: Delete },
  clientWith: ClientWith,
  label: (owner: Params) => string,
) {
  const list = defineAction(http, endpoints.list);
  const actions = {
    post: defineAction(http, endpoints.create),
    iterate: defineIterate(list, endpoints.list),
    get: defineAction(http, endpoints.get),
    patch: defineAction(http, endpoints.patch),
    delete: defineAction(http, endpoints.delete),
  };
  const callsFor = (owner: Params) =>
    ownerCalls(actions as unknown as OwnerActions, endpoints.get, owner, clientWith);
  const ownerKeys = Object.keys(endpoints.create.shape).filter((key) => key !== 'apiToken');
  const storeFor: StoreFor = (owner) => ownerTokenStore(callsFor(owner), label(owner));
  return {
    collection: {
      get: list,
      post: defineRawCreate(actions.post, (params) => callsFor(ownerParams(params, ownerKeys))),
      iterate: actions.iterate,
    },
    item: {
      get: actions.get,
      patch: actions.patch,
      delete: actions.delete,
      rotate: defineRotate(
        storeFor,
        endpoints.get.name.replace(/\.get$/, '.rotate'),
        endpoints.get.shape,
      ),
    },
    storeFor,
  };
}

/**
 * Builds the resources from the endpoint tables (the compiler checks them against the types)
 * and the stores of the three owners. `clientWith` makes a client holding another secret, for
 * checking a new token with its own.
 */
export function createResources(
  http: HttpClient,
  clientWith: ClientWith,
): { resources: LosantResources; stores: OwnerStores } {
  const instance = tokenResources(
    http,
    instanceTokens,
    clientWith,
    (owner) => `Losant API token of instance ${String(owner.instanceId)}`,
  );
  const application = tokenResources(
    http,
    applicationTokens,
    clientWith,
    (owner) => `Losant API token of application ${String(owner.applicationId)}`,
  );
  const user = tokenResources(
    http,
    userTokens,
    clientWith,
    () => 'Losant API token of the current user',
  );
  const listApplications = defineAction(http, applicationsGet);
  const resources: LosantResources = {
    instanceApiTokens: instance.collection,
    instanceApiToken: instance.item,
    applicationApiTokens: application.collection,
    applicationApiToken: application.item,
    userApiTokens: user.collection,
    userApiToken: user.item,
    applications: {
      get: listApplications,
      iterate: defineIterate(listApplications, applicationsGet),
    },
  };
  const stores = {
    instance: instance.storeFor,
    application: application.storeFor,
    user: user.storeFor,
  };
  return { resources, stores };
}
