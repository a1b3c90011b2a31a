import type { Command } from 'commander';
import { execute } from '../cli/execute.js';
import { group, leaf } from '../cli/group.js';
import { addJsonOption } from '../cli/options.js';

/** `tokenkit auth status`. */
export function registerAuthCommands(program: Command): void {
  const auth = group(
    program,
    'auth',
    'Check the configured credentials',
    'Check the credentials tokenkit finds in the environment or the profile.',
  );
  addJsonOption(
    leaf(
      auth,
      'status',
      'Show, per vendor, whether the credential is valid, whose it is, where it came from and what it may do',
      'Only reads: it lists one token per owner (your user, and LOSANT_APPLICATION_ID / ' +
        'LOSANT_INSTANCE_ID when set) and reads the token itself for its name and expiry. ' +
        'Each vendor is checked on its own: valid, limited (a 403), invalid (a 401), ' +
        'unreachable, or not configured. Exits 3 when a credential is invalid or cannot be ' +
        'checked (or none is configured), 1 when a server is unreachable.',
    ),
  ).action((_options, command: Command) =>
    execute(
      command,
      undefined,
      async (context) => (await import('./status.js')).authStatus(context),
      { keepFailures: true },
    ),
  );
}
