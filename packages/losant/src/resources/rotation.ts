import type { RequestOptions, RotateParams, Rotation } from '@tokenkit/core';
import { rotateToken } from '@tokenkit/core/lifecycle';
import type { ApiToken, ApiTokenPostInput } from '@tokenkit/schemas/losant';
import type { OwnerAccess } from './owner-access.js';
import { ownerTokenStore } from './token-store.js';

/**
 * One rotation of an owner's token through the lifecycle engine, over the owner's store. Its
 * own module: `rotate` imports it on first use, with the engine it brings.
 */
export function rotateOwnerToken(
  access: OwnerAccess,
  owner: Readonly<Record<string, unknown>>,
  params: RotateParams<ApiToken, ApiTokenPostInput>,
  options: RequestOptions | undefined,
): Promise<Rotation<ApiToken>> {
  return rotateToken(ownerTokenStore(access.calls(owner), access.label(owner)), params, options);
}
