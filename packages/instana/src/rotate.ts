import {
  isCreateOutcomeUnknownError,
  isNotFoundError,
  isTokenkitError,
  type RequestOptions,
  RotationError,
  type RotationErrorOptions,
} from '@tokenkit/core';
import type { ApiToken } from '@tokenkit/schemas/instana';
import type { ApiTokenApi } from './api-token-api.js';
import { checkInternalId } from './check-input.js';
import { invalidInput } from './invalid-input.js';
import { newApiToken } from './new-api-token.js';
import { permissionFlags } from './permission-flags.js';

/** What {@link ApiTokenApi.rotateApiToken} takes besides the old token's `internalId`. */
export interface RotateApiTokenParams {
  /**
   * Hands the replacement's secret to wherever it must go (a vault, a file, a CI variable).
   * Awaited; when it throws or rejects, the replacement is deleted and the old token kept.
   */
  deliver: (secret: string, created: ApiToken) => unknown;
  /**
   * What to do with the old token once the secret is delivered.
   * @default 'delete'
   */
  revoke?: 'delete' | 'keep' | undefined;
  /**
   * The replacement's name.
   * @default the old token's name
   */
  name?: string | undefined;
}

/** What a rotation did. */
export interface RotateApiTokenResult {
  /** The replacement as Instana stored it, with its new `internalId` and secret. */
  created: ApiToken;
  /** The old token as read before the rotation (Instana masks its secret). */
  old: ApiToken;
  /** Whether the old token was deleted or kept. */
  revoked: 'deleted' | 'kept';
}

type Step = RotationErrorOptions['step'];

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
}

/** Deletes a replacement that must not stay: `absent` when there was none to delete. */
async function removeReplacement(
  api: ApiTokenApi,
  internalId: string,
  options: RequestOptions | undefined,
): Promise<'deleted' | 'absent' | 'failed'> {
  try {
    await api.deleteApiToken(internalId, options);
    return 'deleted';
  } catch (error) {
    return isNotFoundError(error) ? 'absent' : 'failed';
  }
}

function failure(
  step: Step,
  oldId: string,
  cause: unknown,
  state: Pick<RotationErrorOptions, 'replacement' | 'replacementId' | 'old'>,
  message: string,
): RotationError {
  // A tokenkit error's message is safe to repeat; a caller's `deliver` error might quote the secret.
  const why = isTokenkitError(cause) ? ` (${cause.message})` : '';
  return new RotationError(`Rotating API token ${oldId} failed at ${step}: ${message}${why}`, {
    step,
    oldTokenId: oldId,
    ...state,
    cause,
  });
}

async function deliverOrUndo(
  api: ApiTokenApi,
  oldId: string,
  created: ApiToken,
  params: RotateApiTokenParams,
  options: RequestOptions | undefined,
): Promise<void> {
  try {
    await params.deliver(created.accessGrantingToken, created);
  } catch (error) {
    const replacementId = created.internalId;
    if ((await removeReplacement(api, replacementId, options)) !== 'failed') {
      throw failure(
        'deliver',
        oldId,
        error,
        { replacementId, replacement: 'deleted', old: 'untouched' },
        `the replacement ${replacementId} was created, then deleted because delivery failed; the old token is untouched`,
      );
    }
    throw failure(
      'deliver',
      oldId,
      error,
      { replacementId, replacement: 'kept', old: 'untouched' },
      `delivery failed and the undelivered replacement ${replacementId} could not be deleted: delete it with deleteApiToken('${replacementId}'); the old token is untouched`,
    );
  }
}

/**
 * Describes a failed create. When its outcome is unknown, the replacement may exist with a
 * secret nobody will receive, so it is deleted (or, failing that, named for deletion by hand).
 */
async function createFailure(
  api: ApiTokenApi,
  oldId: string,
  replacementId: string,
  error: unknown,
  options: RequestOptions | undefined,
): Promise<RotationError> {
  const fail = (replacement: 'none' | 'deleted' | 'kept', message: string) =>
    failure('create', oldId, error, { replacementId, replacement, old: 'untouched' }, message);
  if (!isCreateOutcomeUnknownError(error)) {
    return fail(
      'none',
      `creating the replacement ${replacementId} failed; the old token is untouched`,
    );
  }
  switch (await removeReplacement(api, replacementId, options)) {
    case 'deleted':
      return fail(
        'deleted',
        `the answer to creating the replacement ${replacementId} was lost; it had been created and is now deleted; the old token is untouched`,
      );
    case 'absent':
      return fail(
        'none',
        `the answer to creating the replacement ${replacementId} was lost; it was not created; the old token is untouched`,
      );
    default:
      return fail(
        'kept',
        `the answer to creating the replacement ${replacementId} was lost and it could not be deleted: it may exist, check getApiToken('${replacementId}') and delete it; the old token is untouched`,
      );
  }
}

/** The rotation; see {@link ApiTokenApi.rotateApiToken}. */
export async function rotateApiToken(
  api: ApiTokenApi,
  internalId: string,
  params: RotateApiTokenParams,
  options?: RequestOptions,
): Promise<RotateApiTokenResult> {
  const oldId = checkInternalId(internalId);
  checkParams(params);
  let old: ApiToken;
  try {
    old = await api.getApiToken(oldId, options);
  } catch (error) {
    throw failure(
      'read',
      oldId,
      error,
      { replacement: 'none', old: 'untouched' },
      'reading it failed; nothing was created and the old token is untouched',
    );
  }
  const body = { ...newApiToken({ name: params.name ?? old.name }), ...permissionFlags(old) };
  let created: ApiToken;
  try {
    created = await api.postApiToken(body, options);
  } catch (error) {
    throw await createFailure(api, oldId, body.internalId, error, options);
  }
  await deliverOrUndo(api, oldId, created, params, options);
  if (params.revoke === 'keep') return { created, old, revoked: 'kept' };
  try {
    await api.deleteApiToken(oldId, options);
  } catch (error) {
    throw failure(
      'revoke',
      oldId,
      error,
      { replacementId: created.internalId, replacement: 'kept', old: 'untouched' },
      `the replacement ${created.internalId} was created and delivered, but deleting the old token failed, so it still works: delete it with deleteApiToken('${oldId}')`,
    );
  }
  return { created, old, revoked: 'deleted' };
}
