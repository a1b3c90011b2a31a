import type { Command } from 'commander';
import { execute } from './execute.js';
import { group, leaf } from './group.js';
import { addJsonOption } from './options.js';

/** `tokenkit auth status`. */
export function registerAuthCommands(program: Command): void {
  const auth = group(
    program,
    'auth',
    'Check the configured credentials',
    'Check the credentials tokenkit finds in the environment.',
  );
  addJsonOption(
    leaf(
      auth,
      'status',
      'Show, per configured vendor, its URL, whether the credential works and what it may do',
      'Only reads: it lists one token per owner (your user, and LOSANT_APPLICATION_ID / ' +
        'LOSANT_INSTANCE_ID when set). Exits 3 when a configured credential fails.',
    ),
  ).action((_options, command: Command) =>
    execute(command, undefined, async (context) =>
      (await import('../actions/auth-status.js')).authStatus(context),
    ),
  );
}
