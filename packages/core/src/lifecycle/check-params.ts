import { RequestValidationError } from '../errors.js';
import type { RevokeMode, RotateParams, TokenStore } from './types.js';

const revokeModes: readonly RevokeMode[] = ['delete', 'deactivate', 'keep'];

function invalid(field: string, message: string): RequestValidationError {
  return new RequestValidationError(message, { field });
}

/**
 * Checks a rotation's params before any request and returns its revoke mode.
 * @throws RequestValidationError naming the field: an empty `id`, a `deliver` that is not a
 *   function, an unknown `revoke` or one the store cannot do, a `signal` that is not one.
 */
export function checkRotateParams<Token, Draft>(
  store: TokenStore<Token, Draft>,
  params: RotateParams<Token, Draft>,
): RevokeMode {
  if (typeof params?.id !== 'string' || params.id.trim() === '') {
    throw invalid('id', 'id must be the non-empty id of the token to rotate');
  }
  if (typeof params.deliver !== 'function') {
    throw invalid('deliver', 'deliver must be a function that receives the new secret');
  }
  const revoke = params.revoke ?? 'delete';
  if (!revokeModes.includes(revoke)) {
    throw invalid(
      'revoke',
      `revoke must be 'delete', 'deactivate' or 'keep', got ${String(revoke)}`,
    );
  }
  if (revoke === 'deactivate' && store.deactivate === undefined) {
    throw invalid(
      'revoke',
      `revoke cannot be 'deactivate': a ${store.label} has no status; use 'delete' or 'keep'`,
    );
  }
  if (params.signal !== undefined && !(params.signal instanceof AbortSignal)) {
    throw invalid('signal', 'signal must be an AbortSignal');
  }
  return revoke;
}

/** The one signal that stops a rotation: the rotation's own and the call's, whichever aborts. */
export function rotationSignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((signal) => signal !== undefined);
  return given.length > 1 ? AbortSignal.any(given) : given[0];
}
