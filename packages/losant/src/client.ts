import {
  createHttpClient,
  createTokenAuth,
  type FetchFunction,
  type Logger,
  RequestValidationError,
  type TokenProvider,
} from '@tokenkit/core';
import { error as errorBody } from '@tokenkit/schemas/losant';
import { createResources } from './resources/create-resources.js';
import type { LosantResources } from './types.js';
import { VERSION } from './version.js';

/** Losant's public API, which `losant-rest` also defaults to. */
export const DEFAULT_URL = 'https://api.losant.com';

/** The API version range sent as `Accept-Version`: the one this package is built against. */
export const DEFAULT_ACCEPT_VERSION = '^1.30.0';

/** How to reach Losant and how to behave on the way. */
export interface LosantClientOptions {
  /**
   * A Losant API access token (sent as `Authorization: Bearer …`), or a function returning
   * one, called before each request (for tokens that rotate).
   */
  accessToken: TokenProvider;
  /**
   * The API's origin, for Losant private instances or a local mock.
   * @defaultValue 'https://api.losant.com'
   */
  url?: string;
  /**
   * The `Accept-Version` header: which API versions the answers may come from.
   * @defaultValue '^1.30.0'
   */
  acceptVersion?: string;
  /**
   * Milliseconds one attempt may take before it is abandoned with a `TimeoutError`.
   * @defaultValue 30000
   */
  timeout?: number;
  /**
   * How many times a failed idempotent request (GET, DELETE) is retried on 408, 429, 5xx or a
   * connection error. POST and PATCH are never retried once they may have reached Losant.
   * @defaultValue 2
   */
  maxRetries?: number;
  /** The `fetch` to use, for tests, proxies or other runtimes. @defaultValue globalThis.fetch */
  fetch?: FetchFunction;
  /** Headers sent with every request; they win over the defaults, per-call headers win over them. */
  headers?: Record<string, string>;
  /** Receives debug/info/warn/error events with redacted details. Off when unset. */
  logger?: Logger;
}

/** A Losant API-token client: the six resources of `losant-rest`, typed. */
export type LosantClient = LosantResources;

/** Reads `{ type, message }` from a Losant error body, whatever else it holds. */
function readErrorBody(body: unknown): { type?: string; message?: string } {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return {};
  const { type, message } = parsed.data;
  return { ...(type === undefined ? {} : { type }), ...(message === undefined ? {} : { message }) };
}

/** Checks `url` here, so that the error names the option the caller knows (`url`, not `baseUrl`). */
function checkUrl(url: unknown): void {
  const parsed = typeof url === 'string' && URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new RequestValidationError('url must be an absolute http(s) URL', { field: 'url' });
  }
}

/**
 * Creates a Losant API-token client. Every action sends what `losant-rest` sends (method,
 * path, query, `Accept`, `Authorization`, `losantdomain`, body), validates its params before
 * the network, parses the answer, and maps error statuses to typed errors.
 *
 * @throws RequestValidationError for an empty or malformed `accessToken`, a `url` that is not
 *   http(s), or a header value with CR/LF.
 *
 * @example
 * ```ts
 * const losant = createLosantClient({ accessToken: process.env.LOSANT_ACCESS_TOKEN! });
 * const { items } = await losant.applicationApiTokens.get({ applicationId, perPage: 50 });
 * ```
 */
export function createLosantClient(options: LosantClientOptions): LosantClient {
  const { accessToken, url = DEFAULT_URL, acceptVersion = DEFAULT_ACCEPT_VERSION } = options;
  checkUrl(url);
  const http = createHttpClient({
    baseUrl: url,
    baseUrlField: 'url',
    auth: createTokenAuth({ scheme: 'Bearer', token: accessToken, field: 'accessToken' }),
    userAgent: `@tokenkit/losant/${VERSION}`,
    headers: { Accept: 'application/json', 'Accept-Version': acceptVersion, ...options.headers },
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    errorDetails: readErrorBody,
  });
  return createResources(http);
}
