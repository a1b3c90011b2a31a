import type { ApiToken, CreatedApiToken } from '@tokenkit/losant';
import { auditWarnings } from '../../audit/warnings.js';
import { type Action, perform } from '../../cli/action.js';
import { ask, destructiveMode } from '../../cli/confirm.js';
import type { CommandContext } from '../../cli/context.js';
import { ExitCode } from '../../exit-codes.js';
import { checkJsonFields, pickFields } from '../../output/json-fields.js';
import type { PickedFields } from '../../output/json-shapes.js';
import { createProgress } from '../../output/progress.js';
import { sanitize } from '../../output/sanitize.js';
import { printTable } from '../../output/table.js';
import { losantClient } from '../../vendors/losant/client.js';
import { fetchAllTokens } from '../../vendors/losant/fetch-all.js';
import { describeOwner, ownerJson } from '../../vendors/losant/owner.js';
import { createOwnerToken, ownerTokens } from '../../vendors/losant/owner-tokens.js';
import { losantTokenIdOf } from '../../vendors/losant/token-id.js';
import { type LosantOwner, losantTokenId, publicToken } from '../../vendors/losant/types.js';
import type {
  DeletedJson,
  LosantCreatedJson,
  LosantListJson,
  LosantTokenResultJson,
} from '../json-shapes.js';
import {
  type CreateInput,
  type CreateOptions,
  createInput,
  type DeleteInput,
  type DeleteOptions,
  deleteInput,
  type GetInput,
  type GetOptions,
  getInput,
  type ListInput,
  type ListOptions,
  listInput,
  type TokenInput,
  type UpdateInput,
  type UpdateOptions,
  updateInput,
} from './inputs.js';
import { tokenDetails, tokenRows, tokenTableHead } from './render.js';

/** The fields `--json a,b` may name: those of the API's token, the secret aside. */
async function tokenFields(): Promise<string[]> {
  const { apiToken } = await import('@tokenkit/schemas/losant');
  return Object.keys(apiToken.shape).filter((field) => field !== 'token');
}

async function tokensOf(context: CommandContext, input: TokenInput) {
  return ownerTokens(await losantClient(context, input), input.owner);
}

/** What `list` found: the tokens, and where they sit among the owner's. */
export interface ListResult {
  input: ListInput;
  tokens: ApiToken[];
  totalCount: number;
  /** The page shown; `null` when several were walked (`--all`, `--limit`). */
  page: number | null;
  perPage: number;
  pages: number;
}

async function runList(context: CommandContext, input: ListInput): Promise<ListResult> {
  if (input.fields) checkJsonFields(input.fields, await tokenFields());
  const tokens = await tokensOf(context, input);
  const perPage = Number(input.query.perPage ?? 100);
  if (input.all || input.limit !== undefined) {
    const progress = createProgress(context.output);
    const all = await fetchAllTokens(
      tokens,
      input.query,
      (fetched, total) =>
        progress.update(`Fetching tokens… ${fetched}${total === undefined ? '' : ` of ${total}`}`),
      input.limit,
    );
    progress.done();
    const totalCount = all.totalCount ?? all.tokens.length;
    return { input, tokens: all.tokens, totalCount, page: null, perPage, pages: all.pages };
  }
  const page = await tokens.list(input.query);
  const items = page.items ?? [];
  return {
    input,
    tokens: items,
    totalCount: page.totalCount ?? items.length,
    page: Number(page.page ?? input.query.page ?? 0),
    perPage: Number(page.perPage ?? perPage),
    pages: 1,
  };
}

function listSummary(result: ListResult): string {
  const { tokens, totalCount, page, perPage, pages } = result;
  const owner = describeOwner(result.input.owner);
  if (page === null) {
    return `${tokens.length} of ${totalCount} tokens (${pages} page${pages === 1 ? '' : 's'}), ${owner}`;
  }
  const more = (page + 1) * perPage < totalCount;
  return (
    `${tokens.length} of ${totalCount} tokens, page ${page}, ${owner}` +
    (more ? ` (next: --page ${page + 1}, or --all)` : '')
  );
}

/** What an empty page says: "No tokens.", or that the page lies past the last one. */
function emptyNote({ page, perPage, totalCount }: ListResult): string {
  if (page === null || totalCount === 0) return 'No tokens.';
  const pages = Math.ceil(totalCount / perPage);
  return `Page ${page} is past the end: ${totalCount} token${totalCount === 1 ? '' : 's'} fill ${pages} page${pages === 1 ? '' : 's'} of ${perPage} (--page 0 to ${pages - 1}), or --all`;
}

/** `tokenkit losant tokens list`. */
export const list: Action<ListInput, ListResult, LosantListJson | PickedFields[]> = {
  run: runList,
  renderHuman(output, result, now) {
    printTable(output, tokenTableHead, tokenRows(output, result.tokens, now), emptyNote(result));
    if (result.tokens.length > 0) output.noteSummary(listSummary(result));
  },
  toJson(result) {
    const tokens = result.tokens.map(publicToken);
    const { fields } = result.input;
    if (fields) return tokens.map((token) => pickFields(token, fields));
    return {
      vendor: 'losant',
      owner: ownerJson(result.input.owner),
      tokens,
      count: tokens.length,
      totalCount: result.page === null ? tokens.length : result.totalCount,
      page: result.page,
      perPage: result.perPage,
    };
  },
};

/** What `get` and `update` show: one token of one owner. */
export interface TokenResult {
  owner: LosantOwner;
  token: ApiToken;
  fields?: string[] | undefined;
}

