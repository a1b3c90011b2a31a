import type { RequestOptions, Rotation } from '@tokenkit/core';
import { type ApiToken, apiTokenPost, dateTime, tokenStatus } from '@tokenkit/schemas/losant';
import * as z from 'zod/mini';
import type { ParamsOf } from './define-action.js';
import type { Endpoint } from './endpoint.js';
import type { OwnerAccess } from './owner-access.js';
import { type ParamsShape, paramsSchema, validateParams } from './params-schema.js';

/** What becomes of the old token once the replacement is delivered and verified. */
export type RevokeMode = 'delete' | 'deactivate' | 'keep';

/** Hands the replacement's secret to where it is used; a throw or rejection undoes the rotation. */
export type Deliver = (secret: string, created: ApiToken) => unknown;

/** The rotation's own params, besides the owner id, `apiTokenId` and the global params. */
export interface RotateOptions {
  /** Receives the new secret; awaited before the old token is revoked. */
  deliver: Deliver;
  /** What becomes of the old token. @default 'delete' */
  revoke?: RevokeMode | undefined;
  /**
   * The replacement's expiry, or `null` for none.
   * @default the old token's lifetime counted from now, or none
   */
  expirationDate?: string | null | undefined;
  /** The replacement's name. @default the old token's name */
  name?: string | undefined;
  /** The replacement's status. @default the old token's status */
  status?: 'active' | 'inactive' | undefined;
}

/** `rotate(params, options?)` on a single-token resource whose `get` is `E`. */
export type Rotate<E extends Endpoint> = (
  params: ParamsOf<E> & RotateOptions,
  options?: RequestOptions,
) => Promise<Rotation<ApiToken>>;

const revokeModes = ['delete', 'deactivate', 'keep'] as const;

/** The rotation's own params, as a schema shape. */
const rotateShape = {
  deliver: z.custom<Deliver>((value) => typeof value === 'function', {
    error: 'must be a function',
  }),
  revoke: z.optional(z.enum(revokeModes, { error: "must be 'delete', 'deactivate' or 'keep'" })),
  expirationDate: z.optional(z.nullable(dateTime)),
  name: z.optional(apiTokenPost.shape.name),
  status: z.optional(tokenStatus),
};

/**
 * `rotate` for one owner's single-token resource: the lifecycle engine's `rotateToken` over
 * the owner's store (read, create, deliver, verify, revoke). Params are checked first; every
 * failing step throws a `RotationError` saying what is left. The engine and the store are
 * imported on the first rotation: a bundler that splits code leaves them out of the first load
 * of an app that never rotates.
 */
export function defineRotate(access: OwnerAccess, action: string, tokenShape: ParamsShape) {
  // The single-token shape (owner id, apiTokenId) plus the rotation's own params.
  const schema = paramsSchema(action, { ...tokenShape, ...rotateShape });
  return async (params: unknown, options?: RequestOptions): Promise<Rotation<ApiToken>> => {
    const valid = validateParams(schema, params);
    const { apiTokenId, deliver, revoke, expirationDate, name, status, ...owner } = valid as Record<
      string,
      unknown
    > &
      RotateOptions & { apiTokenId: string };
    const { rotateOwnerToken } = await import('./rotation.js');
    return rotateOwnerToken(
      access,
      owner,
      { id: apiTokenId, deliver, revoke, overrides: { name, expiresAt: expirationDate, status } },
      options,
    );
  };
}
