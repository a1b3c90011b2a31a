export type {
  FetchFunction,
  Logger,
  RequestOptions,
  TokenProvider,
} from '@tokenkit/core';
export * from '@tokenkit/core/errors';
export {
  type ApiToken,
  type ApiTokenInput,
  type PermissionName,
  permissionNames,
} from '@tokenkit/schemas/instana';
export type { ApiTokens } from './api-tokens.js';
export { createInstanaClient, type InstanaClient, type InstanaClientOptions } from './client.js';
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
export type { RateLimitInfo } from './rate-limit.js';
export { VERSION } from './version.js';
