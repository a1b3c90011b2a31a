import { type RequestOptions, type Rotation, rotateToken } from '@tokenkit/core';
import type { ApiToken } from '@tokenkit/schemas/instana';
import { checkInternalId } from './check-input.js';
import { invalidInput } from './invalid-input.js';
import type { InstanaTokenStore } from './token-store.js';

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

function checkParams(params: RotateApiTokenParams): void {
  if (typeof params?.deliver !== 'function') {
    throw invalidInput('deliver', 'deliver must be a function that receives the new secret');
  }
  if (params.revoke !== undefined && params.revoke !== 'delete' && params.revoke !== 'keep') {
    throw invalidInput('revoke', `revoke must be 'delete' or 'keep', got ${String(params.revoke)}`);
  }
  if (params.name !== undefined && (typeof params.name !== 'string' || params.name.trim() === '')) {
    throw invalidInput('name', 'name must be a non-empty string');
  }
  const { expiresOn } = params;
  if (expiresOn !== undefined && expiresOn !== null && !Number.isSafeInteger(expiresOn)) {
    throw invalidInput('expiresOn', 'expiresOn must be epoch milliseconds (an integer) or null');
  }
}

/** The rotation, through the lifecycle engine; see {@link ApiTokenApi.rotateApiToken}. */
export async function rotateApiToken(
  store: InstanaTokenStore,
  internalId: string,
  params: RotateApiTokenParams,
  options?: RequestOptions,
): Promise<Rotation<ApiToken>> {
  const id = checkInternalId(internalId);
  checkParams(params);
  const { expiresOn } = params;
  const expiresAt =
    expiresOn === undefined
      ? undefined
      : expiresOn === null
        ? null
        : new Date(expiresOn).toISOString();
  return rotateToken(
    store,
    {
      id,
      deliver: params.deliver,
      revoke: params.revoke,
      overrides: { name: params.name, expiresAt },
    },
    options,
  );
}
