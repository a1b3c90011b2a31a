import type { PermissionFlags } from '@tokenkit/instana';
import type { CommandContext } from '../commands/context.js';
import { ask, cancelled, destructiveMode } from '../confirm.js';
import { parseExpiry } from '../duration.js';
import { usageError } from '../errors.js';
import { instanaKit } from '../instana/client.js';
import { knownPermissions } from '../instana/known-permissions.js';
import {
  applyPermissions,
  checkPermissionNames,
  type PermissionSpec,
  readPermissionSpec,
  specNames,
} from '../instana/permissions.js';
import {
  changeLines,
  instanaDetails,
  instanaRows,
  instanaTableHead,
  publicInstanaToken,
} from '../instana/render.js';
import type { InstanaToken } from '../instana/types.js';
import { sanitize } from '../output/sanitize.js';
import { printTable } from '../output/table.js';

interface CommonOptions {
  json?: boolean;
  tokenStdin?: boolean;
}

/** Options of `instana tokens create`. */
export interface CreateOptions extends CommonOptions {
  name: string;
  permission?: string[];
  permissionsFile?: string;
  expires?: string;
}

/** Options of `instana tokens update`. */
export interface UpdateOptions extends CommonOptions {
  name?: string;
  permission?: string[];
  revokePermission?: string[];
  permissionsFile?: string;
}

/** Options of `instana tokens delete`. */
export interface DeleteOptions extends CommonOptions {
  yes?: boolean;
}

/** Reads the permission flags and checks every name before anything is sent. */
async function permissionInput(options: {
  permission?: string[] | undefined;
  revokePermission?: string[] | undefined;
  permissionsFile?: string | undefined;
}): Promise<{
  known: readonly string[];
  spec: PermissionSpec | undefined;
  grant: string[];
  revoke: string[];
}> {
  const known = await knownPermissions();
  const grant = options.permission ?? [];
  const revoke = options.revokePermission ?? [];
  checkPermissionNames(grant, known, '--permission');
  checkPermissionNames(revoke, known, '--revoke-permission');
  const spec = options.permissionsFile
    ? await readPermissionSpec(options.permissionsFile)
    : undefined;
  if (spec && options.permissionsFile)
    checkPermissionNames(specNames(spec), known, options.permissionsFile);
  const both = grant.filter((name) => revoke.includes(name));
  if (both.length > 0) throw usageError(`${both[0]} is both granted and revoked`);
  return { known, spec, grant, revoke };
}

function permissionsOf(
  token: Readonly<Record<string, unknown>>,
  known: readonly string[],
): Set<string> {
  return new Set(known.filter((name) => token[name] === true));
}

/** `tokenkit instana tokens list`. */
export async function listTokens(context: CommandContext, options: CommonOptions): Promise<number> {
  const { client } = await instanaKit(context, options);
  const tokens = await client.apiTokens.getApiTokens();
  const { output } = context;
  if (output.json) {
    output.printJson({
      vendor: 'instana',
      tokens: tokens.map(publicInstanaToken),
      count: tokens.length,
    });
    return 0;
  }
  printTable(
    output,
    instanaTableHead,
    instanaRows(output, tokens, context.now()),
    'No API tokens.',
  );
  const count = `${tokens.length} API token${tokens.length === 1 ? '' : 's'}`;
  // Instana allows 5,000 calls an hour per token; worth seeing before a big script runs.
  const limit = client.rateLimit;
  const budget = limit ? ` · ${limit.remaining} of ${limit.limit} API calls left this hour` : '';
  if (tokens.length > 0 || budget) output.note(output.errorColor.dim(`${count}${budget}`));
  return 0;
}

/** `tokenkit instana tokens get`. */
export async function getToken(
  context: CommandContext,
  internalId: string,
  options: CommonOptions,
): Promise<number> {
  const { client } = await instanaKit(context, options);
  const token = await client.apiTokens.getApiToken(internalId);
  if (context.output.json) {
    context.output.printJson({ vendor: 'instana', apiToken: publicInstanaToken(token) });
  } else {
    context.output.printLines(instanaDetails(context.output, token, context.now()));
  }
  return 0;
}

