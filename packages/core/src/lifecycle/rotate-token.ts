import {
  AbortError,
  type OldTokenState,
  type ReplacementState,
  RotationError,
  type RotationStep,
} from '../errors.js';
import { isAuthenticationError, isCreateOutcomeUnknownError, isTokenkitError } from '../guards.js';
import type { RequestOptions } from '../request-types.js';
import { checkRotateParams, rotationSignal } from './check-params.js';
import { oldAfterFailedRevoke, replacementAfter, revokedState } from './outcomes.js';
import { removal, unlessAborted } from './steps.js';
import type { RotateParams, Rotation, TokenStore, Verification } from './types.js';

/** One rotation's fixed parts, shared by its steps. */
interface Run<Token, Draft> {
  store: TokenStore<Token, Draft>;
  oldId: string;
  /** The caller's request options without a signal: the engine decides when to stop. */
  requestOptions: RequestOptions | undefined;
  signal: AbortSignal | undefined;
}

/** A RotationError whose message says the same as its fields; a tokenkit cause is quoted. */
function failure(
  run: Run<unknown, unknown>,
  step: RotationStep,
  state: { replacement: ReplacementState; replacementId?: string; old?: OldTokenState },
  message: string,
  cause: unknown,
): RotationError {
  // A tokenkit error's message is safe to repeat; a caller's `deliver` error might quote the secret.
  const why = isTokenkitError(cause) ? ` (${cause.message})` : '';
  return new RotationError(
    `Rotating ${run.store.label} ${run.oldId} failed at ${step}: ${message}${why}`,
    { step, oldTokenId: run.oldId, old: 'untouched', ...state, cause },
  );
}

function aborted(): AbortError {
  return new AbortError('The rotation was aborted');
}

/** Deletes a replacement that must not stay (never delivered, or refused), and says what is left. */
async function undo(
  run: Run<unknown, unknown>,
  step: RotationStep,
  replacementId: string,
  because: string,
  cause: unknown,
): Promise<RotationError> {
  const replacement = replacementAfter(await removal(run.store, replacementId, run.requestOptions));
  const left = {
    deleted: `the replacement ${replacementId} was created, then deleted because ${because}`,
    unknown: `the replacement ${replacementId} was created; deleting it (${because}) lost its answer: check whether it still exists and delete it`,
    kept: `the replacement ${replacementId} was created; deleting it (${because}) failed: delete it`,
    none: '',
  }[replacement];
  return failure(
    run,
    step,
    { replacement, replacementId },
    `${left}; the old token is untouched`,
    cause,
  );
}

async function readOld<Token>(run: Run<Token, unknown>, options: RequestOptions | undefined) {
  try {
    return await run.store.read(run.oldId, { ...options, signal: run.signal });
  } catch (cause) {
    throw failure(
      run,
      'read',
      { replacement: 'none' },
      'reading it failed; nothing was created',
      cause,
    );
  }
}

async function createReplacement<Token, Draft>(
  run: Run<Token, Draft>,
  old: Token,
  params: RotateParams<Token, Draft>,
) {
  if (run.signal?.aborted) {
    throw failure(
      run,
      'create',
      { replacement: 'none' },
      'aborted; nothing was created',
      aborted(),
    );
  }
  try {
    const { draft, kept } = run.store.replacement(old, params.overrides ?? {});
    return { ...(await run.store.create(draft, run.requestOptions)), kept };
  } catch (cause) {
    if (!isCreateOutcomeUnknownError(cause)) {
      throw failure(run, 'create', { replacement: 'none' }, 'no replacement was created', cause);
    }
    throw failure(
      run,
      'create',
      { replacement: 'unknown' },
      `the answer to creating the replacement was lost and could not be settled: check ${cause.candidateIds.length > 0 ? cause.candidateIds.join(', ') : 'the tokens created just now'}`,
      cause,
    );
  }
}

async function deliverOrUndo<Token>(
  run: Run<Token, unknown>,
  params: RotateParams<Token>,
  created: { token: Token; secret: string },
  newId: string,
): Promise<void> {
  try {
    await unlessAborted(() => params.deliver(created.secret, created.token), run.signal, aborted);
  } catch (cause) {
    const why = run.signal?.aborted
      ? 'the rotation was aborted before delivery completed'
      : 'delivery failed';
    throw await undo(run, 'deliver', newId, why, cause);
  }
}

