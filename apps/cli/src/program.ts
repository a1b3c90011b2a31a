import { Command, CommanderError } from 'commander';
import { registerAuditCommand } from './audit/command.js';
import { registerAuthCommands } from './auth/command.js';
import { registerHelpCommand } from './cli/help.js';
import { commandTree } from './cli/tree.js';
import { registerCompletionCommand } from './completion/command.js';
import { registerDemoCommand } from './demo/command.js';
import { ExitCode } from './exit-codes.js';
import { registerPlanCommands } from './plan/commands.js';
import { registerRotateCommands } from './rotate/commands.js';
import { registerInstanaTokenCommands } from './tokens/instana/commands.js';
import { registerLosantTokenCommands } from './tokens/losant/commands.js';
import { versionText } from './version.js';

const epilog = `
Credentials come from the environment (never from a flag value):
  LOSANT_ACCESS_TOKEN, LOSANT_API_URL            Losant (API URL defaults to https://api.losant.com)
  INSTANA_API_TOKEN, INSTANA_BASE_URL            Instana (your tenant unit's URL)
  or pipe a token in with --token-stdin, or fill what the environment lacks from a profile
  (--profile NAME or TOKENKIT_PROFILE) in ~/.config/tokenkit/config.yaml.

Exit codes: 0 ok · 1 audit findings or API error · 2 usage · 3 authentication · 4 cancelled

Try it without an account:  tokenkit demo`;

/**
 * The whole command tree. Only commander and the command definitions load here; every action
 * imports its implementation (and the vendor packages) when it runs.
 */
export function createProgram(): Command {
  const program = new Command('tokenkit')
    .description('Create, list, audit and revoke Losant and IBM Instana API tokens.')
    .version(versionText(), '-V, --version', 'print the version of tokenkit and its SDK packages')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--verbose', 'print one line per HTTP attempt on stderr (as TOKENKIT_DEBUG=api does)')
    .option(
      '--timeout <duration>',
      'how long one HTTP attempt may take, e.g. 10s or 2m (default 30s)',
    )
    .option('--profile <name>', 'use this profile of config.yaml (default: TOKENKIT_PROFILE)')
    .helpOption('-h, --help', 'show help')
    // `tokenkit help losant tokens list` takes a whole path, which commander's own cannot.
    .helpCommand(false)
    .showSuggestionAfterError()
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    // Commander exits 1 on a usage error; ours is 2, so take over its exits (see bin.ts).
    .exitOverride()
    .addHelpText('after', epilog);
  const tree = commandTree(program);
  registerLosantTokenCommands(tree);
  registerInstanaTokenCommands(tree);
  registerRotateCommands(tree);
  registerAuditCommand(program);
  registerPlanCommands(program);
  registerAuthCommands(program);
  registerDemoCommand(program, createProgram);
  registerCompletionCommand(program);
  registerHelpCommand(program);
  return program;
}

/** The exit code for a commander exit: 0 for help and version, 2 for any usage error. */
export function commanderExitCode(error: unknown): number | undefined {
  if (!(error instanceof CommanderError)) return undefined;
  return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
}
