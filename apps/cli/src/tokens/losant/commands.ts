import { type Command, Option } from 'commander';
import { execute } from '../../cli/execute.js';
import { leaf } from '../../cli/group.js';
import {
  addCommonOptions,
  addJsonOption,
  addYesOption,
  collect,
  integerAtLeast,
} from '../../cli/options.js';
import type { CommandTree } from '../../cli/tree.js';

const sortFields = ['name', 'status', 'id', 'creationDate', 'lastUpdated', 'expirationDate'];

/** Loads the implementations only when a losant command actually runs. */
const actions = () => import('./actions.js');

/** A token command with the owner options; its own options follow, then `common`. */
function tokenCommand(parent: Command, name: string, summary: string, details?: string): Command {
  return leaf(parent, name, summary, details)
    .option('--instance <id>', 'tokens of this Losant instance')
    .option('--application <id>', 'tokens of this Losant application')
    .option('--user', 'your own user tokens (/me)');
}

/** `--json` (with fields when asked) and `--token-stdin`, after the command's own options. */
function common(command: Command, options: { fields?: boolean } = {}): Command {
  return addCommonOptions(command, 'LOSANT_ACCESS_TOKEN', options);
}

function registerList(tokens: Command): void {
  const list = tokenCommand(tokens, 'list', 'List tokens, a page at a time or --all')
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
    .addOption(new Option('--all', 'fetch every page').conflicts('limit'))
    .option(
      '--limit <n>',
      'show at most this many tokens, walking pages as needed',
      integerAtLeast(1),
    );
  common(list, { fields: true })
    .addHelpText(
      'after',
      '\nExamples:\n  $ tokenkit losant tokens list --user\n  $ tokenkit losant tokens list --application 5f0c… --all --filter-field name --filter "ci-*" --json\n  $ tokenkit losant tokens list --user --limit 10 --json name,id,expirationDate',
    )
    .action((_options, command: Command) =>
      execute(command, 'losant', async (context) =>
        (await actions()).listTokens(context, command.opts()),
      ),
    );
}

function registerGet(tokens: Command): void {
  const get = tokenCommand(tokens, 'get', 'Show one token')
    .argument('[tokenId]', 'the token id (or give --name)')
    .option('--name <name>', 'the token with this exact name, instead of its id');
  common(get, { fields: true }).action((tokenId: string | undefined, _options, command: Command) =>
    execute(command, 'losant', async (context) =>
      (await actions()).getToken(context, tokenId, command.opts()),
    ),
  );
}

function registerCreate(tokens: Command): void {
  const create = tokenCommand(tokens, 'create', 'Create a token and print its secret once')
    .requiredOption('--name <name>', 'token name')
    .option(
      '--scope <scope>',
      'a scope to grant (repeat for more), e.g. all.Application.read; see `tokenkit losant scopes`',
      collect,
    )
    .option('--expires <when>', 'expiry: an ISO date (2027-01-31) or a duration (90d, 12w, 1y)')
    .option('--description <text>', 'description')
    .addOption(new Option('--status <status>', 'initial status').choices(['active', 'inactive']));
  common(create)
    .addHelpText(
      'after',
      '\nExample:\n  $ tokenkit losant tokens create --application 5f0c… --name ci-deploy \\\n      --scope applicationApiTokens.get --expires 90d',
    )
    .action((_options, command: Command) =>
      execute(command, 'losant', async (context) =>
        (await actions()).createToken(context, command.opts()),
      ),
    );
}

function registerUpdate(tokens: Command): void {
  const update = tokenCommand(tokens, 'update', 'Rename, describe, activate or deactivate a token')
    .argument('[tokenId]', 'the token id (or give --token-name)')
    .option('--token-name <name>', 'the token with this exact name, instead of its id')
    .option('--name <name>', 'new name')
    .option('--description <text>', 'new description')
    .addOption(new Option('--status <status>', 'new status').choices(['active', 'inactive']))
    // Hidden: only there to answer why they cannot be changed, rather than "unknown option".
    .addOption(new Option('--scope <scope>').hideHelp())
    .addOption(new Option('--expires <when>').hideHelp());
  common(update)
    .addHelpText('after', '\nScopes and expiry cannot be changed after creation (a Losant rule).')
    .action((tokenId: string | undefined, _options, command: Command) =>
      execute(command, 'losant', async (context) =>
        (await actions()).updateToken(context, tokenId, command.opts()),
      ),
    );
}

function registerDelete(tokens: Command): void {
  const remove = tokenCommand(
    tokens,
    'delete',
    'Delete a token (asks first; --yes in scripts)',
    'Declining exits 4.',
  )
    .argument('[tokenId]', 'the token id (or give --name)')
    .option('--name <name>', 'the token with this exact name, instead of its id');
  common(addYesOption(remove)).action((tokenId: string | undefined, _options, command: Command) =>
    execute(command, 'losant', async (context) =>
      (await actions()).deleteToken(context, tokenId, command.opts()),
    ),
  );
}

function registerScopes(losant: Command): void {
  const scopes = leaf(
    losant,
    'scopes',
    'List the scopes --scope accepts',
    'With --owner, only the scopes meant for that kind of token.',
  ).addOption(
    new Option('--owner <kind>', 'only scopes for this owner').choices([
      'instance',
      'application',
      'user',
    ]),
  );
  addJsonOption(scopes).action((_options, command: Command) =>
    execute(command, 'losant', async (context) =>
      (await import('./scopes.js')).listScopes(context, command.opts()),
    ),
  );
}

/** `tokenkit losant tokens list|get|create|update|delete` and `tokenkit losant scopes`. */
export function registerLosantTokenCommands({ losant }: CommandTree): void {
  const { tokens } = losant;
  registerList(tokens);
  registerGet(tokens);
  registerCreate(tokens);
  registerUpdate(tokens);
  registerDelete(tokens);
  registerScopes(losant.vendor);
}
