import type { LosantClient, LosantClientOptions } from '@tokenkit/losant';
import type { CommandContext } from '../commands/context.js';
import { type LosantCredentials, losantCredentials } from '../credentials.js';
import { readTokenFromStdin } from '../stdin.js';

export type { LosantClient };

/**
 * A Losant client for this command: credentials from the environment or stdin, the access
 * token registered as a secret so it can never be printed, and `@tokenkit/losant` loaded only
 * now (it is what makes a command slower to start than `--help`).
 */
export async function losantClient(
  context: CommandContext,
  options: { tokenStdin?: boolean | undefined },
): Promise<LosantClient> {
  const stdinToken = options.tokenStdin ? await readTokenFromStdin(context.stdin) : undefined;
  const credentials = losantCredentials(context.env, stdinToken);
  context.output.addSecret(credentials.accessToken);
  return connectLosant(credentials);
}

/**
 * A Losant client for these credentials; `@tokenkit/losant` is imported on first use. `audit`
 * passes its request gate as `fetch` and `logger`.
 */
export async function connectLosant(
  credentials: LosantCredentials,
  options: Pick<LosantClientOptions, 'fetch' | 'logger' | 'maxRetries'> = {},
): Promise<LosantClient> {
  const { createLosantClient } = await import('@tokenkit/losant');
  return createLosantClient({
    ...options,
    accessToken: credentials.accessToken,
    url: credentials.url,
  });
}
