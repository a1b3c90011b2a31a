import type { Connections } from '@tokenkit/plan';
import type { CommandContext } from '../cli/context.js';
import { instanaCredentials, losantCredentials } from '../credentials.js';
import { connectInstana } from '../vendors/instana/client.js';
import { connectLosant } from '../vendors/losant/client.js';

/**
 * Clients for the vendors a tokens file names, from the environment; each credential is
 * registered as a secret so it is never printed. A vendor the file does not name needs none.
 */
export async function connections(
  context: CommandContext,
  needs: { losant: boolean; instana: boolean },
): Promise<Connections> {
  const losant = needs.losant ? losantCredentials(context.env) : undefined;
  const instana = needs.instana ? instanaCredentials(context.env) : undefined;
  context.output.addSecret(losant?.accessToken);
  context.output.addSecret(instana?.apiToken);
  return {
    ...(losant && {
      losant: { client: await connectLosant(losant, context), credential: losant.accessToken },
    }),
    ...(instana && {
      instana: {
        client: (await connectInstana(instana, context)).client,
        credential: instana.apiToken,
      },
    }),
  };
}
