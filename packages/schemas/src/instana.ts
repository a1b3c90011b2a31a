export {
  type ApiToken,
  type ApiTokenInput,
  type ApiTokenList,
  apiToken,
  apiTokenList,
} from './instana/api-token.js';
export { errorBody, type InstanaErrorBody } from './instana/error-body.js';
export {
  capabilityNames,
  limitedScopeNames,
  type PermissionName,
  permissionNames,
} from './instana/permission-names.js';
