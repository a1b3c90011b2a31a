import type { HttpClient } from '@tokenkit/core';
import type { LosantResources } from '../types.js';
import { applicationsGet } from './applications.js';
import { defineAction } from './define-action.js';
import { defineIterate } from './define-iterate.js';
import type { Endpoint } from './endpoint.js';
import { defineSafeCreate, type OwnerActions, ownerCalls } from './owner-calls.js';
import { defineRotate } from './rotate.js';
import { applicationTokens, instanceTokens, userTokens } from './token-endpoints.js';

/** The two token resources of one owner: list/create/iterate, and get/patch/delete/rotate. */
function tokenResources<
  List extends Endpoint,
  Create extends Endpoint,
  Get extends Endpoint,
  Patch extends Endpoint,
  Delete extends Endpoint,
>(
  http: HttpClient,
  endpoints: { list: List; create: Create; get: Get; patch: Patch; delete: Delete },
) {
  const list = defineAction(http, endpoints.list);
  const actions = {
    post: defineAction(http, endpoints.create),
    iterate: defineIterate(list, endpoints.list),
    get: defineAction(http, endpoints.get),
    patch: defineAction(http, endpoints.patch),
    delete: defineAction(http, endpoints.delete),
  };
  const calls = ownerCalls(actions as unknown as OwnerActions);
  const ownerKeys = Object.keys(endpoints.create.shape).filter((key) => key !== 'apiToken');
  return {
    collection: {
      get: list,
      post: defineSafeCreate(actions.post, calls, ownerKeys),
      iterate: actions.iterate,
    },
    item: {
      get: actions.get,
      patch: actions.patch,
      delete: actions.delete,
      rotate: defineRotate(
        calls,
        endpoints.get.name.replace(/\.get$/, '.rotate'),
        endpoints.get.shape,
      ),
    },
  };
}

/** Builds the resources from the endpoint tables; the compiler checks them against the types. */
export function createResources(http: HttpClient): LosantResources {
  const instance = tokenResources(http, instanceTokens);
  const application = tokenResources(http, applicationTokens);
  const user = tokenResources(http, userTokens);
  const listApplications = defineAction(http, applicationsGet);
  return {
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
}
