import type { CommandContext } from '../cli/context.js';
import { shellWord } from '../output/shell-word.js';
import { instanaKit } from '../vendors/instana/client.js';
import { instanaInternalIdOf } from '../vendors/instana/token-id.js';
import { type InstanaToken, publicInstanaToken } from '../vendors/instana/types.js';
import { tokenRef } from '../vendors/token-ref.js';
import { overridesFrom } from './overrides.js';
import { type RotateOptions, runRotation } from './run-rotation.js';

/**
 * `tokenkit instana tokens rotate <internalId>`: the lifecycle engine over the tenant's token
 * store, with the CLI's delivery; the replacement keeps every permission of the old token and
 * its `expiresOn` unless `--expires` says otherwise.
 */
export function rotateInstanaToken(
  context: CommandContext,
  internalId: string | undefined,
  options: RotateOptions,
): Promise<number> {
  const old = tokenRef(internalId, options.tokenName, 'internal id', '--token-name');
  return runRotation<InstanaToken>(context, options, {
    revokes: ['delete', 'keep'],
    overrides: overridesFrom(options, context.now()),
    // The id is the server's text and the command is meant to be pasted.
    revokeCommand: (_mode, oldId) => `tokenkit instana tokens delete ${shellWord(oldId)} --yes`,
    async connect() {
      const { client, tokenStore } = await instanaKit(context, options);
      const oldId = await instanaInternalIdOf(client, old);
      const { rotateToken } = await import('@tokenkit/instana');
      return { oldId, store: tokenStore, rotateToken, publicToken: publicInstanaToken };
    },
  });
}
