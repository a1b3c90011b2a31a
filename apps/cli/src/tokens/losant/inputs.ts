import type { ApiTokenPatchInput, ApiTokenPostInput, ListParams } from '@tokenkit/losant';
import { parseExpiry } from '../../duration.js';
import { usageError } from '../../errors.js';
import { jsonFields } from '../../output/json-fields.js';
import { type OwnerOptions, ownerFlag, resolveOwner } from '../../vendors/losant/owner.js';
import type { LosantOwner } from '../../vendors/losant/types.js';
import { type TokenRef, tokenRef, tokenRefWords } from '../../vendors/token-ref.js';

/**
 * Commander's options for the `losant tokens` commands, and the one place they become typed
 * input: owners resolved, the query built, expiry parsed, nothing sent yet.
 */
interface CommonOptions extends OwnerOptions {
  json?: boolean | string;
  tokenStdin?: boolean;
}

/** Options of `losant tokens list`. */
export interface ListOptions extends CommonOptions {
  sortField?: ListParams['sortField'];
  sortDirection?: ListParams['sortDirection'];
  filterField?: ListParams['filterField'];
  filter?: string;
  page?: number;
  perPage?: number;
  all?: boolean;
  limit?: number;
}

/** Options of `losant tokens get`. */
export interface GetOptions extends CommonOptions {
  /** The token's name, instead of its id. */
  name?: string;
}

/** Options of `losant tokens create`. */
export interface CreateOptions extends CommonOptions {
  name: string;
  scope?: string[];
  expires?: string;
  description?: string;
  status?: 'active' | 'inactive';
}

/** Options of `losant tokens update`. */
export interface UpdateOptions extends CommonOptions {
  /** The new name. */
  name?: string;
  /** The token's current name, instead of its id. */
  tokenName?: string;
  description?: string;
  status?: 'active' | 'inactive';
  /** Refused: scopes are fixed at creation. */
  scope?: string;
  /** Refused: the expiry is fixed at creation. */
  expires?: string;
}

/** Options of `losant tokens delete`. */
export interface DeleteOptions extends CommonOptions {
  yes?: boolean;
  /** The token's name, instead of its id. */
  name?: string;
}

/** What every token command works with. */
export interface TokenInput {
  owner: LosantOwner;
  tokenStdin: boolean;
}

/** `list`: one page, every page (`all`) or the first `limit` tokens. */
export interface ListInput extends TokenInput {
  query: ListParams;
  all: boolean;
  limit: number | undefined;
  fields: string[] | undefined;
}

function tokenInput(options: CommonOptions): TokenInput {
  return { owner: resolveOwner(options), tokenStdin: Boolean(options.tokenStdin) };
}

export function listInput(options: ListOptions): ListInput {
  if (options.filter !== undefined && options.filterField === undefined) {
    throw usageError('--filter needs --filter-field name or --filter-field status');
  }
  const query: ListParams = {};
  if (options.sortField !== undefined) query.sortField = options.sortField;
  if (options.sortDirection !== undefined) query.sortDirection = options.sortDirection;
  if (options.filterField !== undefined) query.filterField = options.filterField;
  if (options.filter !== undefined) query.filter = options.filter;
  if (options.page !== undefined) query.page = options.page;
  if (options.perPage !== undefined) query.perPage = options.perPage;
  return {
    ...tokenInput(options),
    query,
    all: Boolean(options.all),
    limit: options.limit,
    fields: jsonFields(options.json),
  };
}

/** `get`: one token, all fields or the `--json` ones. */
export interface GetInput extends TokenInput {
  token: TokenRef;
  fields: string[] | undefined;
}

export function getInput(tokenId: string | undefined, options: GetOptions): GetInput {
  const token = tokenRef(tokenId, options.name, 'id');
  return { ...tokenInput(options), token, fields: jsonFields(options.json) };
}

/** `create`: the body to send. */
export interface CreateInput extends TokenInput {
  body: ApiTokenPostInput;
}

export function createInput(options: CreateOptions, now: Date): CreateInput {
  const input = tokenInput(options);
  if (!options.scope?.length) {
    throw usageError(
      'give the token at least one --scope',
      'e.g. --scope all.Application.read, or a narrow one such as --scope devices.get; see `tokenkit losant scopes`',
    );
  }
  // Scope names are checked by the client against the 500 Losant knows, before any request.
  const body: ApiTokenPostInput = {
    name: options.name,
    scope: options.scope as ApiTokenPostInput['scope'],
  };
  if (options.expires !== undefined)
    body.expirationDate = parseExpiry(options.expires, now).toISOString();
  if (options.description !== undefined) body.description = options.description;
  if (options.status !== undefined) body.status = options.status;
  return { ...input, body };
}

/** `update`: the patch to send. */
export interface UpdateInput extends TokenInput {
  token: TokenRef;
  patch: ApiTokenPatchInput;
}

export function updateInput(tokenId: string | undefined, options: UpdateOptions): UpdateInput {
  const input = tokenInput(options);
  const token = tokenRef(tokenId, options.tokenName, 'id', '--token-name');
  const named = tokenRefWords(token);
  if (options.scope !== undefined) {
    throw usageError(
      "--scope: a Losant token's scopes are fixed at creation",
      `create one with the scopes you need (tokenkit losant tokens create --scope …), then delete this one; \`tokenkit losant tokens rotate ${named} ${ownerFlag(input.owner)}\` replaces it keeping its scopes`,
    );
  }
  if (options.expires !== undefined) {
    throw usageError(
      "--expires: a Losant token's expiry is fixed at creation",
      `replace it with one that expires then: tokenkit losant tokens rotate ${named} ${ownerFlag(input.owner)} --expires ${options.expires}`,
    );
  }
  const patch: ApiTokenPatchInput = {};
  if (options.name !== undefined) patch.name = options.name;
  if (options.description !== undefined) patch.description = options.description;
  if (options.status !== undefined) patch.status = options.status;
  if (Object.keys(patch).length === 0) {
    throw usageError('nothing to update: give --name, --description or --status');
  }
  return { ...input, token, patch };
}

/** `delete`: which token, and whether `--yes` was given. */
export interface DeleteInput extends TokenInput {
  token: TokenRef;
  yes: boolean;
}

export function deleteInput(tokenId: string | undefined, options: DeleteOptions): DeleteInput {
  const token = tokenRef(tokenId, options.name, 'id');
  return { ...tokenInput(options), token, yes: Boolean(options.yes) };
}
