/**
 * The error classes and their name-based guards: the part of core that vendor packages
 * re-export whole (`export * from '@tokenkit/core/errors'`), so their users import errors from
 * the vendor package they installed.
 */
export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RedactedRequest,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  TokenkitError,
  UnprocessableEntityError,
  type ValidationIssue,
} from './errors.js';
export {
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
} from './guards.js';
