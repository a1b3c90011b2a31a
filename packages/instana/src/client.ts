import {
  createHttpClient,
  createTokenAuth,
  type FetchFunction,
  type Logger,
  type TokenProvider,
} from '@tokenkit/core';
import { type ApiTokens, createApiTokens } from './api-tokens.js';
import { checkBaseUrl } from './base-url.js';
import { readErrorDetails } from './error-details.js';
import { type RateLimitInfo, readRateLimit } from './rate-limit.js';
import { VERSION } from './version.js';

/** Options of {@link createInstanaClient}. */
export interface InstanaClientOptions {
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
  /**
   * Milliseconds one attempt may take.
   * @default 30000
   */
  timeout?: number;
  /**
   * How often a GET, PUT or DELETE is retried after a 408, 429, 500, 502, 503, 504, a timeout
   * or a connection error; a 429 waits until `X-RateLimit-Reset` (if that is at most 60 s
   * away). POST is retried only when the connection was refused. Overridable per call.
   * @default 2
   */
  maxRetries?: number;
  /** The `fetch` to use, e.g. one with a proxy; `globalThis.fetch` fits. @default globalThis.fetch */
  fetch?: FetchFunction;
  /** Headers sent with every request; per-call `headers` override them. */
  headers?: Record<string, string>;
  /** Receives debug/info/warn/error lines, secrets redacted. Off by default. */
  logger?: Logger;
}

/** A client for one Instana tenant unit, from {@link createInstanaClient}. */
export interface InstanaClient {
  /** The five API-token operations. */
  readonly apiTokens: ApiTokens;
  /**
   * The `X-RateLimit-Limit`, `-Remaining` and `-Reset` headers of the latest response that had
   * them, or `undefined` before the first one. Instana allows 5,000 calls per hour per token.
   */
  readonly rateLimit: RateLimitInfo | undefined;
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
  const http = createHttpClient({
    baseUrl,
    auth: createTokenAuth({ scheme: 'apiToken', token: options.apiToken, field: 'apiToken' }),
    userAgent: `@tokenkit/instana/${VERSION}`,
    headers: options.headers,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    fetch: options.fetch,
    logger: options.logger,
    errorDetails: readErrorDetails,
    onResponse(response) {
      rateLimit = readRateLimit(response.headers) ?? rateLimit;
    },
  });
  return {
    apiTokens: createApiTokens(http),
    get rateLimit() {
      return rateLimit;
    },
  };
}
