import {
  type HttpClient,
  isNotFoundError,
  type NotFoundError,
  path,
  type RequestOptions,
  validateInput,
} from '@tokenkit/core';
import {
  type ApiToken,
  type ApiTokenInput,
  apiToken,
  apiTokenList,
} from '@tokenkit/schemas/instana';
import { invalidInput } from './invalid-input.js';
import { isPermissionName, suggestPermissionName } from './permission-names.js';

/**
 * The five operations of Instana's `APITokenApi`, named as in Instana's generated clients.
 * Every one needs an API token with the `canConfigureApiTokens` permission.
 */
export interface ApiTokens {
  /**
   * Lists the tenant unit's API tokens; an empty list where Instana answers 404 "No API Tokens
   * found". Needs `canConfigureApiTokens`.
   *
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | GET /api/settings/api-tokens}
   */
  getApiTokens(options?: RequestOptions): Promise<ApiToken[]>;
  /**
   * Fetches one API token by its `internalId`; a 404 throws `NotFoundError`. Needs
   * `canConfigureApiTokens`.
   *
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | GET /api/settings/api-tokens/{internalId}}
   */
  getApiToken(internalId: string, options?: RequestOptions): Promise<ApiToken>;
  /**
   * Creates an API token from a complete body (build one with `newApiToken`) and returns what
   * the server stored, which may differ (see `diffPermissions`); never retried, so a token is
   * never created twice. Needs `canConfigureApiTokens`.
   *
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
   * Deletes the API token at `internalId` (Instana answers 204). Needs `canConfigureApiTokens`.
   *
   * @see {@link https://instana.github.io/openapi/#tag/API-Token | DELETE /api/settings/api-tokens/{internalId}}
   */
  deleteApiToken(internalId: string, options?: RequestOptions): Promise<void>;
}

/** Names the argument in the error; `path` would only say `path[0]`. */
function checkInternalId(internalId: unknown): string {
  if (typeof internalId !== 'string' || internalId === '') {
    throw invalidInput('internalId', 'internalId must be a non-empty string');
  }
  if (internalId === '.' || internalId === '..') {
    throw invalidInput('internalId', `internalId must not be '${internalId}'`);
  }
  return internalId;
}

/**
 * Validates a POST/PUT body. Unknown keys stay allowed (Instana adds permissions every release),
 * but a mis-cased known permission is refused: Instana ignores keys it does not know, so
 * `limitedLinuxKvmHypervisorScope: true` would silently stay false, as it did for Terraform.
 */
function checkTokenBody(token: unknown): ApiToken {
  const body = validateInput(apiToken, token, 'token');
  for (const key of Object.keys(body)) {
    const suggestion = isPermissionName(key) ? undefined : suggestPermissionName(key);
    if (suggestion !== undefined) {
      throw invalidInput(
        `token.${key}`,
        `token.${key} is not an Instana API-token permission; did you mean '${suggestion}'? Instana ignores names it does not know`,
      );
    }
  }
  return body;
}

/** Since API 1.282 Instana answers an empty collection with 404 "No API Tokens found". */
function isNoTokensFound(error: NotFoundError): boolean {
  const body = typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? '');
  return /no api tokens found/i.test(`${body} ${error.vendorMessage ?? ''}`);
}

/** The `apiTokens` resource over one HTTP client. */
export function createApiTokens(http: HttpClient): ApiTokens {
  return {
    async getApiTokens(options) {
      try {
        const response = await http.request(
          { method: 'GET', path: '/api/settings/api-tokens', responseSchema: apiTokenList },
          options,
        );
        return response.data;
      } catch (error) {
        if (isNotFoundError(error) && isNoTokensFound(error)) return [];
        throw error;
      }
    },

    async getApiToken(internalId, options) {
      const id = checkInternalId(internalId);
      const response = await http.request(
        { method: 'GET', path: path`/api/settings/api-tokens/${id}`, responseSchema: apiToken },
        options,
      );
      return response.data;
    },

    async postApiToken(token, options) {
      const body = checkTokenBody(token);
      const response = await http.request(
        {
          method: 'POST',
          path: '/api/settings/api-tokens',
          body,
          responseSchema: apiToken,
          // A server echoing the body in its error answer must not put the new secret in the error.
          secrets: [body.accessGrantingToken],
        },
        options,
      );
      return response.data;
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
          responseSchema: apiToken,
          secrets: [body.accessGrantingToken],
        },
        options,
      );
      return response.data;
    },

    async deleteApiToken(internalId, options) {
      const id = checkInternalId(internalId);
      await http.request(
        { method: 'DELETE', path: path`/api/settings/api-tokens/${id}`, emptyResponse: true },
        options,
      );
    },
  };
}
