import type { LosantAction } from '@tokenkit/schemas/losant';
import { ids } from './fixtures.js';

/** One action called with the same params on both clients. */
export interface WireCase {
  action: LosantAction | 'applications.get';
  params: Record<string, unknown>;
}

const listParams = {
  sortField: 'creationDate',
  sortDirection: 'desc',
  page: 2,
  perPage: '25',
  filterField: 'name',
  filter: 'my*token ci',
};
const created = {
  name: 'CI deploy token',
  description: 'Used by the pipeline',
  expirationDate: '2027-01-01T00:00:00.000Z',
  scope: ['all.Application.read', 'devices.get'],
  status: 'active',
};
const patched = { name: 'Renamed', status: 'inactive' };
const domain = { losantdomain: 'example.onlosant.com' };

/**
 * The fifteen token actions and `applications.get` with representative params: every list
 * param, `losantdomain`, and overrides of each `_…` flag somewhere (the `_embedded` one on
 * every list).
 */
export const wireCases: readonly WireCase[] = [
  {
    action: 'instanceApiTokens.get',
    params: { instanceId: ids.instanceId, ...listParams, ...domain, _embedded: false },
  },
  {
    action: 'instanceApiTokens.post',
    params: { instanceId: ids.instanceId, apiToken: { ...created, scope: ['all.Instance.read'] } },
  },
  {
    action: 'instanceApiToken.get',
    params: { instanceId: ids.instanceId, apiTokenId: ids.apiTokenId, ...domain },
  },
  {
    action: 'instanceApiToken.patch',
    params: {
      instanceId: ids.instanceId,
      apiTokenId: ids.apiTokenId,
      apiToken: patched,
      _actions: true,
    },
  },
  {
    action: 'instanceApiToken.delete',
    params: { instanceId: ids.instanceId, apiTokenId: ids.apiTokenId, ...domain },
  },
  {
    action: 'applicationApiTokens.get',
    params: { applicationId: ids.applicationId, ...listParams, _embedded: false, _links: false },
  },
  {
    action: 'applicationApiTokens.post',
    params: { applicationId: ids.applicationId, apiToken: created, ...domain },
  },
  {
    action: 'applicationApiToken.get',
    params: { applicationId: ids.applicationId, apiTokenId: ids.apiTokenId, _embedded: false },
  },
  {
    action: 'applicationApiToken.patch',
    params: {
      applicationId: ids.applicationId,
      apiTokenId: ids.apiTokenId,
      apiToken: { description: 'ünïcode ✓', defaultRole: 'view' },
      ...domain,
    },
  },
  {
    action: 'applicationApiToken.delete',
    params: { applicationId: ids.applicationId, apiTokenId: ids.apiTokenId, _actions: true },
  },
  {
    action: 'userApiTokens.get',
    params: { ...listParams, ...domain, _embedded: false, _actions: true },
  },
  {
    action: 'userApiTokens.post',
    params: { apiToken: { name: 'me', scope: ['all.User.read'] }, _links: false },
  },
  { action: 'userApiToken.get', params: { apiTokenId: ids.apiTokenId, ...domain } },
  {
    action: 'userApiToken.patch',
    params: { apiTokenId: ids.apiTokenId, apiToken: { status: 'inactive' }, _embedded: false },
  },
  { action: 'userApiToken.delete', params: { apiTokenId: ids.apiTokenId, ...domain } },
  {
    action: 'applications.get',
    params: {
      sortField: 'ownerId',
      sortDirection: 'desc',
      page: 3,
      perPage: '20',
      filterField: 'name',
      filter: 'prod* east',
      orgId: ids.organizationId,
      summaryExclude: 'deviceCount,flowCount',
      summaryInclude: 'apiTokenCount',
      ...domain,
      _embedded: false,
      _actions: true,
    },
  },
  { action: 'applications.get', params: {} },
  { action: 'applications.get', params: { orgId: '', _links: false } },
];
