export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  type FetchFunction,
  isAbortError,
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isConnectionError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isRequestValidationError,
  isResponseValidationError,
  isServerError,
  isTimeoutError,
  isTokenkitError,
  isUnprocessableEntityError,
  type Logger,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RequestOptions,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  TokenkitError,
  type TokenProvider,
  UnprocessableEntityError,
} from '@tokenkit/core';
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
