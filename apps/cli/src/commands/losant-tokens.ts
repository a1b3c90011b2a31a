import { type Command, Option } from 'commander';
import { execute } from './execute.js';
import {
  addJsonOption,
  addTokenStdinOption,
  addYesOption,
  collect,
  integerAtLeast,
} from './options.js';

const sortFields = ['name', 'status', 'id', 'creationDate', 'lastUpdated', 'expirationDate'];

/** Loads the implementations only when a losant command actually runs. */
const actions = () => import('../actions/losant-tokens.js');

function addOwnerOptions(command: Command): Command {
  return command
    .option('--instance <id>', 'tokens of this Losant instance')
    .option('--application <id>', 'tokens of this Losant application')
    .option('--user', 'your own user tokens (/me)');
}

function leaf(parent: Command, name: string, summary: string): Command {
  const command = parent.command(name).summary(summary).description(`${summary}.`);
  return addOwnerOptions(command);
}

/** The options every command has, listed after its own. */
function common(command: Command): Command {
  return addTokenStdinOption(addJsonOption(command), 'LOSANT_ACCESS_TOKEN');
}

/** `tokenkit losant tokens list|get|create|update|delete`. */
export function registerLosantCommands(program: Command): void {
  const losant = program
    .command('losant')
    .summary('Losant instance, application and user API tokens')
    .description(
      'Losant API tokens. Every tokens command takes exactly one owner:\n' +
        '--instance ID, --application ID or --user.\n' +
        'Credentials: LOSANT_ACCESS_TOKEN (or --token-stdin), LOSANT_API_URL.',
    );
  const tokens = losant.command('tokens').summary('list, show, create, update and delete tokens');

  const list = leaf(tokens, 'list', 'List tokens, a page at a time or --all')
    .addOption(new Option('--sort-field <field>', 'sort by').choices(sortFields))
    .addOption(new Option('--sort-direction <direction>', 'sort order').choices(['asc', 'desc']))
    .addOption(
      new Option('--filter-field <field>', 'field to filter on').choices(['name', 'status']),
    )
    .option('--filter <pattern>', 'filter value; * matches anything (e.g. "ci-*")')
    .addOption(
      new Option('--page <n>', 'page to show, from 0')
        .argParser(integerAtLeast(0))
        .conflicts('all'),
    )
    .option('--per-page <n>', 'tokens per page (server default 100)', integerAtLeast(1))
    .option('--all', 'fetch every page');
  common(list).addHelpText(
    'after',
    '\nExamples:\n  $ tokenkit losant tokens list --user\n  $ tokenkit losant tokens list --application 5f0c… --all --filter-field name --filter "ci-*" --json',
  );
  list.action((_options, command: Command) =>
    execute(command, 'losant', async (context) =>
      (await actions()).listTokens(context, command.opts()),
    ),
  );

  common(leaf(tokens, 'get', 'Show one token').argument('<tokenId>', 'the token id')).action(
    (tokenId: string, _options, command: Command) =>
      execute(command, 'losant', async (context) =>
        (await actions()).getToken(context, tokenId, command.opts()),
      ),
  );

  const create = leaf(tokens, 'create', 'Create a token and print its secret once')
    .requiredOption('--name <name>', 'token name')
    .option(
      '--scope <scope>',
      'a scope to grant (repeat for more), e.g. all.Application.read',
      collect,
    )
    .option('--expires <when>', 'expiry: an ISO date (2027-01-31) or a duration (90d, 12w, 1y)')
    .option('--description <text>', 'description')
    .addOption(new Option('--status <status>', 'initial status').choices(['active', 'inactive']));
  common(create).addHelpText(
    'after',
    '\nExample:\n  $ tokenkit losant tokens create --application 5f0c… --name ci-deploy \\\n      --scope applicationApiTokens.get --expires 90d',
  );
  create.action((_options, command: Command) =>
    execute(command, 'losant', async (context) =>
      (await actions()).createToken(context, command.opts()),
    ),
  );

  const update = leaf(tokens, 'update', 'Rename, describe, activate or deactivate a token')
    .argument('<tokenId>', 'the token id')
    .option('--name <name>', 'new name')
    .option('--description <text>', 'new description')
    .addOption(new Option('--status <status>', 'new status').choices(['active', 'inactive']));
  common(update)
    .addHelpText('after', '\nScopes and expiry cannot be changed after creation (a Losant rule).')
    .action((tokenId: string, _options, command: Command) =>
      execute(command, 'losant', async (context) =>
        (await actions()).updateToken(context, tokenId, command.opts()),
      ),
    );

  const remove = leaf(tokens, 'delete', 'Delete a token (asks first; --yes in scripts)').argument(
    '<tokenId>',
    'the token id',
  );
  common(addYesOption(remove)).action((tokenId: string, _options, command: Command) =>
    execute(command, 'losant', async (context) =>
      (await actions()).deleteToken(context, tokenId, command.opts()),
    ),
  );
}
