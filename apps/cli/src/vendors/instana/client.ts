import type {
  createToken,
  diffPermissions,
  InstanaClient,
  InstanaClientOptions,
  InstanaTokenStore,
  newApiToken,
} from '@tokenkit/instana';
import type { CommandContext } from '../../cli/context.js';
import { type InstanaCredentials, instanaCredentials } from '../../credentials.js';
import { clientOptions, type HttpSettings } from '../../http/client-options.js';
import type { Output } from '../../output/output.js';
import { readTokenFromStdin } from '../../stdin.js';

export type { InstanaClient };

/** The client plus the package's helpers, all loaded together when an instana command runs. */
export interface InstanaKit {
  client: InstanaClient;
  /** The tenant's token store, and the lifecycle engine's exactly-once create over it. */
  tokenStore: InstanaTokenStore;
  createToken: typeof createToken;
  newApiToken: typeof newApiToken;
  diffPermissions: typeof diffPermissions;
  /** Why Instana is known to store some permissions differently from what was sent. */
  knownRewrites: Readonly<Record<string, string | undefined>>;
}

/**
 * An Instana client for this command, with the API token registered as a secret and
 * `@tokenkit/instana` imported only now.
 */
export async function instanaKit(
  context: CommandContext,
  options: { tokenStdin?: boolean | undefined },
): Promise<InstanaKit> {
  const stdinToken = options.tokenStdin ? await readTokenFromStdin(context.stdin) : undefined;
  const credentials = instanaCredentials(context.env, stdinToken);
  context.output.addSecret(credentials.apiToken);
  return connectInstana(credentials, context);
}

/**
 * The client and helpers for these credentials; `@tokenkit/instana` is imported on first use.
 * With `settings` it honours `--timeout` and `--verbose` and shows slow requests at a terminal.
 * `overrides` win over both (`audit` passes its request gate's `logger` and `hooks`).
 */
export async function connectInstana(
  credentials: InstanaCredentials,
  settings?: { output: Output; http: HttpSettings },
  overrides: Pick<InstanaClientOptions, 'logger' | 'maxRetries' | 'timeout' | 'hooks'> = {},
): Promise<InstanaKit> {
  const instana = await import('@tokenkit/instana');
  const client = instana.createInstanaClient({
    apiToken: credentials.apiToken,
    baseUrl: credentials.baseUrl,
    ...(settings ? clientOptions(settings.output, settings.http, 'Instana') : {}),
    ...overrides,
  });
  return {
    client,
    tokenStore: instana.instanaTokenStore(client),
    createToken: instana.createToken,
    newApiToken: instana.newApiToken,
    diffPermissions: instana.diffPermissions,
    knownRewrites: instana.KNOWN_SERVER_REWRITES,
  };
}
