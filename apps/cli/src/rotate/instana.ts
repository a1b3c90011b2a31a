import type { CommandContext } from '../commands/context.js';
import { instanaKit } from '../instana/client.js';
import { publicInstanaToken } from '../instana/render.js';
import type { InstanaToken } from '../instana/types.js';
import { type RotateOptions, runRotation } from './run-rotation.js';

/**
 * `tokenkit instana tokens rotate <internalId>`: `rotateApiToken` with the CLI's delivery; the
 * replacement keeps every permission of the old token.
 */
export function rotateInstanaToken(
  context: CommandContext,
  internalId: string,
  options: RotateOptions,
): Promise<number> {
  return runRotation<InstanaToken>(context, options, {
    label: 'Instana API token',
    oldId: internalId,
    revokes: ['delete', 'keep'],
    async connect(revoke) {
      const { client } = await instanaKit(context, options);
      return {
        describeOld: async () => (await client.apiTokens.getApiToken(internalId)).name,
        rotate: (deliver) =>
          client.apiTokens.rotateApiToken(internalId, {
            deliver,
            revoke: revoke as 'delete' | 'keep',
            ...(options.name === undefined ? {} : { name: options.name }),
          }),
        publicToken: publicInstanaToken,
        idOf: (token) => token.internalId,
      };
    },
  });
}
