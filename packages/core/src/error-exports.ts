/**
 * The error classes and their name-based guards: the part of core that vendor packages
 * re-export whole (`export * from '@tokenkit/core/errors'`), so their users import errors from
 * the vendor package they installed.
 */
export { isAnswerLost } from './answer-lost.js';
export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CreateOutcomeUnknownError,
  type CreateOutcomeUnknownErrorOptions,
  NotFoundError,
  type OldTokenState,
  PermissionDeniedError,
  RateLimitError,
  type RedactedRequest,
  type ReplacementState,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  RotationError,
  type RotationErrorOptions,
  type RotationStep,
  ServerError,
  TimeoutError,
  TokenDeliveryError,
  type TokenDeliveryErrorOptions,
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
  isCreateOutcomeUnknownError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isRequestValidationError,
  isResponseTooLargeError,
  isResponseValidationError,
  isRotationError,
  isServerError,
  isTimeoutError,
  isTokenDeliveryError,
  isTokenkitError,
  isUnprocessableEntityError,
} from './guards.js';
// Here as well as in the lifecycle engine: a vendor's plain create uses it, and importing it
// from here keeps the engine out of what that create loads.
export { isCreateAnswerLost } from './lifecycle/create-answer-lost.js';
