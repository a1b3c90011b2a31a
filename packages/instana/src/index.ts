export {
  type CreatedToken,
  createToken,
  type FetchFunction,
  isCreateAnswerLost,
  type Logger,
  type ReplacementOverrides,
  type RequestOptions,
  type Rotation,
  rotateToken,
  type TokenProvider,
  type TokenStore,
  type Verification,
} from '@tokenkit/core';
export * from '@tokenkit/core/errors';
export {
  type ApiToken,
  type ApiTokenInput,
  type PermissionName,
  permissionNames,
} from '@tokenkit/schemas/instana';
export {
  type AnswerLostEvent,
  type ClientHooks,
  createInstanaClient,
  type FailureEvent,
  type HookEvent,
  type InstanaClient,
  type InstanaClientOptions,
  type ResponseEvent,
  type RetryEvent,
} from './client.js';
export {
  diffPermissions,
  KNOWN_SERVER_REWRITES,
  type PermissionChange,
} from './diff-permissions.js';
export {
  type NewApiToken,
  type NewApiTokenParams,
  newApiToken,
  type PermissionFlags,
} from './new-api-token.js';
export { grantedPermissions, permissionFlags } from './permission-flags.js';
export { isPermissionFlag, isPermissionName, suggestPermissionName } from './permission-names.js';
export type { RateLimitInfo } from './rate-limit.js';
export type { InstanaTokenStore } from './token-store.js';
export { instanaTokenStore } from './token-stores.js';
export type { ApiTokenApi, RotateApiTokenParams } from './types.js';
export { VERSION } from './version.js';
