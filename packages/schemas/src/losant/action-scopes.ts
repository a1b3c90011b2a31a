import type { ApiTokenScope } from './scopes.js';

/**
 * The actions the SDK runs, named `resource.action` as in the official client: the fifteen
 * token actions, then `applications.get`, the listing that finds every application to audit.
 */
export const losantActions = [
  'instanceApiTokens.get',
  'instanceApiTokens.post',
  'instanceApiToken.get',
  'instanceApiToken.patch',
  'instanceApiToken.delete',
  'applicationApiTokens.get',
  'applicationApiTokens.post',
  'applicationApiToken.get',
  'applicationApiToken.patch',
  'applicationApiToken.delete',
  'userApiTokens.get',
  'userApiTokens.post',
  'userApiToken.get',
  'userApiToken.patch',
  'userApiToken.delete',
  'applications.get',
] as const;
/** One of the actions the SDK runs, e.g. `'instanceApiTokens.get'` or `'applications.get'`. */
export type LosantAction = (typeof losantActions)[number];

/**
 * The scopes each action accepts (API v1.30.0): a token needs at least one of them.
 * Lets callers and the CLI tell, before calling, whether a token can run an action.
 */
export const actionScopes = {
  'instanceApiTokens.get': [
    'all.Instance',
    'all.Instance.bounded',
    'all.Instance.read',
    'all.User',
    'all.User.bounded',
    'all.User.read',
    'instanceApiTokens.*',
    'instanceApiTokens.get',
  ],
  'instanceApiTokens.post': [
    'all.Instance',
    'all.User',
    'instanceApiTokens.*',
    'instanceApiTokens.post',
  ],
  'instanceApiToken.get': [
    'all.Instance',
    'all.Instance.bounded',
    'all.Instance.read',
    'all.User',
    'all.User.bounded',
    'all.User.read',
    'instanceApiToken.*',
    'instanceApiToken.get',
  ],
  'instanceApiToken.patch': [
    'all.Instance',
    'all.User',
    'instanceApiToken.*',
    'instanceApiToken.patch',
  ],
  'instanceApiToken.delete': [
    'all.Instance',
    'all.User',
    'instanceApiToken.*',
    'instanceApiToken.delete',
  ],
  'applicationApiTokens.get': [
    'all.Application',
    'all.Application.bounded',
    'all.Application.read',
    'all.Organization',
    'all.Organization.bounded',
    'all.Organization.read',
    'all.User',
    'all.User.bounded',
    'all.User.read',
    'applicationApiTokens.*',
    'applicationApiTokens.get',
  ],
  'applicationApiTokens.post': [
    'all.Application',
    'all.Organization',
    'all.User',
    'applicationApiTokens.*',
    'applicationApiTokens.post',
  ],
  'applicationApiToken.get': [
    'all.Application',
    'all.Application.bounded',
    'all.Application.read',
    'all.Organization',
    'all.Organization.bounded',
    'all.Organization.read',
    'all.User',
    'all.User.bounded',
    'all.User.read',
    'applicationApiToken.*',
    'applicationApiToken.get',
  ],
  'applicationApiToken.patch': [
    'all.Application',
    'all.Organization',
    'all.User',
    'applicationApiToken.*',
    'applicationApiToken.patch',
  ],
  'applicationApiToken.delete': [
    'all.Application',
    'all.Organization',
    'all.User',
    'applicationApiToken.*',
    'applicationApiToken.delete',
  ],
  'userApiTokens.get': [
    'all.User',
    'all.User.bounded',
    'all.User.read',
    'only.User',
    'only.User.bounded',
    'only.User.read',
    'userApiTokens.*',
    'userApiTokens.get',
  ],
  'userApiTokens.post': ['all.User', 'only.User', 'userApiTokens.*', 'userApiTokens.post'],
  'userApiToken.get': [
    'all.User',
    'all.User.bounded',
    'all.User.read',
    'only.User',
    'only.User.bounded',
    'only.User.read',
    'userApiToken.*',
    'userApiToken.get',
  ],
  'userApiToken.patch': ['all.User', 'only.User', 'userApiToken.*', 'userApiToken.patch'],
  'userApiToken.delete': ['all.User', 'only.User', 'userApiToken.*', 'userApiToken.delete'],
  'applications.get': [
    'all.Organization',
    'all.Organization.read',
    'all.User',
    'all.User.cli',
    'all.User.read',
    'applications.*',
    'applications.get',
  ],
} as const satisfies Record<LosantAction, readonly ApiTokenScope[]>;
