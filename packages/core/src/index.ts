export {
  type AuthStrategy,
  createTokenAuth,
  type TokenAuthOptions,
  type TokenProvider,
} from './auth.js';
export { checkBaseUrlSecurity, parseBaseUrl } from './base-url.js';
export { type ClientOptions, pickClientOptions } from './client-options.js';
export * from './error-exports.js';
export type { FetchFunction } from './fetch-attempt.js';
export type { HeaderInput } from './headers.js';
export type {
  AnswerLostEvent,
  ClientHooks,
  FailureEvent,
  HookEvent,
  ResponseEvent,
  RetryEvent,
} from './hooks.js';
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type RequestOptions,
} from './http-client.js';
export type { Logger } from './logger.js';
export { defaultErrorDetails, type ErrorDetails, type ErrorDetailsReader } from './map-error.js';
export { type PageIterator, type PaginateOptions, paginate } from './paginate.js';
export { path } from './path.js';
export type { QueryValue } from './query.js';
export {
  createRedactor,
  defaultAllowedHeaderNames,
  defaultAllowedQueryParameters,
  type RedactionOptions,
  type Redactor,
} from './redact.js';
export type { BackoffOptions } from './retry-policy.js';
export type { StandardSchemaV1 } from './standard-schema.js';
export {
  formatIssues,
  validateInput,
  validateInputAsync,
} from './validate-input.js';
export { VERSION } from './version.js';
