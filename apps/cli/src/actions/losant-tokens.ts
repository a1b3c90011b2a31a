import type { ApiTokenPatchInput, ApiTokenPostInput, ListParams } from '@tokenkit/losant';
import type { CommandContext } from '../commands/context.js';
import { ask, cancelled, destructiveMode } from '../confirm.js';
import { parseExpiry } from '../duration.js';
import { usageError } from '../errors.js';
import { losantClient } from '../losant/client.js';
import { fetchAllTokens } from '../losant/fetch-all.js';
import { describeOwner, type OwnerOptions, ownerJson, resolveOwner } from '../losant/owner.js';
import { ownerTokens } from '../losant/owner-tokens.js';
import { publicToken, tokenDetails, tokenRows, tokenTableHead } from '../losant/render.js';
import { losantTokenId } from '../losant/types.js';
import { createProgress } from '../output/progress.js';
import { sanitize } from '../output/sanitize.js';
import { printTable } from '../output/table.js';

interface CommonOptions extends OwnerOptions {
  json?: boolean;
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
  name?: string;
  description?: string;
  status?: 'active' | 'inactive';
}

/** Options of `losant tokens delete`. */
export interface DeleteOptions extends CommonOptions {
  yes?: boolean;
}

function listQuery(options: ListOptions): ListParams {
  const query: ListParams = {};
  if (options.sortField !== undefined) query.sortField = options.sortField;
  if (options.sortDirection !== undefined) query.sortDirection = options.sortDirection;
  if (options.filterField !== undefined) query.filterField = options.filterField;
  if (options.filter !== undefined) query.filter = options.filter;
  if (options.page !== undefined) query.page = options.page;
  if (options.perPage !== undefined) query.perPage = options.perPage;
  return query;
}

/** `tokenkit losant tokens list`. */
export async function listTokens(context: CommandContext, options: ListOptions): Promise<number> {
  const owner = resolveOwner(options);
  if (options.filter !== undefined && options.filterField === undefined) {
    throw usageError('--filter needs --filter-field name or --filter-field status');
  }
  const tokens = ownerTokens(await losantClient(context, options), owner);
  const { output } = context;
  const query = listQuery(options);

  if (options.all) {
    const progress = createProgress(output);
    const all = await fetchAllTokens(tokens, query, (fetched, total) =>
      progress.update(`Fetching tokens… ${fetched}${total === undefined ? '' : ` of ${total}`}`),
    );
    progress.done();
    if (output.json) {
      output.printJson({
        vendor: 'losant',
        owner: ownerJson(owner),
        tokens: all.tokens.map(publicToken),
        count: all.tokens.length,
        totalCount: all.tokens.length,
        page: null,
        perPage: options.perPage ?? 100,
      });
      return 0;
    }
    printTable(output, tokenTableHead, tokenRows(output, all.tokens, context.now()), 'No tokens.');
    if (all.tokens.length === 0) return 0;
    output.note(
      output.errorColor.dim(
        `${all.tokens.length} tokens (${all.pages} page${all.pages === 1 ? '' : 's'}), ${describeOwner(owner)}`,
      ),
    );
    return 0;
  }

  const page = await tokens.list(query);
  const items = page.items ?? [];
  if (output.json) {
    output.printJson({
      vendor: 'losant',
      owner: ownerJson(owner),
      tokens: items.map(publicToken),
      count: page.count ?? items.length,
      totalCount: page.totalCount ?? items.length,
      page: page.page ?? options.page ?? 0,
      perPage: page.perPage ?? options.perPage ?? null,
    });
    return 0;
  }
  printTable(output, tokenTableHead, tokenRows(output, items, context.now()), 'No tokens.');
  const total = page.totalCount ?? items.length;
  const pageNumber = page.page ?? options.page ?? 0;
  const perPage = page.perPage ?? options.perPage ?? 100;
  const more = (pageNumber + 1) * perPage < total;
  if (total === 0) return 0;
  output.note(
    output.errorColor.dim(
      `${items.length} of ${total} tokens, page ${pageNumber}, ${describeOwner(owner)}` +
        (more ? ` (next: --page ${pageNumber + 1}, or --all)` : ''),
    ),
  );
  return 0;
}

