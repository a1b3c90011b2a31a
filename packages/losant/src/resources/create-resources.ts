import type { HttpClient } from '@tokenkit/core';
import type { LosantResources } from '../types.js';
import { applicationsGet } from './applications.js';
import { defineAction } from './define-action.js';
import { defineIterate } from './define-iterate.js';
import type { Endpoint } from './endpoint.js';
import type { ClientOwners, OwnerAccess } from './owner-access.js';
import { type ClientWith, type OwnerActions, ownerCalls, ownerParams } from './owner-calls.js';
import { defineRawCreate } from './raw-create.js';
import { defineRotate } from './rotate.js';
import { applicationTokens, instanceTokens, userTokens } from './token-endpoints.js';

type Params = Readonly<Record<string, unknown>>;

/**
 * The two token resources of one owner (list/create/iterate, get/patch/delete/rotate) and how
 * to reach its tokens (for its store).
 */
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
  const access: OwnerAccess = { calls: callsFor, label };
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
        access,
        endpoints.get.name.replace(/\.get$/, '.rotate'),
        endpoints.get.shape,
      ),
    },
    access,
  };
}

/**
 * Builds the resources from the endpoint tables (the compiler checks them against the types)
 * and the access to the three owners' tokens. `clientWith` makes a client holding another
 * secret, for checking a new token with its own.
 */
export function createResources(
  http: HttpClient,
  clientWith: ClientWith,
): { resources: LosantResources; owners: ClientOwners } {
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
  const owners = {
    instance: instance.access,
    application: application.access,
    user: user.access,
  };
  return { resources, owners };
}
