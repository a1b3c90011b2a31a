import type { Command } from 'commander';
import { execute } from './execute.js';
import { addJsonOption, addTokenStdinOption, addYesOption, collect } from './options.js';

/** Loads the implementations only when an instana command actually runs. */
const actions = () => import('../actions/instana-tokens.js');

function leaf(parent: Command, name: string, summary: string): Command {
  return parent.command(name).summary(summary).description(`${summary}.`);
}

/** The options every command has, listed after its own. */
function common(command: Command): Command {
  return addTokenStdinOption(addJsonOption(command), 'INSTANA_API_TOKEN');
}

function addPermissionOptions(command: Command): Command {
  return command
    .option(
      '--permission <name>',
      'grant a permission, e.g. canConfigureAgents (repeatable)',
      collect,
    )
    .option(
      '--permissions-file <file>',
      'JSON: an array of names (exactly these) or {"name": true|false} (only these change)',
    );
}

/** `tokenkit instana tokens list|get|create|update|delete` and `tokenkit instana permissions`. */
export function registerInstanaCommands(program: Command): void {
  const instana = program
    .command('instana')
    .summary('IBM Instana API tokens')
    .description(
      'IBM Instana API tokens of one tenant unit.\n' +
        'Credentials: INSTANA_API_TOKEN (or --token-stdin) and INSTANA_BASE_URL.\n' +
        'The token needs the canConfigureApiTokens permission.',
    );
  const tokens = instana
    .command('tokens')
    .summary('list, show, create, update and delete API tokens');

  common(leaf(tokens, 'list', 'List API tokens')).action((_options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).listTokens(context, command.opts()),
    ),
  );

  common(
    leaf(tokens, 'get', 'Show one API token').argument('<internalId>', "the token's internal id"),
  ).action((internalId: string, _options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).getToken(context, internalId, command.opts()),
    ),
  );

  const create = leaf(tokens, 'create', 'Create an API token and print its secret once')
    .requiredOption('--name <name>', 'token name')
    .option(
      '--expires <when>',
      'expiry (sent as expiresOn): an ISO date or a duration such as 90d',
    );
  common(addPermissionOptions(create))
    .addHelpText(
      'after',
      '\nExample:\n  $ tokenkit instana tokens create --name ci-agents --permission canConfigureAgents --permission canViewLogs',
    )
    .action((_options, command: Command) =>
      execute(command, 'instana', async (context) =>
        (await actions()).createToken(context, command.opts()),
      ),
    );

  const update = leaf(tokens, 'update', 'Rename an API token or change its permissions')
    .argument('<internalId>', "the token's internal id")
    .option('--name <name>', 'new name');
  common(
    addPermissionOptions(update).option(
      '--revoke-permission <name>',
      'take a permission away (repeatable)',
      collect,
    ),
  ).action((internalId: string, _options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).updateToken(context, internalId, command.opts()),
    ),
  );

  const remove = leaf(
    tokens,
    'delete',
    'Delete an API token (asks first; --yes in scripts)',
  ).argument('<internalId>', "the token's internal id");
  common(addYesOption(remove)).action((internalId: string, _options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).deleteToken(context, internalId, command.opts()),
    ),
  );

  addJsonOption(
    instana.command('permissions').summary('List the permission names --permission accepts'),
  ).action((_options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).listPermissions(context, command.opts()),
    ),
  );
}
