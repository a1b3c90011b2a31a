/**
 * Core's error classes and guards, re-exported so that callers import everything from
 * `@tokenkit/losant`. A Losant error body's `type` is on `vendorType`, its `message` on
 * `vendorMessage`.
 */
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
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
} from '@tokenkit/core';
