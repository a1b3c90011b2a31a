import {
  createHttpClient,
  createTokenAuth,
  type HttpClientOptions,
  type TokenProvider,
} from '@tokenkit/core';
import { error as errorBody } from '@tokenkit/schemas/losant';
import { registerOwners } from './owner-registry.js';
import { createResources } from './resources/create-resources.js';
import type { LosantClient } from './types.js';
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

/** Losant's public API, which `losant-rest` also defaults to. */
export const DEFAULT_URL = 'https://api.losant.com';

/** The API version range sent as `Accept-Version`: the one this package is built against. */
export const DEFAULT_ACCEPT_VERSION = '^1.30.0';

/**
 * Losant's own query params, shown as they are in errors and logs (core redacts every query
 * value it does not know): the three global flags and the application list's owner and summary
 * selectors. `filter` stays redacted: it is free text.
 */
const losantQueryParameters = [
  '_actions',
  '_links',
  '_embedded',
  'orgId',
  'summaryExclude',
  'summaryInclude',
];

/** How to reach Losant and how to behave on the way: core's transport options, plus Losant's. */
export interface LosantClientOptions
  extends Pick<
    HttpClientOptions,
    | 'timeout'
    | 'totalTimeout'
    | 'maxRetries'
    | 'maxRetryAfter'
    | 'backoff'
    | 'fetch'
    | 'signal'
    | 'headers'
    | 'logger'
    | 'maxResponseBytes'
    | 'hooks'
  > {
  /**
   * A Losant API access token (sent as `Authorization: Bearer …`), or a function returning
   * one, called before each request (for tokens that rotate).
   */
  accessToken: TokenProvider;
  /**
   * The API's origin, for Losant private instances or a local mock. Plain `http` is refused
   * for a host that is not loopback (127.0.0.0/8, localhost, [::1]): the token would travel in clear.
   * @default 'https://api.losant.com'
   */
  url?: string | undefined;
  /**
   * The `Accept-Version` header: which API versions the answers may come from.
   * @default '^1.30.0'
   */
  acceptVersion?: string | undefined;
}

export type { LosantClient } from './types.js';

/** Reads `{ type, message }` from a Losant error body, whatever else it holds. */
function readErrorBody(body: unknown): { type?: string; message?: string } {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return {};
  const { type, message } = parsed.data;
  return { ...(type === undefined ? {} : { type }), ...(message === undefined ? {} : { message }) };
}

/**
 * Creates a Losant API-token client. Every action sends what `losant-rest` sends (method,
 * path, query, `Accept`, `Authorization`, `losantdomain`, body), validates its params before
 * the network, parses the answer, and maps error statuses to typed errors.
 *
 * @throws RequestValidationError for an empty or malformed `accessToken`, a `url` that is not
 *   an absolute http(s) URL or holds a user name or password, or a header value with CR/LF.
 *
 * @example
 * ```ts
 * const losant = createLosantClient({ accessToken: process.env.LOSANT_ACCESS_TOKEN! });
 * const { items } = await losant.applicationApiTokens.get({ applicationId, perPage: 50 });
 * ```
 */
export function createLosantClient(options: LosantClientOptions): LosantClient {
  const { accessToken, url, acceptVersion, headers, ...transport } = options;
  const httpWith = (token: TokenProvider) =>
    createHttpClient({
      ...transport,
      // Core checks the URL and names it as the caller knows it.
      baseUrl: url ?? DEFAULT_URL,
      baseUrlField: 'url',
      auth: createTokenAuth({ scheme: 'Bearer', token, field: 'accessToken' }),
      userAgent: `@tokenkit/losant/${VERSION}`,
      headers: {
        Accept: 'application/json',
        'Accept-Version': acceptVersion ?? DEFAULT_ACCEPT_VERSION,
        ...headers,
      },
      errorDetails: readErrorBody,
      redaction: { allowedQueryParameters: losantQueryParameters },
    });
  const { resources, owners } = createResources(httpWith(accessToken), httpWith);
  registerOwners(resources, owners);
  return resources;
}
