import type { RequestOptions, Rotation } from '@tokenkit/core';
// The engine's own entry, not core's main one: this module is imported on the first rotation
// and should bring the engine alone (esbuild wraps all it reaches when it inlines the import).
import { rotateToken } from '@tokenkit/core/lifecycle';
import type { ApiToken } from '@tokenkit/schemas/instana';
import { invalidInput } from './invalid-input.js';
import type { InstanaTokenStore } from './token-store.js';
import type { RotateApiTokenParams } from './types.js';

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

/**
 * The rotation, through the lifecycle engine over the client's store; see
 * {@link ApiTokenApi.rotateApiToken}. Imported on the first rotation, with the engine; `id`
 * is already checked.
 */
export async function rotateApiToken(
  store: InstanaTokenStore,
  id: string,
  params: RotateApiTokenParams,
  options?: RequestOptions,
): Promise<Rotation<ApiToken>> {
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
