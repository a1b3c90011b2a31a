import type { RequestOptions, Rotation } from '@tokenkit/core';
import type { ApiToken, ApiTokenInput } from '@tokenkit/schemas/instana';
import type { RateLimitInfo } from './rate-limit.js';

// The client's public shapes, below every module that implements or uses them.

/** A client for one Instana tenant unit, from {@link createInstanaClient}. */
export interface InstanaClient {
  /** The five API-token operations, and rotation. */
  readonly apiTokens: ApiTokenApi;
  /**
   * The `X-RateLimit-Limit`, `-Remaining` and `-Reset` headers of the latest response that had
   * them, or `undefined` before the first one. Instana allows 5,000 calls per hour per token.
   */
  readonly rateLimit: RateLimitInfo | undefined;
}

/**
 * The five operations of Instana's `APITokenApi`, named as in Instana's generated clients, plus
 * rotation. Every one needs an API token with the `canConfigureApiTokens` permission.
 */
export interface ApiTokenApi {
  /**
   * Lists the tenant unit's API tokens; an empty list where Instana answers 404 "No API Tokens
   * found". Needs `canConfigureApiTokens`.
   *
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | GET /api/settings/api-tokens}
   */
  getApiTokens(options?: RequestOptions): Promise<ApiToken[]>;
  /**
   * Fetches one API token by its `internalId`; a 404 throws `NotFoundError`. Instana masks `id`
   * and `accessGrantingToken` in the answer. Needs `canConfigureApiTokens`.
   *
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | GET /api/settings/api-tokens/{internalId}}
   */
  getApiToken(internalId: string, options?: RequestOptions): Promise<ApiToken>;
  /**
   * Creates an API token from a complete body (build one with `newApiToken`) and returns what
   * the server stored, which may differ (see `diffPermissions`). Safe to retry: when an answer
   * is lost (connection dropped, timeout, broken body, 5xx), it asks
   * `GET /api/settings/api-tokens/{internalId}` whether the token exists and sends the POST
   * again only when it does not, at most `maxRetries` times. So it creates exactly one token,
   * and a token recovered that way comes back as Instana reads it, without `id` (Instana masks
   * it) and with the secret you sent. Needs `canConfigureApiTokens`.
   *
   * @throws CreateOutcomeUnknownError when the answer was lost and whether the token exists
   *   could not be found out either.
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | POST /api/settings/api-tokens}
   */
  postApiToken(token: ApiTokenInput, options?: RequestOptions): Promise<ApiToken>;
  /**
   * Creates or replaces the API token at `internalId` with `token` (whose own `internalId` must
   * match) and returns what the server stored. Needs `canConfigureApiTokens`.
   *
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | PUT /api/settings/api-tokens/{internalId}}
   */
  putApiToken(
    internalId: string,
    token: ApiTokenInput,
    options?: RequestOptions,
  ): Promise<ApiToken>;
  /**
   * Deletes the API token at `internalId` (Instana answers 204). A retry that finds the token
   * gone after the first answer was lost resolves too; a 404 on the first attempt throws
   * `NotFoundError`. Needs `canConfigureApiTokens`.
   *
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | DELETE /api/settings/api-tokens/{internalId}}
   */
  deleteApiToken(internalId: string, options?: RequestOptions): Promise<void>;
  /**
   * Replaces the token at `internalId` through the lifecycle engine (`rotateToken`): creates a
   * new one holding every permission and scope flag of the old one (flags newer than this
   * package included), its `expiresOn` unless `expiresOn` is given, its name unless `name` is,
   * and a fresh `internalId` and secret from `newApiToken`; hands the secret tokenkit generated
   * and sent to `deliver` (never the server's echo); reads the new token with that secret (a
   * 401 undoes the rotation, a 403 counts as `limited`); then deletes the old token
   * (`revoke: 'delete'`, the default) or leaves it (`'keep'`). If `deliver` throws, the
   * replacement is deleted and the old token is left as it was. Resolves to the `Rotation`.
   *
   * @throws RotationError for any failed step, saying which one and what became of both tokens
   *   (ids only, never a secret); RequestValidationError before anything is sent for bad params.
   * @example
   * const { created } = await instana.apiTokens.rotateApiToken(id, {
   *   deliver: (secret) => vault.write('instana/ci', secret),
   * });
   */
  rotateApiToken(
    internalId: string,
    params: RotateApiTokenParams,
    options?: RequestOptions,
  ): Promise<Rotation<ApiToken>>;
}

/** What {@link ApiTokenApi.rotateApiToken} takes besides the old token's `internalId`. */
export interface RotateApiTokenParams {
  /**
   * Hands the replacement's secret to wherever it must go (a vault, a file, a CI variable).
   * Awaited; when it throws or rejects, the replacement is deleted and the old token kept.
   */
  deliver: (secret: string, created: ApiToken) => unknown;
  /**
   * What to do with the old token once the secret is delivered and verified.
   * @default 'delete'
   */
  revoke?: 'delete' | 'keep' | undefined;
  /**
   * The replacement's name.
   * @default the old token's name
   */
  name?: string | undefined;
  /**
   * The replacement's expiry (epoch milliseconds), or `null` for never.
   * @default the old token's `expiresOn`
   */
  expiresOn?: number | null | undefined;
}