/** `tokenkit instana tokens create`: the secret (`accessGrantingToken`) is printed once. */
export async function createToken(
  context: CommandContext,
  options: CreateOptions,
): Promise<number> {
  const input = await permissionInput(options);
  const expiresOn =
    options.expires === undefined
      ? undefined
      : parseExpiry(options.expires, context.now()).getTime();
  const permissions = applyPermissions({}, input.known, input);
  const granted = Object.fromEntries(Object.entries(permissions).filter(([, on]) => on));
  const kit = await instanaKit(context, options);
  const sent: InstanaToken = {
    // Names were checked against permissionNames above, so the cast only restates that.
    ...kit.newApiToken({ name: options.name, ...(granted as PermissionFlags) }),
    ...(expiresOn === undefined ? {} : { expiresOn }),
  };
  const received = await kit.client.apiTokens.postApiToken(sent);
  const changes = kit.diffPermissions(sent, received);
  const secret = sent.accessGrantingToken;
  const { output } = context;
  if (output.json) {
    output.printJsonWithSecret({
      token: secret,
      vendor: 'instana',
      apiToken: publicInstanaToken(received),
      changedPermissions: changes,
    });
    return 0;
  }
  output.print(
    `${output.color.green('✓')} Created API token ${output.color.bold(`"${sanitize(received.name)}"`)}`,
  );
  output.printLines(instanaDetails(output, received, context.now()).slice(1));
  output.printLines(changeLines(output, changes, kit.knownRewrites));
  output.printSecretOnce('Token', secret);
  return 0;
}

/**
 * `tokenkit instana tokens update`: reads the token, applies the name and permission changes,
 * and writes it back with PUT (Instana replaces the whole token).
 */
export async function updateToken(
  context: CommandContext,
  internalId: string,
  options: UpdateOptions,
): Promise<number> {
  const input = await permissionInput(options);
  if (
    options.name === undefined &&
    !input.spec &&
    input.grant.length === 0 &&
    input.revoke.length === 0
  ) {
    throw usageError(
      'nothing to update: give --name, --permission, --revoke-permission or --permissions-file',
    );
  }
  const kit = await instanaKit(context, options);
  const current = await kit.client.apiTokens.getApiToken(internalId);
  const sent: InstanaToken = {
    ...current,
    ...applyPermissions(current, input.known, input),
    ...(options.name === undefined ? {} : { name: options.name }),
  };
  const received = await kit.client.apiTokens.putApiToken(internalId, sent);
  const changes = kit.diffPermissions(sent, received);
  const { output } = context;
  if (output.json) {
    output.printJson({
      vendor: 'instana',
      apiToken: publicInstanaToken(received),
      changedPermissions: changes,
    });
    return 0;
  }
  const before = permissionsOf(current, input.known);
  const after = permissionsOf(sent, input.known);
  const added = [...after].filter((name) => !before.has(name));
  const removed = [...before].filter((name) => !after.has(name));
  const parts = [
    ...(options.name !== undefined && options.name !== current.name
      ? [`renamed to "${sanitize(options.name)}"`]
      : []),
    ...(added.length ? [`granted ${added.join(', ')}`] : []),
    ...(removed.length ? [`revoked ${removed.join(', ')}`] : []),
  ];
  output.print(
    `${output.color.green('✓')} Updated API token ${internalId}${parts.length ? `: ${parts.join('; ')}` : ' (no changes)'}`,
  );
  output.printLines(changeLines(output, changes, kit.knownRewrites));
  return 0;
}

/** `tokenkit instana tokens delete`: asks first at a terminal, refuses in a script without --yes. */
export async function deleteToken(
  context: CommandContext,
  internalId: string,
  options: DeleteOptions,
): Promise<number> {
  const mode = destructiveMode(context, options.yes, 'delete a token');
  const { client } = await instanaKit(context, options);
  if (mode === 'ask') {
    const token = await client.apiTokens.getApiToken(internalId);
    const question = `Delete Instana API token "${sanitize(token.name)}" (${internalId})? This cannot be undone.`;
    if (!(await ask(context, question)))
      return cancelled(context.output, { vendor: 'instana', id: internalId });
  }
  await client.apiTokens.deleteApiToken(internalId);
  if (context.output.json) {
    context.output.printJson({ vendor: 'instana', id: internalId, deleted: true });
  } else {
    context.output.print(`${context.output.color.green('✓')} Deleted API token ${internalId}`);
  }
  return 0;
}

/** `tokenkit instana permissions`: the names `--permission` accepts. */
export async function listPermissions(
  context: CommandContext,
  options: CommonOptions,
): Promise<number> {
  const known = await knownPermissions();
  if (options.json) context.output.printJson({ vendor: 'instana', permissions: known });
  else for (const name of known) context.output.print(name);
  return 0;
}
