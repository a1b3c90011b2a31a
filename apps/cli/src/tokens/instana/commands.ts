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
import { instanaSortFields } from './sort-fields.js';

/** Loads the implementations only when an instana command actually runs. */
const actions = () => import('./actions.js');

/** `--json` (with fields when asked) and `--token-stdin`, after the command's own options. */
function common(command: Command, options: { fields?: boolean } = {}): Command {
  return addCommonOptions(command, 'INSTANA_API_TOKEN', options);
}

/** `--permission`, `--permissions-file` and `--expires`: what `create` and `update` share. */
function addWriteOptions(command: Command): Command {
  return command
    .option(
      '--permission <name>',
      'grant a permission, e.g. canConfigureAgents (repeatable)',
      collect,
    )
    .option(
      '--permissions-file <file>',
      'JSON: an array of names (exactly these) or {"name": true|false} (only these change); - reads stdin',
    )
    .option(
      '--expires <when>',
      'expiry (sent as expiresOn): an ISO date or a duration such as 90d',
    );
}

function registerList(tokens: Command): void {
  const list = leaf(tokens, 'list', 'List API tokens')
    .addOption(new Option('--sort-field <field>', 'sort by').choices(instanaSortFields))
    .addOption(new Option('--sort-direction <dir>', 'sort direction').choices(['asc', 'desc']))
    .option(
      '--filter <pattern>',
      'only names matching PATTERN (* matches anything, ? one character)',
    )
    .option('--limit <n>', 'show at most this many tokens', integerAtLeast(1))
    .addHelpText(
      'after',
      "\nInstana's API can neither sort nor filter: tokenkit fetches every token and does both itself.",
    );
  common(list, { fields: true }).action((_options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).listTokens(context, command.opts()),
    ),
  );
}

function registerGet(tokens: Command): void {
  common(
    leaf(tokens, 'get', 'Show one API token')
      .argument('[internalId]', "the token's internal id (or give --name)")
      .option('--name <name>', 'the token with this exact name, instead of its internal id'),
    { fields: true },
  ).action((internalId: string | undefined, _options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).getToken(context, internalId, command.opts()),
    ),
  );
}

function registerCreate(tokens: Command): void {
  const create = leaf(
    tokens,
    'create',
    'Create an API token and print its secret once',
  ).requiredOption('--name <name>', 'token name');
  common(addWriteOptions(create))
    .addHelpText(
      'after',
      '\nExample:\n  $ tokenkit instana tokens create --name ci-agents --permission canConfigureAgents --permission canViewLogs',
    )
    .action((_options, command: Command) =>
      execute(command, 'instana', async (context) =>
        (await actions()).createToken(context, command.opts()),
      ),
    );
}

function registerUpdate(tokens: Command): void {
  const update = leaf(tokens, 'update', 'Rename an API token, change its permissions or its expiry')
    .argument('[internalId]', "the token's internal id (or give --token-name)")
    .option('--token-name <name>', 'the token with this exact name, instead of its internal id')
    .option('--name <name>', 'new name');
  common(
    addWriteOptions(update).option(
      '--revoke-permission <name>',
      'take a permission away (repeatable)',
      collect,
    ),
  ).action((internalId: string | undefined, _options, command: Command) =>
    execute(command, 'instana', async (context) =>
      (await actions()).updateToken(context, internalId, command.opts()),
    ),
  );
}

function registerDelete(tokens: Command): void {
  const remove = leaf(
    tokens,
    'delete',
    'Delete an API token (asks first; --yes in scripts)',
    'Declining exits 4.',
  )
    .argument('[internalId]', "the token's internal id (or give --name)")
    .option('--name <name>', 'the token with this exact name, instead of its internal id');
  common(addYesOption(remove)).action(
    (internalId: string | undefined, _options, command: Command) =>
      execute(command, 'instana', async (context) =>
        (await actions()).deleteToken(context, internalId, command.opts()),
      ),
  );
}

function registerPermissions(instana: Command): void {
  addJsonOption(
    leaf(instana, 'permissions', 'List the permission names --permission accepts'),
  ).action((_options, command: Command) =>
    execute(command, 'instana', async (context) => (await actions()).listPermissions(context)),
  );
}

/** `tokenkit instana tokens list|get|create|update|delete` and `tokenkit instana permissions`. */
export function registerInstanaTokenCommands({ instana }: CommandTree): void {
  const { tokens } = instana;
  registerList(tokens);
  registerGet(tokens);
  registerCreate(tokens);
  registerUpdate(tokens);
  registerDelete(tokens);
  registerPermissions(instana.vendor);
}
