import type { CommandContext } from '../cli/context.js';
import { losantClient } from '../vendors/losant/client.js';
import { type OwnerOptions, ownerFlag, resolveOwner, storeOwner } from '../vendors/losant/owner.js';
import { ownerTokens } from '../vendors/losant/owner-tokens.js';
import { losantTokenIdOf } from '../vendors/losant/token-id.js';
import { type LosantToken, publicToken } from '../vendors/losant/types.js';
import { tokenRef } from '../vendors/token-ref.js';
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
  apiTokenId: string | undefined,
  options: LosantRotateOptions,
): Promise<number> {
  const owner = resolveOwner(options);
  const old = tokenRef(apiTokenId, options.tokenName, 'id', '--token-name');
  return runRotation<LosantToken>(context, options, {
    revokes: ['delete', 'deactivate', 'keep'],
    overrides: overridesFrom(options, context.now()),
    revokeCommand: (mode, oldId) =>
      mode === 'deactivate'
        ? `tokenkit losant tokens update ${oldId} ${ownerFlag(owner)} --status inactive`
        : `tokenkit losant tokens delete ${oldId} ${ownerFlag(owner)} --yes`,
    async connect() {
      const client = await losantClient(context, options);
      const oldId = await losantTokenIdOf(ownerTokens(client, owner), owner, old);
      const { losantTokenStore, rotateToken } = await import('@tokenkit/losant');
      const store = losantTokenStore(client, storeOwner(owner));
      return { oldId, store, rotateToken, publicToken };
    },
  });
}
