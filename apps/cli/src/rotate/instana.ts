import type { CommandContext } from '../cli/context.js';
import { instanaKit } from '../vendors/instana/client.js';
import { type InstanaToken, publicInstanaToken } from '../vendors/instana/types.js';
import { overridesFrom } from './overrides.js';
import { type RotateOptions, runRotation } from './run-rotation.js';

/**
 * `tokenkit instana tokens rotate <internalId>`: the lifecycle engine over the tenant's token
 * store, with the CLI's delivery; the replacement keeps every permission of the old token and
 * its `expiresOn` unless `--expires` says otherwise.
 */
export function rotateInstanaToken(
  context: CommandContext,
  internalId: string,
  options: RotateOptions,
): Promise<number> {
  return runRotation<InstanaToken>(context, options, {
    oldId: internalId,
    revokes: ['delete', 'keep'],
    overrides: overridesFrom(options, context.now()),
    revokeCommand: () => `tokenkit instana tokens delete ${internalId} --yes`,
    async connect() {
      const { tokenStore } = await instanaKit(context, options);
      const { rotateToken } = await import('@tokenkit/instana');
      return { store: tokenStore, rotateToken, publicToken: publicInstanaToken };
    },
  });
}
