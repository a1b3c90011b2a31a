import type { PermissionChange, PermissionFlags } from '@tokenkit/instana';
import { auditWarnings } from '../../audit/warnings.js';
import { type Action, perform, type Show } from '../../cli/action.js';
import { ask, destructiveMode } from '../../cli/confirm.js';
import type { CommandContext } from '../../cli/context.js';
import { usageError } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import { checkJsonFields, pickFields } from '../../output/json-fields.js';
import type { PickedFields } from '../../output/json-shapes.js';
import type { Output } from '../../output/output.js';
import { sanitize } from '../../output/sanitize.js';
import { printTable } from '../../output/table.js';
import { type InstanaKit, instanaKit } from '../../vendors/instana/client.js';
import { instanaInternalIdOf } from '../../vendors/instana/token-id.js';
import {
  grantedPermissions,
  type InstanaToken,
  publicInstanaToken,
} from '../../vendors/instana/types.js';
import { type TokenRef, tokenRef } from '../../vendors/token-ref.js';
import type {
  DeletedJson,
  InstanaCreatedJson,
  InstanaListJson,
  InstanaPermissionsJson,
  InstanaTokenResultJson,
  InstanaUpdatedJson,
} from '../json-shapes.js';
import {
  type CreateOptions,
  changesSomething,
  type DeleteInput,
  type DeleteOptions,
  deleteInput,
  type InstanaInput,
  type ReadOptions,
  readInput,
  type UpdateOptions,
  type WriteInput,
  writeInput,
} from './inputs.js';
import { knownPermissions } from './known-permissions.js';
import { applyListQuery } from './list-query.js';
import { applyPermissions } from './permissions.js';
import { changeLines, instanaDetails, instanaRows, instanaTableHead } from './render.js';

/** The fields `--json a,b` may name: those of the API's token, the secret aside. */
async function tokenFields(): Promise<string[]> {
  const { apiToken } = await import('@tokenkit/schemas/instana');
  return Object.keys(apiToken.shape).filter((field) => field !== 'accessGrantingToken');
}

/** What `list` found, and how much of the hourly API budget is left. */
export interface ListResult {
  tokens: InstanaToken[];
  fields: string[] | undefined;
  rateLimit: { remaining: number; limit: number } | undefined;
}

/** `tokenkit instana tokens list`. */
export const list: Action<InstanaInput, ListResult, InstanaListJson | PickedFields[]> = {
  async run(context, input) {
    if (input.fields) checkJsonFields(input.fields, await tokenFields());
    const { client } = await instanaKit(context, input);
    const all = await client.apiTokens.getApiTokens();
    const tokens = applyListQuery(all, input.query ?? {}).slice(0, input.limit);
    return { tokens, fields: input.fields, rateLimit: client.rateLimit };
  },
  renderHuman(output, { tokens, rateLimit }, now) {
    printTable(output, instanaTableHead, instanaRows(output, tokens, now), 'No API tokens.');
    const count = `${tokens.length} API token${tokens.length === 1 ? '' : 's'}`;
    // Instana allows 5,000 calls an hour per token; worth seeing before a big script runs.
    const budget = rateLimit
      ? ` · ${rateLimit.remaining} of ${rateLimit.limit} API calls left this hour`
      : '';
    if (tokens.length > 0 || budget) output.noteSummary(`${count}${budget}`);
  },
  toJson({ tokens, fields }) {
    const shown = tokens.map(publicInstanaToken);
    if (fields) return shown.map((token) => pickFields(token, fields));
    return { vendor: 'instana', tokens: shown, count: shown.length };
  },
};

/** One token, as `get` shows it. */
export interface TokenResult {
  token: InstanaToken;
  fields?: string[] | undefined;
}

/** `tokenkit instana tokens get`. */
export const get: Action<
  InstanaInput & { token: TokenRef },
  TokenResult,
  InstanaTokenResultJson | PickedFields
> = {
  async run(context, input) {
    if (input.fields) checkJsonFields(input.fields, await tokenFields());
    const { client } = await instanaKit(context, input);
    const internalId = await instanaInternalIdOf(client, input.token);
    return { token: await client.apiTokens.getApiToken(internalId), fields: input.fields };
  },
  renderHuman: (output, { token }, now) => output.printLines(instanaDetails(output, token, now)),
  toJson({ token, fields }) {
    const shown = publicInstanaToken(token);
    return fields ? pickFields(shown, fields) : { vendor: 'instana', apiToken: shown };
  },
};

