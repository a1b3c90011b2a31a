import {
  type HttpClient,
  isNotFoundError,
  type NotFoundError,
  path,
  type RequestOptions,
  type Rotation,
} from '@tokenkit/core';
import type { ApiToken, ApiTokenInput } from '@tokenkit/schemas/instana';
import { checkInternalId, checkTokenBody } from './check-input.js';
import { invalidInput } from './invalid-input.js';
import { tokenListResponse, tokenResponse } from './responses.js';
import { type RotateApiTokenParams, rotateApiToken } from './rotate.js';
import { createOnce } from './safe-create.js';
import { createInstanaTokenStore, type InstanaTokenStore } from './token-store.js';

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

/** Since API 1.282 Instana answers an empty collection with 404 "No API Tokens found". */
function isNoTokensFound(error: NotFoundError): boolean {
  const body = typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? '');
  return /no api tokens found/i.test(`${body} ${error.vendorMessage ?? ''}`);
}

/** The client's defaults the resource needs to know itself. */
export interface ApiTokenApiDefaults {
  /** The client's `maxRetries`, which also bounds how often a lost POST is sent again. */
  maxRetries: number | undefined;
  /** A client holding another API token (a new token's own secret, to verify it). */
  clientWith: (secret: string) => HttpClient;
}

/** The `apiTokens` resource over one HTTP client, and the lifecycle store over it. */
export function createApiTokenApi(
  http: HttpClient,
  defaults: ApiTokenApiDefaults,
): { api: ApiTokenApi; store: InstanaTokenStore } {
  const api: ApiTokenApi = {
    async getApiTokens(options) {
      try {
        const request = { method: 'GET', path: '/api/settings/api-tokens' } as const;
        return (await http.request({ ...request, responseSchema: tokenListResponse }, options))
          .data;
      } catch (error) {
        if (isNotFoundError(error) && isNoTokensFound(error)) return [];
        throw error;
      }
    },

    async getApiToken(internalId, options) {
      const id = checkInternalId(internalId);
      const response = await http.request(
        {
          method: 'GET',
          path: path`/api/settings/api-tokens/${id}`,
          responseSchema: tokenResponse,
        },
        options,
      );
      return response.data;
    },

    async postApiToken(token, options) {
      return createOnce(http, checkTokenBody(token), options, defaults.maxRetries);
    },

    async putApiToken(internalId, token, options) {
      const id = checkInternalId(internalId);
      const body = checkTokenBody(token);
      if (body.internalId !== id) {
        throw invalidInput(
          'token.internalId',
          `token.internalId ('${body.internalId}') differs from the internalId argument ('${id}'); PUT files the body under the path's id, so they must match`,
        );
      }
      const response = await http.request(
        {
          method: 'PUT',
          path: path`/api/settings/api-tokens/${id}`,
          body,
          responseSchema: tokenResponse,
          secrets: [body.accessGrantingToken],
        },
        options,
      );
      return response.data;
    },

    async deleteApiToken(internalId, options) {
      const id = checkInternalId(internalId);
      await http.request(
        // Core resolves a DELETE whose retry finds the token gone after a lost answer
        // (`deletedBody`, here no body at all).
        { method: 'DELETE', path: path`/api/settings/api-tokens/${id}`, emptyResponse: true },
        options,
      );
    },

    async rotateApiToken(internalId, params, options) {
      return rotateApiToken(store, internalId, params, options);
    },
  };
  const store = createInstanaTokenStore(api, {
    createOnce: (body, options) => createOnce(http, body, options, defaults.maxRetries),
    clientWith: defaults.clientWith,
  });
  return { api, store };
}
