export type {
  FetchFunction,
  HttpResponse,
  Logger,
  PageIterator,
  RequestOptions,
  TokenProvider,
} from '@tokenkit/core';
export { LOSANT_ACTION_DOCS, type LosantActionDoc, requiredScopes } from './action-docs.js';
export {
  createLosantClient,
  DEFAULT_ACCEPT_VERSION,
  DEFAULT_URL,
  type LosantClient,
  type LosantClientOptions,
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
export {
  allScopes,
  applicationScopes,
  instanceScopes,
  organizationScopes,
  userScopes,
} from './scopes.js';
export type * from './types.js';
export { VERSION } from './version.js';
