import type {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CreateOutcomeUnknownError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  RotationError,
  ServerError,
  TimeoutError,
  TokenDeliveryError,
  TokenkitError,
  UnprocessableEntityError,
} from './errors.js';

/*
 * Guards compare `name` (plus a `Symbol.for` brand) instead of `instanceof`, so they still work
 * when two copies of @tokenkit/core end up in one dependency tree.
 */

const brand = Symbol.for('@tokenkit/core/error');
const apiErrorNames = new Set([
  'ApiError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'ServerError',
]);

function hasName(value: unknown, names: ReadonlySet<string> | string): boolean {
  if (typeof value !== 'object' || value === null || !(brand in value)) return false;
  const { name } = value as { name?: unknown };
  if (typeof name !== 'string') return false;
  return typeof names === 'string' ? name === names : names.has(name);
}

/** True for every error thrown by any copy of @tokenkit/core. */
export function isTokenkitError(value: unknown): value is TokenkitError {
  return typeof value === 'object' && value !== null && brand in value;
}
/** True for {@link ApiError} and all its subclasses (the server answered with an error status). */
export function isApiError(value: unknown): value is ApiError {
  return hasName(value, apiErrorNames);
}
/** True for a 400 {@link BadRequestError}. */
export function isBadRequestError(value: unknown): value is BadRequestError {
  return hasName(value, 'BadRequestError');
}
/** True for a 401 {@link AuthenticationError}. */
export function isAuthenticationError(value: unknown): value is AuthenticationError {
  return hasName(value, 'AuthenticationError');
}
/** True for a 403 {@link PermissionDeniedError}. */
export function isPermissionDeniedError(value: unknown): value is PermissionDeniedError {
  return hasName(value, 'PermissionDeniedError');
}
/** True for a 404 {@link NotFoundError}. */
export function isNotFoundError(value: unknown): value is NotFoundError {
  return hasName(value, 'NotFoundError');
}
/** True for a 409 {@link ConflictError}. */
export function isConflictError(value: unknown): value is ConflictError {
  return hasName(value, 'ConflictError');
}
/** True for a 422 {@link UnprocessableEntityError}. */
export function isUnprocessableEntityError(value: unknown): value is UnprocessableEntityError {
  return hasName(value, 'UnprocessableEntityError');
}
/** True for a 429 {@link RateLimitError}. */
export function isRateLimitError(value: unknown): value is RateLimitError {
  return hasName(value, 'RateLimitError');
}
/** True for a 5xx {@link ServerError}. */
export function isServerError(value: unknown): value is ServerError {
  return hasName(value, 'ServerError');
}
/** True for a {@link ConnectionError}. */
export function isConnectionError(value: unknown): value is ConnectionError {
  return hasName(value, 'ConnectionError');
}
/** True for our {@link TimeoutError} (not ky's or a DOMException named `TimeoutError`). */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return hasName(value, 'TimeoutError');
}
/** True for our {@link AbortError} (not a DOMException named `AbortError`). */
export function isAbortError(value: unknown): value is AbortError {
  return hasName(value, 'AbortError');
}
/** True for a {@link RequestValidationError}. */
export function isRequestValidationError(value: unknown): value is RequestValidationError {
  return hasName(value, 'RequestValidationError');
}
/** True for a {@link ResponseValidationError}. */
export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return hasName(value, 'ResponseValidationError');
}
/** True for a {@link ResponseTooLargeError} (a body past `maxResponseBytes`). */
export function isResponseTooLargeError(value: unknown): value is ResponseTooLargeError {
  return hasName(value, 'ResponseTooLargeError');
}
/** True for a {@link RotationError} (a rotation that stopped part way). */
export function isRotationError(value: unknown): value is RotationError {
  return hasName(value, 'RotationError');
}
/** True for a {@link TokenDeliveryError} (a created token whose secret could not be delivered). */
export function isTokenDeliveryError(value: unknown): value is TokenDeliveryError {
  return hasName(value, 'TokenDeliveryError');
}
/** True for a {@link CreateOutcomeUnknownError} (a create that may or may not have happened). */
export function isCreateOutcomeUnknownError(value: unknown): value is CreateOutcomeUnknownError {
  return hasName(value, 'CreateOutcomeUnknownError');
}
