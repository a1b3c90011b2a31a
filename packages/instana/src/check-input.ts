import { validateInput } from '@tokenkit/core';
import { type ApiToken, apiToken } from '@tokenkit/schemas/instana';
import { invalidInput } from './invalid-input.js';
import { isPermissionName, suggestPermissionName } from './permission-names.js';

/** Checks an `internalId` argument; names it in the error, where `path` would say `path[0]`. */
export function checkInternalId(internalId: unknown, field = 'internalId'): string {
  if (typeof internalId !== 'string' || internalId === '') {
    throw invalidInput(field, `${field} must be a non-empty string`);
  }
  if (internalId === '.' || internalId === '..') {
    throw invalidInput(field, `${field} must not be '${internalId}'`);
  }
  return internalId;
}

/**
 * Validates a POST/PUT body. Unknown keys stay allowed (Instana adds permissions every release),
 * but a mis-cased known permission is refused: Instana ignores keys it does not know, so
 * `limitedLinuxKvmHypervisorScope: true` would silently stay false, as it did for Terraform.
 */
export function checkTokenBody(token: unknown): ApiToken {
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
