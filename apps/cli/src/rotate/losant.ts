import type { CommandContext } from '../cli/context.js';
import { losantClient } from '../vendors/losant/client.js';
import { type OwnerOptions, ownerFlag, resolveOwner, storeOwner } from '../vendors/losant/owner.js';
import { type LosantToken, publicToken } from '../vendors/losant/types.js';
import { overridesFrom } from './overrides.js';
import { type RotateOptions, runRotation } from './run-rotation.js';

/** Options of `tokenkit losant tokens rotate`. */
export interface LosantRotateOptions extends RotateOptions, OwnerOptions {
  status?: string;
}

/**
 * `tokenkit losant tokens rotate <tokenId>`: the lifecycle engine over the owner's token store,
 * with the CLI's delivery; the replacement keeps the old token's scope, description, status and
 * lifetime unless `--expires` or `--status` say otherwise.
 */
export function rotateLosantToken(
  context: CommandContext,
  apiTokenId: string,
  options: LosantRotateOptions,
): Promise<number> {
  const owner = resolveOwner(options);
  return runRotation<LosantToken>(context, options, {
    oldId: apiTokenId,
    revokes: ['delete', 'deactivate', 'keep'],
    overrides: overridesFrom(options, context.now()),
    revokeCommand: (mode) =>
      mode === 'deactivate'
        ? `tokenkit losant tokens update ${apiTokenId} ${ownerFlag(owner)} --status inactive`
        : `tokenkit losant tokens delete ${apiTokenId} ${ownerFlag(owner)} --yes`,
    async connect() {
      const client = await losantClient(context, options);
      const { losantTokenStore, rotateToken } = await import('@tokenkit/losant');
      return { store: losantTokenStore(client, storeOwner(owner)), rotateToken, publicToken };
    },
  });
}
