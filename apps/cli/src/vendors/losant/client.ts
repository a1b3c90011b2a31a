import type { LosantClient, LosantClientOptions } from '@tokenkit/losant';
import type { CommandContext } from '../../cli/context.js';
import { type LosantCredentials, losantCredentials } from '../../credentials.js';
import { clientOptions, type HttpSettings } from '../../http/client-options.js';
import type { Output } from '../../output/output.js';
import { readTokenFromStdin } from '../../stdin.js';

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
  return connectLosant(credentials, context);
}

/**
 * A Losant client for these credentials; `@tokenkit/losant` is imported on first use. With
 * `settings` (the command's output and HTTP settings) it honours `--timeout` and `--verbose`
 * and shows slow requests at a terminal. `overrides` win over both (`audit` passes its request
 * gate's `logger` and `hooks`).
 */
export async function connectLosant(
  credentials: LosantCredentials,
  settings?: { output: Output; http: HttpSettings },
  overrides: Pick<LosantClientOptions, 'logger' | 'maxRetries' | 'timeout' | 'hooks'> = {},
): Promise<LosantClient> {
  const { createLosantClient } = await import('@tokenkit/losant');
  return createLosantClient({
    accessToken: credentials.accessToken,
    ...(credentials.url === undefined ? {} : { url: credentials.url }),
    ...(settings ? clientOptions(settings.output, settings.http, 'Losant') : {}),
    ...overrides,
  });
}
