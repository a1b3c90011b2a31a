export { closest } from '../closest.js';
export { type GlobOptions, globPattern } from '../glob.js';
export { actionScopes, type LosantAction, losantActions } from './action-scopes.js';
export {
  type ApiToken,
  apiToken,
  type CreatedApiToken,
  createdApiToken,
} from './api-token.js';
export {
  type ApiTokenPatch,
  type ApiTokenPatchInput,
  apiTokenPatch,
} from './api-token-patch.js';
export {
  type ApiTokenPost,
  type ApiTokenPostInput,
  apiTokenPost,
} from './api-token-post.js';
export { type ApiTokens, apiTokens } from './api-tokens.js';
export {
  type Application,
  type ApplicationOwnerType,
  application,
  applicationOwnerType,
} from './application.js';
export { type Applications, applications } from './applications.js';
export {
  type ApplicationsQuery,
  type ApplicationsQueryInput,
  applicationFilterFields,
  applicationSortFields,
  applicationsQuery,
} from './applications-query.js';
export { dateTime } from './date-time.js';
export {
  type CreatorType,
  creatorType,
  type OrgRole,
  type OwnerType,
  orgRole,
  ownerType,
  type ResourceRole,
  resourceRole,
  type TokenRole,
  type TokenStatus,
  tokenRole,
  tokenStatus,
} from './enums.js';
export {
  filterFields,
  type ListQuery,
  type ListQueryInput,
  listQuery,
  sortFields,
} from './list-query.js';
export { objectId, orgId } from './object-id.js';
export {
  type ApplicationTokenPath,
  type ApplicationTokensPath,
  applicationTokenPath,
  applicationTokensPath,
  type InstanceTokenPath,
  type InstanceTokensPath,
  instanceTokenPath,
  instanceTokensPath,
  type UserTokenPath,
  userTokenPath,
} from './path-params.js';
export { error, type LosantError, type Success, success } from './responses.js';
export {
  type OrgRoleGrant,
  orgRoleGrant,
  orgRoles,
  type ResourceRoleGrant,
  resourceRoleGrant,
} from './roles.js';
export {
  type ApiTokenScope,
  allScopes,
  apiTokenScope,
  applicationScopes,
  instanceScopes,
  organizationScopes,
  scopeList,
  scopesByOwner,
  userScopes,
} from './scopes.js';
