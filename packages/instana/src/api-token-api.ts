import { type HttpClient, isNotFoundError, type NotFoundError, path } from '@tokenkit/core';
import { checkInternalId, checkTokenBody } from './check-input.js';
import { invalidInput } from './invalid-input.js';
import { tokenListResponse, tokenResponse } from './responses.js';
import { createOnce } from './safe-create.js';
import { createInstanaTokenStore, type StoreDeps } from './token-store.js';
import type { ApiTokenApi } from './types.js';

/** Since API 1.282 Instana answers an empty collection with 404 "No API Tokens found". */
function isNoTokensFound(error: NotFoundError): boolean {
  const body = typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? '');
  return /no api tokens found/i.test(`${body} ${error.vendorMessage ?? ''}`);
}

/** The read of one token, by its checked `internalId`. */
function getRequest(internalId: string) {
  return {
    method: 'GET',
    path: path`/api/settings/api-tokens/${internalId}`,
    responseSchema: tokenResponse,
  } as const;
}

/** The client's defaults the resource needs to know itself. */
export interface ApiTokenApiDefaults {
  /** The client's `maxRetries`, which also bounds how often a lost POST is sent again. */
  maxRetries: number | undefined;
  /** A client holding another API token (a new token's own secret, to verify it). */
  clientWith: (secret: string) => HttpClient;
}

/**
 * The `apiTokens` resource over one HTTP client, and what its lifecycle store is made of. The
 * rotation and the lifecycle engine are imported on the first `rotateApiToken`: a bundler that
 * splits code leaves them out of the first load of an app that never rotates.
 */
export function createApiTokenApi(
  http: HttpClient,
  defaults: ApiTokenApiDefaults,
): { api: ApiTokenApi; storeDeps: StoreDeps } {
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
      return (await http.request(getRequest(checkInternalId(internalId)), options)).data;
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
      const id = checkInternalId(internalId);
      const { rotateApiToken } = await import('./rotate.js');
      return rotateApiToken(createInstanaTokenStore(api, storeDeps), id, params, options);
    },
  };
  const storeDeps: StoreDeps = {
    checkBody: checkTokenBody,
    createOnce: (body, options) => createOnce(http, body, options, defaults.maxRetries),
    readAs: async (secret, internalId, options) =>
      (await defaults.clientWith(secret).request(getRequest(internalId), options)).data,
  };
  return { api, storeDeps };
}
