import type { Command } from 'commander';
import { execute } from '../commands/execute.js';
import { addJsonOption, addTokenStdinOption, addYesOption } from '../commands/options.js';

/** The delivery, naming and confirmation options both vendors' `tokens rotate` take. */
function rotateOptions(command: Command, revokes: string, variable: string): Command {
  command
    .option('--name <name>', "the replacement's name (default: the old token's name)")
    .option('--out <file>', 'write the new secret to FILE (created with mode 0600)')
    .option('--force', 'with --out: overwrite an existing file')
    .option('--exec <command>', 'run COMMAND through the shell with the new secret on its stdin')
    .option('--revoke <how>', `what to do with the old token: ${revokes}`);
  return addTokenStdinOption(addJsonOption(addYesOption(command)), variable);
}

const rotateHelp =
  'The replacement is created first, its secret delivered (--out, --exec, or printed once on ' +
  'stdout), and only then is the old token revoked. If delivery fails, the replacement is ' +
  'deleted and the old token is left as it was. Revoking asks first at a terminal; scripts pass --yes.';

/** The `<vendor> tokens` command the vendor's register function made. */
function tokensCommand(program: Command, vendor: string): Command {
  const tokens = program.commands
    .find((command) => command.name() === vendor)
    ?.commands.find((command) => command.name() === 'tokens');
  if (tokens === undefined) throw new Error(`register the ${vendor} commands before rotate`);
  return tokens;
}

/** `tokenkit instana tokens rotate <internalId>`. */
function registerInstanaRotate(tokens: Command): void {
  const rotate = tokens
    .command('rotate')
    .summary('Replace an API token with a new one holding the same permissions')
    .description(
      `Replace an API token with a new one holding the same permissions.\n\n${rotateHelp}`,
    )
    .argument('<internalId>', "the old token's internal id");
  rotateOptions(rotate, 'delete (default) or keep', 'INSTANA_API_TOKEN')
    .addHelpText(
      'after',
      "\nExample:\n  $ tokenkit instana tokens rotate 9c1kq3h2tnl6g1f7o5n0 --exec 'vault kv put secret/instana token=-' --yes",
    )
    .action((internalId: string, _options, command: Command) =>
      execute(command, 'instana', async (context) =>
        (await import('./instana.js')).rotateInstanaToken(context, internalId, command.opts()),
      ),
    );
}

/** Adds `tokens rotate` to each vendor's `tokens` command (registered before this runs). */
export function registerRotateCommands(program: Command): void {
  registerInstanaRotate(tokensCommand(program, 'instana'));
}