/** Permissions Instana always stores as off on an API token, whatever is sent. */
const neverStored = ['canConfigurePersonalApiTokens'];

/**
 * Says, before anything is sent, that an asked-for permission will not stick, with the
 * instana package's reason (canConfigurePersonalApiTokens is a per-user setting).
 */
function warnNeverStored(
  output: Output,
  kit: InstanaKit,
  sent: Readonly<Record<string, unknown>>,
): void {
  for (const name of neverStored.filter((flag) => sent[flag] === true)) {
    const reason = kit.knownRewrites[name] ?? 'Instana always stores it as false for API tokens.';
    output.note(output.errorColor.yellow(`warning: ${name} will not stick. ${reason}`));
  }
}

/** What a write sent, what Instana stored, and how they differ. */
export interface WriteResult {
  before: InstanaToken | undefined;
  sent: InstanaToken;
  received: InstanaToken;
  changes: PermissionChange[];
  rewrites: Readonly<Record<string, string | undefined>>;
  warnings: string[];
}

async function runCreate(
  context: CommandContext,
  input: WriteInput,
  show: Show<WriteResult>,
): Promise<WriteResult> {
  const permissions = applyPermissions({}, input.permissions.known, input.permissions);
  const granted = Object.fromEntries(Object.entries(permissions).filter(([, on]) => on));
  const kit = await instanaKit(context, input);
  const sent: InstanaToken = {
    // Names were checked against permissionNames, so the cast only restates that.
    ...kit.newApiToken({ name: input.name ?? '', ...(granted as PermissionFlags) }),
    ...(input.expiresOn === undefined ? {} : { expiresOn: input.expiresOn }),
  };
  warnNeverStored(context.output, kit, sent);
  // Assigned by the delivery, which createToken awaits before it resolves.
  let result!: WriteResult;
  await kit.createToken(kit.tokenStore, sent, {
    deliver: async (secret, received) => {
      const changes = kit.diffPermissions(sent, received);
      const warnings = await auditWarnings({ instana: received }, context.now());
      result = {
        before: undefined,
        sent: { ...sent, accessGrantingToken: secret },
        received,
        changes,
        rewrites: kit.knownRewrites,
        warnings,
      };
      await show(result);
    },
  });
  return result;
}

/** `tokenkit instana tokens create`: the secret (`accessGrantingToken`) is printed once. */
export const create: Action<WriteInput, WriteResult, InstanaCreatedJson> = {
  run: runCreate,
  renderHuman(output, { sent, received, changes, rewrites, warnings }, now) {
    output.print(
      `${output.color.green('✓')} Created API token ${output.color.bold(`"${sanitize(received.name)}"`)}`,
    );
    output.printLines(instanaDetails(output, received, now).slice(1));
    output.printLines(changeLines(output, changes, rewrites));
    output.printSecretOnce('Token', sent.accessGrantingToken);
    for (const warning of warnings) output.note(output.errorColor.yellow(sanitize(warning)));
  },
  toJson: ({ sent, received, changes }) => ({
    token: sent.accessGrantingToken,
    vendor: 'instana',
    apiToken: publicInstanaToken(received),
    changedPermissions: changes,
  }),
  jsonHoldsSecret: true,
  jsonNotes: (result) => result.warnings,
};

async function runUpdate(
  context: CommandContext,
  input: WriteInput & { token: TokenRef },
): Promise<WriteResult> {
  const kit = await instanaKit(context, input);
  const internalId = await instanaInternalIdOf(kit.client, input.token);
  const current = await kit.client.apiTokens.getApiToken(internalId);
  const sent: InstanaToken = {
    ...current,
    ...applyPermissions(current, input.permissions.known, input.permissions),
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.expiresOn === undefined ? {} : { expiresOn: input.expiresOn }),
  };
  warnNeverStored(context.output, kit, sent);
  const received = await kit.client.apiTokens.putApiToken(internalId, sent);
  const changes = kit.diffPermissions(sent, received);
  return { before: current, sent, received, changes, rewrites: kit.knownRewrites, warnings: [] };
}