function tokenJson(result: TokenResult): LosantTokenResultJson | PickedFields {
  const token = publicToken(result.token);
  if (result.fields) return pickFields(token, result.fields);
  return { vendor: 'losant', owner: ownerJson(result.owner), apiToken: token };
}

/** `tokenkit losant tokens get`. */
export const get: Action<GetInput, TokenResult, LosantTokenResultJson | PickedFields> = {
  async run(context, input) {
    if (input.fields) checkJsonFields(input.fields, await tokenFields());
    const tokens = await tokensOf(context, input);
    const token = await tokens.get(await losantTokenIdOf(tokens, input.owner, input.token));
    return { owner: input.owner, token, fields: input.fields };
  },
  renderHuman: (output, result, now) =>
    output.printLines(tokenDetails(output, publicToken(result.token), now)),
  toJson: tokenJson,
};

/** What `create` made, with what the audit would say about it. */
export interface CreateResult {
  owner: LosantOwner;
  created: CreatedApiToken;
  warnings: string[];
}

/** `tokenkit losant tokens create`: prints the new secret exactly once. */
export const create: Action<CreateInput, CreateResult, LosantCreatedJson> = {
  async run(context, input, show) {
    const client = await losantClient(context, input);
    // Assigned by the delivery, which createOwnerToken awaits before it resolves.
    let result!: CreateResult;
    await createOwnerToken(client, input.owner, input.body, async (created) => {
      const warnings = await auditWarnings({ losant: input.owner, token: created }, context.now());
      result = { owner: input.owner, created, warnings };
      await show(result);
    });
    return result;
  },
  renderHuman(output, { owner, created, warnings }, now) {
    output.print(
      `${output.color.green('✓')} Created token ${output.color.bold(`"${sanitize(created.name ?? '')}"`)} for ${describeOwner(owner)}`,
    );
    output.printLines(tokenDetails(output, publicToken(created), now).slice(1));
    if (created.token) output.printSecretOnce('Token', created.token);
    else output.note(output.errorColor.yellow('warning: the server returned no token secret'));
    for (const warning of warnings) output.note(output.errorColor.yellow(sanitize(warning)));
  },
  toJson: ({ owner, created }) => ({
    token: created.token ?? '',
    vendor: 'losant',
    owner: ownerJson(owner),
    apiToken: publicToken(created),
  }),
  jsonHoldsSecret: true,
  jsonNotes: (result) => result.warnings,
};

/** What `update` changed. */
export interface UpdateResult extends TokenResult {
  changed: string[];
}

/** `tokenkit losant tokens update`: name, description and status (scopes and expiry are fixed). */
export const update: Action<UpdateInput, UpdateResult, LosantTokenResultJson | PickedFields> = {
  async run(context, input) {
    const tokens = await tokensOf(context, input);
    const tokenId = await losantTokenIdOf(tokens, input.owner, input.token);
    const token = await tokens.patch(tokenId, input.patch);
    return { owner: input.owner, token, changed: Object.keys(input.patch) };
  },
  renderHuman(output, { token, changed }, now) {
    output.print(
      `${output.color.green('✓')} Updated ${changed.join(', ')} of token ${sanitize(losantTokenId(token))}`,
    );
    output.printLines(tokenDetails(output, publicToken(token), now));
  },
  toJson: tokenJson,
};

/** Whether `delete` deleted, or was told no at the question. */
export interface DeleteResult {
  owner: LosantOwner;
  tokenId: string;
  deleted: boolean;
}

/** `tokenkit losant tokens delete`: asks first at a terminal, refuses in a script without --yes. */
export const remove: Action<DeleteInput, DeleteResult, DeletedJson> = {
  async run(context, input) {
    const { owner } = input;
    const mode = destructiveMode(context, input.yes, 'delete a token');
    const tokens = await tokensOf(context, input);
    const tokenId = await losantTokenIdOf(tokens, input.owner, input.token);
    if (mode === 'ask') {
      const token = await tokens.get(tokenId);
      const question = `Delete ${describeOwner(owner)} token "${sanitize(token.name ?? tokenId)}" (${tokenId})? This cannot be undone.`;
      if (!(await ask(context, question))) return { owner, tokenId, deleted: false };
    }
    await tokens.remove(tokenId);
    return { owner, tokenId, deleted: true };
  },
  renderHuman(output, { owner, tokenId, deleted }) {
    if (!deleted) output.note('Cancelled: nothing was deleted.');
    else
      output.print(
        `${output.color.green('✓')} Deleted token ${tokenId} of ${describeOwner(owner)}`,
      );
  },
  toJson({ owner, tokenId, deleted }) {
    const json: DeletedJson = { vendor: 'losant', owner: ownerJson(owner), id: tokenId, deleted };
    return deleted ? json : { ...json, cancelled: true };
  },
  jsonNotes: ({ deleted }) => (deleted ? [] : ['Cancelled: nothing was deleted.']),
  exitCode: (result) => (result.deleted ? ExitCode.ok : ExitCode.cancelled),
};

export const listTokens = (context: CommandContext, options: ListOptions) =>
  perform(context, list, listInput(options));
export const getToken = (
  context: CommandContext,
  tokenId: string | undefined,
  options: GetOptions,
) => perform(context, get, getInput(tokenId, options));
export const createToken = (context: CommandContext, options: CreateOptions) =>
  perform(context, create, createInput(options, context.now()));
export const updateToken = (
  context: CommandContext,
  tokenId: string | undefined,
  options: UpdateOptions,
) => perform(context, update, updateInput(tokenId, options));
export const deleteToken = (
  context: CommandContext,
  tokenId: string | undefined,
  options: DeleteOptions,
) => perform(context, remove, deleteInput(tokenId, options));
