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
  ApplicationOwner,
  ApplicationsParams,
  GlobalParams,
  InstanceOwner,
  ListParams,
  TokenCreateParams,
  TokenIterateParams,
  TokenListParams,
  TokenOwner,
  TokenParams,
  TokenPatchParams,
  UserOwner,
} from './params.js';
export type * from './schema-types.js';
export type * from './types.js';
export { VERSION } from './version.js';