function updateSummary({ before, sent, received }: WriteResult): string[] {
  const was = new Set(grantedPermissions(before ?? {}));
  const now = new Set(grantedPermissions(sent));
  const added = [...now].filter((name) => !was.has(name));
  const removed = [...was].filter((name) => !now.has(name));
  return [
    ...(received.name !== before?.name ? [`renamed to "${sanitize(received.name)}"`] : []),
    ...(sent.expiresOn !== before?.expiresOn ? ['expiry changed'] : []),
    ...(added.length ? [`granted ${added.join(', ')}`] : []),
    ...(removed.length ? [`revoked ${removed.join(', ')}`] : []),
  ];
}

/**
 * `tokenkit instana tokens update`: reads the token, applies the name, expiry and permission
 * changes, and writes it back with PUT (Instana replaces the whole token).
 */
export const update: Action<WriteInput & { token: TokenRef }, WriteResult, InstanaUpdatedJson> = {
  run: runUpdate,
  renderHuman(output, result) {
    const parts = updateSummary(result);
    output.print(
      `${output.color.green('✓')} Updated API token ${sanitize(result.received.internalId)}${parts.length ? `: ${parts.join('; ')}` : ' (no changes)'}`,
    );
    output.printLines(changeLines(output, result.changes, result.rewrites));
  },
  toJson: ({ received, changes }) => ({
    vendor: 'instana',
    apiToken: publicInstanaToken(received),
    changedPermissions: changes,
  }),
};

/** Whether `delete` deleted, or was told no at the question. */
export interface DeleteResult {
  internalId: string;
  deleted: boolean;
}

/** `tokenkit instana tokens delete`: asks first at a terminal, refuses in a script without --yes. */
export const remove: Action<DeleteInput & { token: TokenRef }, DeleteResult, DeletedJson> = {
  async run(context, input) {
    const mode = destructiveMode(context, input.yes, 'delete a token');
    const { client } = await instanaKit(context, input);
    const internalId = await instanaInternalIdOf(client, input.token);
    if (mode === 'ask') {
      const token = await client.apiTokens.getApiToken(internalId);
      const question = `Delete Instana API token "${sanitize(token.name)}" (${internalId})? This cannot be undone.`;
      if (!(await ask(context, question))) return { internalId, deleted: false };
    }
    await client.apiTokens.deleteApiToken(internalId);
    return { internalId, deleted: true };
  },
  renderHuman(output, { internalId, deleted }) {
    if (!deleted) output.note('Cancelled: nothing was deleted.');
    else output.print(`${output.color.green('✓')} Deleted API token ${internalId}`);
  },
  toJson({ internalId, deleted }) {
    const json: DeletedJson = { vendor: 'instana', id: internalId, deleted };
    return deleted ? json : { ...json, cancelled: true };
  },
  jsonNotes: ({ deleted }) => (deleted ? [] : ['Cancelled: nothing was deleted.']),
  exitCode: (result) => (result.deleted ? ExitCode.ok : ExitCode.cancelled),
};

/** `tokenkit instana permissions`: the names `--permission` accepts. */
export const permissions: Action<undefined, readonly string[], InstanaPermissionsJson> = {
  run: () => knownPermissions(),
  renderHuman: (output, names) => output.printLines(names),
  toJson: (names) => ({ vendor: 'instana', permissions: [...names] }),
};

export const listTokens = (context: CommandContext, options: ReadOptions) =>
  perform(context, list, readInput(options));
export const getToken = (
  context: CommandContext,
  internalId: string | undefined,
  options: ReadOptions,
) =>
  perform(context, get, {
    ...readInput(options),
    token: tokenRef(internalId, options.name, 'internal id'),
  });
export const createToken = async (context: CommandContext, options: CreateOptions) =>
  perform(context, create, await writeInput(options, context));
export async function updateToken(
  context: CommandContext,
  internalId: string | undefined,
  options: UpdateOptions,
): Promise<number> {
  const token = tokenRef(internalId, options.tokenName, 'internal id', '--token-name');
  const input = await writeInput(options, context);
  if (!changesSomething(input)) {
    throw usageError(
      'nothing to update: give --name, --expires, --permission, --revoke-permission or --permissions-file',
    );
  }
  return perform(context, update, { ...input, token });
}
export const deleteToken = (
  context: CommandContext,
  internalId: string | undefined,
  options: DeleteOptions,
) =>
  perform(context, remove, {
    ...deleteInput(options),
    token: tokenRef(internalId, options.name, 'internal id'),
  });
export const listPermissions = (context: CommandContext) =>
  perform(context, permissions, undefined);
