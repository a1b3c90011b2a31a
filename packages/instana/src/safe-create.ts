import {
  CreateOutcomeUnknownError,
  type HttpClient,
  isBadRequestError,
  isConflictError,
  isCreateAnswerLost,
  isNotFoundError,
  path,
  type RequestOptions,
} from '@tokenkit/core';
import type { ApiToken } from '@tokenkit/schemas/instana';
import { tokenResponse } from './responses.js';

/** Core's default `maxRetries`, used when neither the call nor the client sets one. */
const DEFAULT_MAX_RETRIES = 2;

async function post(
  http: HttpClient,
  body: ApiToken,
  options: RequestOptions | undefined,
): Promise<ApiToken> {
  const response = await http.request(
    {
      method: 'POST',
      path: '/api/settings/api-tokens',
      body,
      responseSchema: tokenResponse,
      // A server echoing the body in its error answer must not put the new secret in the error.
      secrets: [body.accessGrantingToken],
    },
    // Core resends a POST only when the connection was refused; every other resend is decided
    // by createOnce, after asking the server.
    options,
  );
  return response.data;
}

/**
 * Whether the POST whose answer was lost went through: the token at its `internalId`, as Instana
 * reads it but with the secret the caller sent (reads mask it) and without the masked `id`; or
 * `undefined` when Instana answers 404.
 */
async function lookUp(
  http: HttpClient,
  body: ApiToken,
  options: RequestOptions | undefined,
  lost: unknown,
): Promise<ApiToken | undefined> {
  try {
    const response = await http.request(
      {
        method: 'GET',
        path: path`/api/settings/api-tokens/${body.internalId}`,
        responseSchema: tokenResponse,
      },
      options,
    );
    const { id: _masked, ...stored } = response.data;
    return { ...stored, accessGrantingToken: body.accessGrantingToken };
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    const why = error instanceof Error ? error.message : String(error);
    throw new CreateOutcomeUnknownError(
      `POST /api/settings/api-tokens lost its answer, and reading API token ${body.internalId} back failed too (${why}), so whether it was created is unknown: check with getApiToken('${body.internalId}')`,
      { candidateIds: [body.internalId], cause: lost },
    );
  }
}

/**
 * POSTs `body` so that exactly one token results. Instana lets the client choose `internalId`
 * and the secret, so after a lost answer (dropped connection, timeout, truncated or invalid
 * body, 5xx, an answer that fails its schema) the token is looked up by `internalId`: found means created; a 404 means not
 * created, and the POST is sent again, at most `maxRetries` times. A resend refused with 400 or
 * 409 is looked up too: the first POST may have landed after the lookup.
 */
export async function createOnce(
  http: HttpClient,
  body: ApiToken,
  options: RequestOptions | undefined,
  clientMaxRetries: number | undefined,
): Promise<ApiToken> {
  const maxRetries = options?.maxRetries ?? clientMaxRetries ?? DEFAULT_MAX_RETRIES;
  for (let resends = 0; ; resends++) {
    try {
      return await post(http, body, options);
    } catch (error) {
      const refusedResend = resends > 0 && (isBadRequestError(error) || isConflictError(error));
      if (!isCreateAnswerLost(error) && !refusedResend) throw error;
      const stored = await lookUp(http, body, options, error);
      if (stored !== undefined) return stored;
      if (resends >= maxRetries) throw error;
    }
  }
}
