export { actionScopes, type LosantAction, losantActions } from './losant/action-scopes.js';
export {
  type ApiToken,
  apiToken,
  type CreatedApiToken,
  createdApiToken,
} from './losant/api-token.js';
export {
  type ApiTokenPatch,
  type ApiTokenPatchInput,
  apiTokenPatch,
} from './losant/api-token-patch.js';
export {
  type ApiTokenPost,
  type ApiTokenPostInput,
  apiTokenPost,
} from './losant/api-token-post.js';
export { type ApiTokens, apiTokens } from './losant/api-tokens.js';
export { dateTime } from './losant/date-time.js';
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
} from './losant/enums.js';
export {
  filterFields,
  type ListQuery,
  type ListQueryInput,
  listQuery,
  sortFields,
} from './losant/list-query.js';
export { objectId, orgId } from './losant/object-id.js';
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
} from './losant/path-params.js';
export { error, type LosantError, type Success, success } from './losant/responses.js';
export {
  type OrgRoleGrant,
  orgRoleGrant,
  orgRoles,
  type ResourceRoleGrant,
  resourceRoleGrant,
} from './losant/roles.js';
export {
  type ApiTokenScope,
  allScopes,
  apiTokenScope,
  applicationScopes,
  instanceScopes,
  organizationScopes,
  scopeList,
  userScopes,
} from './losant/scopes.js';
