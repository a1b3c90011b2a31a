import {
  type CreatedToken,
  type CreateOutcomeUnknownError,
  isCreateOutcomeUnknownError,
  isNotFoundError,
  isPermissionDeniedError,
  overlayDraft,
  type ReplacementOverrides,
  type RequestOptions,
  type TokenStore,
} from '@tokenkit/core';
import type { ApiToken, ApiTokenInput } from '@tokenkit/schemas/instana';
import { invalidInput } from './invalid-input.js';
import { newApiToken } from './new-api-token.js';
import { permissionFlags } from './permission-flags.js';
import type { ApiTokenApi } from './types.js';

/** The Instana lifecycle store: a token and a draft are both complete `ApiToken` bodies. */
export type InstanaTokenStore = TokenStore<ApiToken, ApiTokenInput>;

/** What the store needs besides the five operations. */
export interface StoreDeps {
  /** Checks a draft as `postApiToken` does: the complete body, or a `RequestValidationError`. */
  checkBody(draft: ApiTokenInput): ApiToken;
  /** The exactly-once POST (`createOnce`): settles a lost answer by the chosen `internalId`. */
  createOnce(body: ApiToken, options?: RequestOptions): Promise<ApiToken>;
  /** Reads a token with `secret` instead of the client's own API token. */
  readAs(secret: string, internalId: string, options?: RequestOptions): Promise<ApiToken>;
}

/** The replacement's `expiresOn`: the one given (ISO 8601, `null` for never), else the old one. */
function replacementExpiry(old: ApiToken, given: string | null | undefined): number | null {
  if (given === undefined) return old.expiresOn ?? null;
  return given === null ? null : Date.parse(given);
}

/** The fields the store chooses for each replacement, which `overrides.draft` cannot set. */
const chosenFields = ['internalId', 'accessGrantingToken'] as const;

/**
 * The replacement of `old`: a fresh `internalId` and secret, the old name and every permission
 * and scope flag (newer flags included), and the old `expiresOn`, with `overrides` applied
 * (`overrides.draft`'s fields last: permission flags given there replace the carried ones).
 * @throws RequestValidationError for a `status` (Instana tokens have none), or an `internalId`
 *   or `accessGrantingToken` in `overrides.draft` (each replacement gets fresh ones).
 */
export function instanaReplacement(
  old: ApiToken,
  overrides: ReplacementOverrides<ApiTokenInput>,
): { draft: ApiTokenInput; kept: string[] } {
  if (overrides.status !== undefined) {
    throw invalidInput('status', 'status cannot be set: an Instana API token has no status');
  }
  const given = overrides.draft;
  for (const field of chosenFields) {
    if (given !== undefined && Object.hasOwn(given, field)) {
      throw invalidInput(
        `draft.${field}`,
        `${field} cannot be set: each replacement gets a fresh one`,
      );
    }
  }
  const draft = {
    ...newApiToken({ name: overrides.name ?? old.name }),
    ...permissionFlags(old),
    expiresOn: replacementExpiry(old, overrides.expiresAt),
  };
  const kept = [
    ...(overrides.name === undefined ? ['name'] : []),
    'permissions',
    ...(overrides.expiresAt === undefined && old.expiresOn != null ? ['expiresOn'] : []),
  ];
  const flagsGiven = Object.keys(permissionFlags(given ?? {}));
  return overlayDraft({ draft, kept }, given, { permissions: flagsGiven });
}

/**
 * Settles a create whose outcome `createOnce` could not find out: the `internalId` was chosen
 * by this call, so the token at it is this call's beyond doubt and is deleted (nobody will get
 * its secret). Returns the error to throw: the lost answer once nothing is left, else `unknown`.
 */
async function settleUnknown(
  api: ApiTokenApi,
  internalId: string,
  unknown: CreateOutcomeUnknownError,
  options: RequestOptions | undefined,
): Promise<unknown> {
  try {
    await api.deleteApiToken(internalId, options);
  } catch (error) {
    if (!isNotFoundError(error)) return unknown;
  }
  return unknown.cause;
}

/**
 * The lifecycle store over one client's `apiTokens`. Its create delivers the secret tokenkit
 * generated and sent (the server holds that one), never a differing echo such as a masked one.
 */
export function createInstanaTokenStore(api: ApiTokenApi, deps: StoreDeps): InstanaTokenStore {
  return {
    label: 'Instana API token',
    idOf: (token) => token.internalId,
    read: (id, options) => api.getApiToken(id, options),
    async create(draft, options): Promise<CreatedToken<ApiToken>> {
      const body = deps.checkBody(draft);
      let stored: ApiToken;
      try {
        stored = await deps.createOnce(body, options);
      } catch (error) {
        if (!isCreateOutcomeUnknownError(error)) throw error;
        throw await settleUnknown(api, body.internalId, error, options);
      }
      const secret = body.accessGrantingToken;
      return { token: { ...stored, accessGrantingToken: secret }, secret };
    },
    async update(id, patch, options) {
      // PUT replaces the whole token; Instana keeps the secret when the masked one comes back.
      const current = await api.getApiToken(id, options);
      return api.putApiToken(id, { ...current, ...patch, internalId: id }, options);
    },
    async remove(id, options) {
      try {
        await api.deleteApiToken(id, options);
        return 'deleted';
      } catch (error) {
        if (isNotFoundError(error)) return 'absent';
        throw error;
      }
    },
    // Reading the new token itself with its own secret; a token without
    // `canConfigureApiTokens` is refused with 403, which still proves the secret works.
    async verify(secret, token, options) {
      try {
        await deps.readAs(secret, token.internalId, options);
        return 'valid';
      } catch (error) {
        if (isPermissionDeniedError(error)) return 'limited';
        throw error;
      }
    },
    replacement: instanaReplacement,
  };
}
