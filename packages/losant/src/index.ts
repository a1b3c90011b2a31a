export type {
  FetchFunction,
  HttpResponse,
  Logger,
  PageIterator,
  RequestOptions,
  TokenProvider,
} from '@tokenkit/core';
// Every scope a token can be created with (API v1.30.0), in Losant's four families, so that a
// caller listing or suggesting scopes needs nothing but this package. Losant's schema ties no
// family to a token owner.
export {
  allScopes,
  applicationScopes,
  instanceScopes,
  organizationScopes,
  userScopes,
} from '@tokenkit/schemas/losant';
export { LOSANT_ACTION_DOCS, type LosantActionDoc, requiredScopes } from './action-docs.js';
export {
  type AnswerLostEvent,
  type ClientHooks,
  createLosantClient,
  DEFAULT_ACCEPT_VERSION,
  DEFAULT_URL,
  type FailureEvent,
  type HookEvent,
  type LosantClient,
  type LosantClientOptions,
  type ResponseEvent,
  type RetryEvent,
} from './client.js';
export * from './errors.js';
export type {
  ActionName,
  ActionParams,
  ActionResult,
  GlobalParams,
  ListParams,
} from './params.js';
export type * from './schema-types.js';
export type * from './types.js';
export { VERSION } from './version.js';
