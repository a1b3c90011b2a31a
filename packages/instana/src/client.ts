import {
  type ClientOptions,
  createHttpClient,
  createTokenAuth,
  pickClientOptions,
  type TokenProvider,
} from '@tokenkit/core';
import { createApiTokenApi } from './api-token-api.js';
import { checkBaseUrl } from './base-url.js';
import { readErrorDetails } from './error-details.js';
import { type RateLimitInfo, readRateLimit } from './rate-limit.js';
import { registerStoreSource } from './store-registry.js';
import type { InstanaClient } from './types.js';
import { VERSION } from './version.js';

/** The hook types of the `hooks` option, core's own. */
export type {
  AnswerLostEvent,
  ClientHooks,
  FailureEvent,
  HookEvent,
  ResponseEvent,
  RetryEvent,
} from '@tokenkit/core';
export type { InstanaClient } from './types.js';

/**
 * Options of {@link createInstanaClient}: the credential and the tenant unit, plus core's
 * transport options (`ClientOptions`, documented there). Instana-specific: `maxRetries` also
 * bounds how often `postApiToken` is sent again after an answer was lost (it checks first).
 */
export interface InstanaClientOptions extends ClientOptions {
  /**
   * An Instana API token with the `canConfigureApiTokens` permission, or a function that
   * returns one (called per request, so it may rotate). Sent as `Authorization: apiToken <token>`.
   */
  apiToken: TokenProvider;
  /**
   * Your tenant unit's origin, the address of the Instana UI: `https://<unit>-<tenant>.instana.io`
   * or your self-hosted domain. No path (the client adds `/api/settings/api-tokens`); plain
   * `http` only for loopback hosts.
   */
  baseUrl: string;
}

/**
 * Creates a client for Instana's API-token endpoints.
 *
 * @example
 * const instana = createInstanaClient({
 *   apiToken: process.env.INSTANA_API_TOKEN!,
 *   baseUrl: 'https://unit-tenant.instana.io',
 * });
 * const tokens = await instana.apiTokens.getApiTokens();
 * @throws RequestValidationError naming `baseUrl` or `apiToken` when either is unusable.
 */
export function createInstanaClient(options: InstanaClientOptions): InstanaClient {
  const baseUrl = checkBaseUrl(options?.baseUrl);
  let rateLimit: RateLimitInfo | undefined;
  const httpWith = (token: TokenProvider) =>
    createHttpClient({
      ...pickClientOptions(options),
      baseUrl,
      auth: createTokenAuth({ scheme: 'apiToken', token, field: 'apiToken' }),
      userAgent: `@tokenkit/instana/${VERSION}`,
      errorDetails: readErrorDetails,
      onResponse(response) {
        rateLimit = readRateLimit(response.headers) ?? rateLimit;
      },
    });
  const { api, storeDeps } = createApiTokenApi(httpWith(options.apiToken), {
    maxRetries: options.maxRetries,
    clientWith: httpWith,
  });
  const client: InstanaClient = {
    apiTokens: api,
    get rateLimit() {
      return rateLimit;
    },
  };
  registerStoreSource(client, { api, deps: storeDeps });
  return client;
}
