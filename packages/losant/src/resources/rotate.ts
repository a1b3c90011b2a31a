import {
  isCreateOutcomeUnknownError,
  type RequestOptions,
  RotationError,
  type RotationErrorOptions,
} from '@tokenkit/core';
import {
  type ApiToken,
  apiTokenPost,
  type CreatedApiToken,
  dateTime,
} from '@tokenkit/schemas/losant';
import * as z from 'zod/mini';
import { createSafely, type OwnerTokenCalls } from './create-safely.js';
import type { ParamsOf } from './define-action.js';
import type { Endpoint } from './endpoint.js';
import { type ParamsShape, paramsSchema, validateParams } from './params-schema.js';

/** What becomes of the old token once the replacement is delivered. */
export type RevokeMode = 'delete' | 'deactivate' | 'keep';

/** Hands the replacement's secret to where it is used; a throw or rejection undoes the rotation. */
export type Deliver = (secret: string, created: CreatedApiToken) => unknown;

/** The rotation's own params, besides the owner id, `apiTokenId` and the global params. */
export interface RotateOptions {
  /** Receives the new secret; awaited before the old token is revoked. */
  deliver: Deliver;
  /** What becomes of the old token. @default 'delete' */
  revoke?: RevokeMode | undefined;
  /** The replacement's expiry. @default the old token's lifetime counted from now, or none */
  expirationDate?: string | undefined;
  /** The replacement's name. @default the old token's name */
  name?: string | undefined;
}

/** `rotate(params, options?)` on a single-token resource whose `get` is `E`. */
export type Rotate<E extends Endpoint> = (
  params: ParamsOf<E> & RotateOptions,
  options?: RequestOptions,
) => Promise<RotationResult>;

/** What a rotation did. */
export interface RotationResult {
  /** The replacement, with its secret `token`. */
  created: CreatedApiToken;
  /** The old token as it was read before the rotation. */
  old: ApiToken;
  /** What became of the old token. */
  revoked: 'deleted' | 'deactivated' | 'kept';
}

/** The calls on one owner's single tokens a rotation needs, besides the safe create's. */
export interface RotateCalls extends OwnerTokenCalls {
  read(
    owner: Readonly<Record<string, unknown>>,
    apiTokenId: string,
    options?: RequestOptions,
  ): Promise<ApiToken>;
  deactivate(
    owner: Readonly<Record<string, unknown>>,
    apiTokenId: string,
    options?: RequestOptions,
  ): Promise<unknown>;
}

const revokeModes = ['delete', 'deactivate', 'keep'] as const;

/** The rotation's own params, as a schema shape. */
const rotateShape = {
  deliver: z.custom<Deliver>((value) => typeof value === 'function', {
    error: 'must be a function',
  }),
  revoke: z.optional(z.enum(revokeModes, { error: "must be 'delete', 'deactivate' or 'keep'" })),
  expirationDate: z.optional(dateTime),
  name: z.optional(apiTokenPost.shape.name),
};

/** The replacement's expiry: the one given, else the old lifetime from now, else none. */
function replacementExpiry(old: ApiToken, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  if (old.expirationDate === undefined || old.creationDate === undefined) return undefined;
  const lifetime = Date.parse(old.expirationDate) - Date.parse(old.creationDate);
  return new Date(Date.now() + lifetime).toISOString();
}

/** A rotation error whose message and fields say the same. */
function failed(message: string, options: RotationErrorOptions): RotationError {
  return new RotationError(message, options);
}

/** Undoes a failed delivery by deleting the replacement, and says exactly what is left. */
async function undoDelivery(
  calls: RotateCalls,
  owner: Readonly<Record<string, unknown>>,
  oldId: string,
  createdId: string,
  cause: unknown,
  options: RequestOptions | undefined,
): Promise<never> {
  const base = {
    step: 'deliver',
    oldTokenId: oldId,
    replacementId: createdId,
    old: 'untouched',
    cause,
  } as const;
  try {
    await calls.remove(owner, createdId, options);
  } catch {
    throw failed(
      `The replacement ${createdId} was created, but delivery failed and deleting it failed too: delete it; the old token ${oldId} is untouched`,
      { ...base, replacement: 'kept' },
    );
  }
  throw failed(
    `The replacement ${createdId} was created, then deleted because delivery failed; the old token ${oldId} is untouched`,
    { ...base, replacement: 'deleted' },
  );
}

