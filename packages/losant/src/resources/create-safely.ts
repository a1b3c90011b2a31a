import {
  CreateOutcomeUnknownError,
  type HttpResponse,
  isAnswerLost,
  isTimeoutError,
  type RequestOptions,
} from '@tokenkit/core';
import type { ApiToken, CreatedApiToken } from '@tokenkit/schemas/losant';

/**
 * How far Losant's clock may be from ours when matching a token's `creationDate` to the
 * time of our create. Wider only makes an ambiguous match (an error, nothing deleted) likelier;
 * narrower could miss the token the lost create made.
 */
const CLOCK_SKEW_MS = 5 * 60_000;

type Params = Readonly<Record<string, unknown>>;

/** The three calls on one owner's tokens a safe create needs. */
export interface OwnerTokenCalls {
  /** The raw create (`…ApiTokens.post`), resolving with the response. */
  create(params: Params, options?: RequestOptions): Promise<HttpResponse<CreatedApiToken>>;
  /** The owner's tokens, newest first. */
  newest(owner: Params, options?: RequestOptions): AsyncIterable<ApiToken>;
  /** Deletes one of the owner's tokens. */
  remove(owner: Params, apiTokenId: string, options?: RequestOptions): Promise<unknown>;
}

/** What a safe create needs to know besides the create's own params. */
export interface SafeCreateContext {
  /** The owner-id and global params, as the list and delete take them. */
  readonly owner: Params;
  /** Ids of same-name tokens known to predate this call (a rotated token), never deleted. */
  readonly knownIds?: readonly string[];
  /** Appended to an outcome-unknown message, e.g. what became of a rotated token. */
  readonly context?: string;
}

/** The tokens of the owner that this call may have made: same name, created since it began. */
async function candidates(
  calls: OwnerTokenCalls,
  name: string,
  since: number,
  { owner, knownIds = [] }: SafeCreateContext,
  options: RequestOptions | undefined,
): Promise<ApiToken[]> {
  const found: ApiToken[] = [];
  for await (const token of calls.newest(owner, options)) {
    const created = Date.parse(token.creationDate ?? '');
    if (created < since - CLOCK_SKEW_MS) break;
    if (token.name === name && !knownIds.includes(token.id ?? '')) found.push(token);
  }
  return found;
}

/**
 * Settles a create whose answer was lost: deletes the one token it made, so that no token
 * whose secret nobody holds stays behind, or throws when that cannot be done safely.
 * @throws CreateOutcomeUnknownError when the match is ambiguous, or the check or the delete failed.
 */
async function removeLostToken(
  calls: OwnerTokenCalls,
  params: Params,
  since: number,
  ctx: SafeCreateContext,
  lost: unknown,
  options: RequestOptions | undefined,
): Promise<void> {
  const name = (params.apiToken as { name: string }).name;
  const tail = ctx.context ? `; ${ctx.context}` : '';
  let found: ApiToken[];
  try {
    found = await candidates(calls, name, since, ctx, options);
  } catch (error) {
    throw new CreateOutcomeUnknownError(
      `The answer to creating token '${name}' was lost, and listing the tokens to check whether it was created failed: it may exist without anyone holding its secret${tail}`,
      { candidateIds: [], cause: error },
    );
  }
  const ids = found.map((token) => token.id ?? '');
  if (ids.length > 1) {
    throw new CreateOutcomeUnknownError(
      `The answer to creating token '${name}' was lost, and ${ids.length} tokens of that name were created since (${ids.join(', ')}): none was deleted; delete the one nobody holds the secret of${tail}`,
      { candidateIds: ids, cause: lost },
    );
  }
  const [id] = ids;
  if (id === undefined && isTimeoutError(lost)) {
    // A timed-out create may still be on its way through the server: creating again now
    // could leave two tokens, one of them with a secret nobody holds.
    throw new CreateOutcomeUnknownError(
      `Creating token '${name}' timed out and no such token exists yet, but the request may still be processed: check for a token named '${name}' before creating it again${tail}`,
      { candidateIds: [], cause: lost },
    );
  }
  if (id === undefined) return;
  await calls.remove(ctx.owner, id, options).catch((error: unknown) => {
    throw new CreateOutcomeUnknownError(
      `The answer to creating token '${name}' was lost; the token it made (${id}) has a secret nobody holds, and deleting it failed: delete it${tail}`,
      { candidateIds: [id], cause: error },
    );
  });
}

/**
 * Creates a token so that its secret is never lost: when the answer is lost (see
 * `isAnswerLost`), the token that create made, if any, is found and deleted, and the create is
 * sent once more. When that answer is lost too, its token is deleted the same way and the
 * error is thrown: nothing was created. A timed-out create with no token to show for it yet is
 * not sent again (it may still land): that is a `CreateOutcomeUnknownError`.
 */
export async function createSafely(
  calls: OwnerTokenCalls,
  params: Params,
  ctx: SafeCreateContext,
  options?: RequestOptions,
): Promise<HttpResponse<CreatedApiToken>> {
  const since = Date.now();
  try {
    return await calls.create(params, options);
  } catch (error) {
    if (!isAnswerLost(error)) throw error;
    await removeLostToken(calls, params, since, ctx, error, options);
  }
  const retriedAt = Date.now();
  try {
    return await calls.create(params, options);
  } catch (error) {
    if (!isAnswerLost(error)) throw error;
    await removeLostToken(calls, params, retriedAt, ctx, error, options);
    throw error;
  }
}
