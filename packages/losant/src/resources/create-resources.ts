import type { HttpClient } from '@tokenkit/core';
import type { LosantResources } from '../types.js';
import { actionTable } from './action-table.js';
import { applicationsGet } from './applications.js';
import { defineAction } from './define-action.js';
import { defineIterate } from './define-iterate.js';

/**
 * Builds the resources: the six token resources from the action table (one generic definition
 * per kind, crossed with the three owners), and `applications`.
 */
export function createResources(http: HttpClient): LosantResources {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const entry of actionTable) {
    resources[entry.resource] ??= {};
    const resource = resources[entry.resource]!;
    const action = defineAction(http, entry);
    resource[entry.kind.verb] = action;
    if (entry.kind.on === 'collection' && entry.kind.verb === 'get') {
      resource.iterate = defineIterate(action, entry);
    }
  }
  const listApplications = defineAction(http, applicationsGet);
  resources.applications = {
    get: listApplications,
    iterate: defineIterate(listApplications, applicationsGet),
  };
  return resources as unknown as LosantResources;
}