/** Revokes the old token as asked; says what is left when that fails. */
async function revokeOld(
  calls: RotateCalls,
  owner: Readonly<Record<string, unknown>>,
  oldId: string,
  createdId: string,
  mode: RevokeMode,
  options: RequestOptions | undefined,
): Promise<RotationResult['revoked']> {
  if (mode === 'keep') return 'kept';
  try {
    if (mode === 'delete') await calls.remove(owner, oldId, options);
    else await calls.deactivate(owner, oldId, options);
  } catch (cause) {
    throw failed(
      `The replacement ${createdId} was created and delivered, but ${mode === 'delete' ? 'deleting' : 'deactivating'} the old token ${oldId} failed, so it still works: revoke it`,
      {
        step: 'revoke',
        oldTokenId: oldId,
        replacementId: createdId,
        replacement: 'kept',
        old: 'untouched',
        cause,
      },
    );
  }
  return mode === 'delete' ? 'deleted' : 'deactivated';
}

/**
 * `rotate` for one owner's single-token resource: read the old token, create its replacement
 * (same scope and description), deliver the secret, then revoke the old one. Every failing step
 * throws a `RotationError` saying what is left; a failed delivery deletes the replacement.
 */
export function defineRotate(calls: RotateCalls, action: string, tokenShape: ParamsShape) {
  // The single-token shape (owner id, apiTokenId) plus the rotation's own params.
  const schema = paramsSchema(action, { ...tokenShape, ...rotateShape });
  return async (params: unknown, options?: RequestOptions): Promise<RotationResult> => {
    const valid = validateParams(schema, params);
    const {
      apiTokenId,
      deliver,
      revoke = 'delete',
      expirationDate,
      name,
      ...owner
    } = valid as Record<string, unknown> & RotateOptions & { apiTokenId: string };
    let old: ApiToken;
    try {
      old = await calls.read(owner, apiTokenId, options);
    } catch (cause) {
      throw failed(`Reading the token ${apiTokenId} failed; nothing was created or changed`, {
        step: 'read',
        oldTokenId: apiTokenId,
        replacement: 'none',
        old: 'untouched',
        cause,
      });
    }
    const apiToken = {
      name: name ?? old.name,
      ...(old.scope === undefined ? {} : { scope: old.scope }),
      ...(old.description === undefined ? {} : { description: old.description }),
      ...withExpiry(replacementExpiry(old, expirationDate)),
    };
    const created = await createReplacement(calls, owner, apiToken, apiTokenId, options);
    const createdId = created.id ?? '';
    try {
      await deliver(created.token, created);
    } catch (cause) {
      return undoDelivery(calls, owner, apiTokenId, createdId, cause, options);
    }
    const revoked = await revokeOld(calls, owner, apiTokenId, createdId, revoke, options);
    return { created, old, revoked };
  };
}

function withExpiry(expirationDate: string | undefined) {
  return expirationDate === undefined ? {} : { expirationDate };
}

/** Creates the replacement safely; a failure leaves the old token as it was. */
async function createReplacement(
  calls: RotateCalls,
  owner: Readonly<Record<string, unknown>>,
  apiToken: Record<string, unknown>,
  oldId: string,
  options: RequestOptions | undefined,
): Promise<CreatedApiToken> {
  const context = `the old token ${oldId} is untouched`;
  try {
    const response = await createSafely(
      calls,
      { ...owner, apiToken },
      { owner, knownIds: [oldId], context },
      options,
    );
    return response.data;
  } catch (cause) {
    if (isCreateOutcomeUnknownError(cause)) throw cause;
    throw failed(
      `Creating the replacement of ${oldId} failed; no replacement exists and ${context}`,
      {
        step: 'create',
        oldTokenId: oldId,
        replacement: 'none',
        old: 'untouched',
        cause,
      },
    );
  }
}
