export { closest } from '../closest.js';
export { type GlobOptions, globPattern } from '../glob.js';
export {
  type ApiToken,
  type ApiTokenInput,
  type ApiTokenList,
  apiToken,
  apiTokenList,
} from './api-token.js';
export { errorBody, type InstanaErrorBody } from './error-body.js';
export {
  capabilityNames,
  limitedScopeNames,
  type PermissionName,
  permissionNames,
} from './permission-names.js';