/** After delivery an abort stops the rotation: the replacement is in use, the old one still works. */
function stopIfAborted(run: Run<unknown, unknown>, step: RotationStep, newId: string): void {
  if (!run.signal?.aborted) return;
  throw failure(
    run,
    step,
    { replacement: 'kept', replacementId: newId },
    `aborted after the replacement ${newId} was delivered; both tokens work: revoke the old one when ready`,
    aborted(),
  );
}

async function verifyOrUndo<Token>(
  run: Run<Token, unknown>,
  created: { token: Token; secret: string },
  newId: string,
): Promise<Verification> {
  stopIfAborted(run, 'verify', newId);
  try {
    return await run.store.verify(created.secret, created.token, run.requestOptions);
  } catch (cause) {
    if (isAuthenticationError(cause)) {
      throw await undo(run, 'verify', newId, 'the new secret was refused (401)', cause);
    }
    throw failure(
      run,
      'verify',
      { replacement: 'kept', replacementId: newId },
      `checking the replacement ${newId} with its secret failed, so the old token was not revoked; both work: revoke the old one once the new one is known to work`,
      cause,
    );
  }
}

async function revokeOld(
  run: Run<unknown, unknown>,
  mode: 'delete' | 'deactivate' | 'keep',
  newId: string,
): Promise<Rotation<unknown>['revoked']> {
  stopIfAborted(run, 'revoke', newId);
  if (mode === 'keep') return 'kept';
  try {
    if (mode === 'delete') await run.store.remove(run.oldId, run.requestOptions);
    else await run.store.deactivate?.(run.oldId, run.requestOptions);
    return revokedState(mode);
  } catch (cause) {
    const old = oldAfterFailedRevoke(cause);
    const state = old === 'unknown' ? 'may still work: check it and' : 'still works:';
    throw failure(
      run,
      'revoke',
      { replacement: 'kept', replacementId: newId, old },
      `the replacement ${newId} was created, delivered and verified, but ${mode === 'delete' ? 'deleting' : 'deactivating'} the old token failed, so it ${state} revoke it`,
      cause,
    );
  }
}

/**
 * Rotates one token in the steps AWS Secrets Manager uses (create, set, test, finish): read the
 * old token; create its replacement (which keeps name, description, scope or permissions,
 * status and lifetime unless overridden, `overrides.draft` included); deliver the new secret; verify it with one
 * authenticated read; only then revoke the old token.
 *
 * A failed delivery, a 401 on verify, or an abort before delivery completed deletes the
 * replacement and leaves the old token untouched.
 *
 * @throws RotationError for every failing step, saying which one and what became of both tokens
 *   (`replacement`, `old`); a create whose outcome could not be settled has a
 *   `CreateOutcomeUnknownError` cause. RequestValidationError for bad params, before any request.
 * @example
 * const rotation = await rotateToken(store, { id, deliver: (secret) => vault.write('ci', secret) });
 */
export async function rotateToken<Token, Draft>(
  store: TokenStore<Token, Draft>,
  params: RotateParams<Token, Draft>,
  options?: RequestOptions,
): Promise<Rotation<Token>> {
  const revoke = checkRotateParams(store, params);
  const { signal: _own, ...requestOptions } = options ?? {};
  const run: Run<Token, Draft> = {
    store,
    oldId: params.id,
    requestOptions: options === undefined ? undefined : requestOptions,
    signal: rotationSignal(params.signal, options?.signal),
  };
  const old = await readOld(run, run.requestOptions);
  const created = await createReplacement(run, old, params);
  const newId = store.idOf(created.token);
  await deliverOrUndo(run, params, created, newId);
  const verified = await verifyOrUndo(run, created, newId);
  const revoked = await revokeOld(run, revoke, newId);
  return {
    created: created.token,
    secret: created.secret,
    old,
    revoked,
    verified,
    kept: created.kept,
  };
}
