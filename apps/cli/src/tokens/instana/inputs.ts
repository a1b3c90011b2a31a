import type { CommandContext } from '../../cli/context.js';
import { parseExpiry } from '../../duration.js';
import { usageError } from '../../errors.js';
import { jsonFields } from '../../output/json-fields.js';
import { readTextFile } from '../../read-file.js';
import { knownPermissions } from './known-permissions.js';
import type { InstanaListQuery } from './list-query.js';
import {
  checkPermissionNames,
  type PermissionSpec,
  parsePermissionSpec,
  specNames,
} from './permissions.js';

/**
 * Commander's options for the `instana` commands, and the one place they become typed input:
 * permission names checked, files read, expiry parsed, nothing sent yet.
 */
interface CommonOptions {
  json?: boolean | string;
  tokenStdin?: boolean;
}

/** Options of `instana tokens list` and `get`. */
export interface ReadOptions extends CommonOptions, InstanaListQuery {
  /** `list --limit`. */
  limit?: number;
  /** `get --name`: the token's name, instead of its internal id. */
  name?: string;
}

/** The permission options of `create` and `update`. */
interface PermissionOptions extends CommonOptions {
  permission?: string[];
  revokePermission?: string[];
  permissionsFile?: string;
  expires?: string;
}

/** Options of `instana tokens create`. */
export interface CreateOptions extends PermissionOptions {
  name: string;
}

/** Options of `instana tokens update`. */
export interface UpdateOptions extends PermissionOptions {
  /** The new name. */
  name?: string;
  /** The token's current name, instead of its internal id. */
  tokenName?: string;
}

/** Options of `instana tokens delete`. */
export interface DeleteOptions extends CommonOptions {
  yes?: boolean;
  /** The token's name, instead of its internal id. */
  name?: string;
}

/** What every Instana command works with. */
export interface InstanaInput {
  tokenStdin: boolean;
  fields: string[] | undefined;
  /** `list --limit`: show at most this many. */
  limit?: number | undefined;
  /** `list --sort-field`, `--sort-direction` and `--filter`. */
  query?: InstanaListQuery | undefined;
}

/** The permission changes asked for, checked against the names Instana knows. */
export interface PermissionInput {
  known: readonly string[];
  spec: PermissionSpec | undefined;
  grant: string[];
  revoke: string[];
}

/** `create` and `update`: name, permissions and expiry (epoch ms). */
export interface WriteInput extends InstanaInput {
  name: string | undefined;
  permissions: PermissionInput;
  expiresOn: number | undefined;
}

export function readInput(options: ReadOptions): InstanaInput {
  return {
    tokenStdin: Boolean(options.tokenStdin),
    fields: jsonFields(options.json),
    limit: options.limit,
    query: {
      sortField: options.sortField,
      sortDirection: options.sortDirection,
      filter: options.filter,
    },
  };
}

async function permissionInput(
  options: PermissionOptions,
  context: CommandContext,
): Promise<PermissionInput> {
  const known = await knownPermissions();
  const grant = options.permission ?? [];
  const revoke = options.revokePermission ?? [];
  checkPermissionNames(grant, '--permission');
  checkPermissionNames(revoke, '--revoke-permission');
  const file = options.permissionsFile;
  if (file === '-' && options.tokenStdin) {
    throw usageError('--permissions-file - and --token-stdin both read standard input; pick one');
  }
  const spec =
    file === undefined
      ? undefined
      : parsePermissionSpec(await readTextFile(file, '--permissions-file', context.stdin), file);
  if (spec && file !== undefined) checkPermissionNames(specNames(spec), file);
  const both = grant.filter((name) => revoke.includes(name));
  if (both.length > 0) throw usageError(`${both[0]} is both granted and revoked`);
  return { known, spec, grant, revoke };
}

export async function writeInput(
  options: CreateOptions | UpdateOptions,
  context: CommandContext,
): Promise<WriteInput> {
  return {
    ...readInput(options),
    name: options.name,
    permissions: await permissionInput(options, context),
    expiresOn:
      options.expires === undefined
        ? undefined
        : parseExpiry(options.expires, context.now()).getTime(),
  };
}

/** Whether an update asks for any change at all. */
export function changesSomething(input: WriteInput): boolean {
  const { spec, grant, revoke } = input.permissions;
  return (
    input.name !== undefined ||
    input.expiresOn !== undefined ||
    spec !== undefined ||
    grant.length > 0 ||
    revoke.length > 0
  );
}

/** `delete`: `--yes` given or not. */
export interface DeleteInput extends InstanaInput {
  yes: boolean;
}

export function deleteInput(options: DeleteOptions): DeleteInput {
  return { ...readInput(options), yes: Boolean(options.yes) };
}
