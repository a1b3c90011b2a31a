import type { CommandContext } from '../commands/context.js';
import { parseExpiry } from '../duration.js';
import { type LosantClient, losantClient } from '../losant/client.js';
import { describeOwner, type OwnerOptions, resolveOwner } from '../losant/owner.js';
import { ownerTokens } from '../losant/owner-tokens.js';
import { publicToken } from '../losant/render.js';
import { type LosantOwner, type LosantToken, losantTokenId } from '../losant/types.js';
import { type RotateOptions, type RotationResult, runRotation } from './run-rotation.js';

/** Options of `tokenkit losant tokens rotate`. */
export interface LosantRotateOptions extends RotateOptions, OwnerOptions {
  expires?: string;
}

type Revoke = 'delete' | 'deactivate' | 'keep';

/** What every owner's `rotate` takes besides the owner's id. */
interface RotateParams {
  apiTokenId: string;
  deliver: (secret: string, created: LosantToken) => Promise<void>;
  revoke: Revoke;
  name?: string;
  expirationDate?: string;
}

/** The SDK's `rotate` on the owner's single-token resource. */
function rotateFor(
  client: LosantClient,
  owner: LosantOwner,
  params: RotateParams,
): Promise<RotationResult<LosantToken>> {
  switch (owner.kind) {
    case 'instance':
      return client.instanceApiToken.rotate({ instanceId: owner.id, ...params });
    case 'application':
      return client.applicationApiToken.rotate({ applicationId: owner.id, ...params });
    default:
      return client.userApiToken.rotate(params);
  }
}

/**
 * `tokenkit losant tokens rotate <tokenId>`: the SDK's `rotate` on the owner's resource with the
 * CLI's delivery; the replacement keeps the old token's scope and description.
 */
export function rotateLosantToken(
  context: CommandContext,
  apiTokenId: string,
  options: LosantRotateOptions,
): Promise<number> {
  const owner = resolveOwner(options);
  const expirationDate =
    options.expires === undefined
      ? undefined
      : parseExpiry(options.expires, context.now()).toISOString();
  return runRotation<LosantToken>(context, options, {
    label: `Losant API token of ${describeOwner(owner)}`,
    oldId: apiTokenId,
    revokes: ['delete', 'deactivate', 'keep'],
    async connect(revoke) {
      const client = await losantClient(context, options);
      const base = {
        apiTokenId,
        revoke: revoke as Revoke,
        ...(options.name === undefined ? {} : { name: options.name }),
        ...(expirationDate === undefined ? {} : { expirationDate }),
      };
      return {
        describeOld: async () => (await ownerTokens(client, owner).get(apiTokenId)).name ?? '',
        rotate: (deliver) => rotateFor(client, owner, { ...base, deliver }),
        publicToken,
        idOf: losantTokenId,
      };
    },
  });
}