/** `tokenkit losant tokens get`. */
export async function getToken(
  context: CommandContext,
  tokenId: string,
  options: CommonOptions,
): Promise<number> {
  const owner = resolveOwner(options);
  const tokens = ownerTokens(await losantClient(context, options), owner);
  const token = publicToken(await tokens.get(tokenId));
  if (context.output.json) {
    context.output.printJson({ vendor: 'losant', owner: ownerJson(owner), apiToken: token });
  } else {
    context.output.printLines(tokenDetails(context.output, token, context.now()));
  }
  return 0;
}

/** `tokenkit losant tokens create`: prints the new secret exactly once. */
export async function createToken(
  context: CommandContext,
  options: CreateOptions,
): Promise<number> {
  const owner = resolveOwner(options);
  if (!options.scope?.length) {
    throw usageError(
      'give the token at least one --scope',
      'e.g. --scope all.Application.read, or a narrow one such as --scope devices.get',
    );
  }
  // Scope names are checked by the client against the 500 Losant knows, before any request.
  const body: ApiTokenPostInput = {
    name: options.name,
    scope: options.scope as ApiTokenPostInput['scope'],
  };
  if (options.expires !== undefined)
    body.expirationDate = parseExpiry(options.expires, context.now()).toISOString();
  if (options.description !== undefined) body.description = options.description;
  if (options.status !== undefined) body.status = options.status;

  const tokens = ownerTokens(await losantClient(context, options), owner);
  const created = await tokens.create(body);
  const secret = created.token;
  const { output } = context;
  if (output.json) {
    output.printJsonWithSecret({
      token: secret ?? '',
      vendor: 'losant',
      owner: ownerJson(owner),
      apiToken: publicToken(created),
    });
    return 0;
  }
  output.print(
    `${output.color.green('✓')} Created token ${output.color.bold(`"${sanitize(created.name ?? options.name)}"`)} for ${describeOwner(owner)}`,
  );
  output.printLines(tokenDetails(output, publicToken(created), context.now()).slice(1));
  if (secret) output.printSecretOnce('Token', secret);
  else output.note(output.errorColor.yellow('warning: the server returned no token secret'));
  return 0;
}

/** `tokenkit losant tokens update`: name, description and status (scopes and expiry are fixed). */
export async function updateToken(
  context: CommandContext,
  tokenId: string,
  options: UpdateOptions,
): Promise<number> {
  const owner = resolveOwner(options);
  const patch: ApiTokenPatchInput = {};
  if (options.name !== undefined) patch.name = options.name;
  if (options.description !== undefined) patch.description = options.description;
  if (options.status !== undefined) patch.status = options.status;
  if (Object.keys(patch).length === 0) {
    throw usageError('nothing to update: give --name, --description or --status');
  }
  const tokens = ownerTokens(await losantClient(context, options), owner);
  const updated = publicToken(await tokens.patch(tokenId, patch));
  const { output } = context;
  if (output.json) {
    output.printJson({ vendor: 'losant', owner: ownerJson(owner), apiToken: updated });
    return 0;
  }
  output.print(
    `${output.color.green('✓')} Updated ${Object.keys(patch).join(', ')} of token ${sanitize(losantTokenId(updated) || tokenId)}`,
  );
  output.printLines(tokenDetails(output, updated, context.now()));
  return 0;
}

/** `tokenkit losant tokens delete`: asks first at a terminal, refuses in a script without --yes. */
export async function deleteToken(
  context: CommandContext,
  tokenId: string,
  options: DeleteOptions,
): Promise<number> {
  const owner = resolveOwner(options);
  const mode = destructiveMode(context, options.yes, 'delete a token');
  const tokens = ownerTokens(await losantClient(context, options), owner);
  if (mode === 'ask') {
    const token = await tokens.get(tokenId);
    const question = `Delete ${describeOwner(owner)} token "${sanitize(token.name ?? tokenId)}" (${tokenId})? This cannot be undone.`;
    if (!(await ask(context, question)))
      return cancelled(context.output, { vendor: 'losant', owner: ownerJson(owner), id: tokenId });
  }
  await tokens.remove(tokenId);
  if (context.output.json) {
    context.output.printJson({
      vendor: 'losant',
      owner: ownerJson(owner),
      id: tokenId,
      deleted: true,
    });
  } else {
    context.output.print(
      `${context.output.color.green('✓')} Deleted token ${tokenId} of ${describeOwner(owner)}`,
    );
  }
  return 0;
}
