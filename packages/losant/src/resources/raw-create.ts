import {
  CreateOutcomeUnknownError,
  isCreateAnswerLost,
  isTimeoutError,
  isTokenkitError,
  type RequestOptions,
} from '@tokenkit/core';
import { createdSince } from './created-since.js';
import { type Action, asAction } from './define-action.js';
import type { Endpoint } from './endpoint.js';
import type { OwnerTokenCalls } from './owner-calls.js';

type Params = Readonly<Record<string, unknown>>;

/** Says which tokens to check after a lost create answer; deletes nothing. */
async function outcomeUnknown(
  calls: OwnerTokenCalls,
  name: string,
  since: number,
  lost: unknown,
  options: RequestOptions | undefined,
): Promise<CreateOutcomeUnknownError> {
  // A tokenkit error's message is scrubbed and safe to repeat (the status, the server's words).
  const why = isTokenkitError(lost) ? ` (${lost.message})` : '';
  const head = `The answer to creating token '${name}' was lost${why}, so it may exist without anyone holding its secret; nothing was deleted`;
  let ids: string[];
  try {
    const found = await createdSince(calls, since, (token) => token.name === name, options);
    ids = found.map((token) => token.id ?? '');
  } catch {
    return new CreateOutcomeUnknownError(
      `${head}, and listing the tokens to check failed: look for tokens named '${name}' created just now`,
      { candidateIds: [], cause: lost },
    );
  }
  const check =
    ids.length > 0
      ? `tokens named '${name}' created since: ${ids.join(', ')}; delete the one whose secret nobody holds`
      : isTimeoutError(lost)
        ? `no token named '${name}' exists yet, but the request may still be processed: check again before creating it`
        : `no token named '${name}' was created since`;
  return new CreateOutcomeUnknownError(`${head}; ${check}`, { candidateIds: ids, cause: lost });
}

/**
 * The raw create action: the same call and wire as `losant-rest` (no marker, nothing resent).
 * When its answer is lost (see `isCreateAnswerLost`) it deletes nothing: it throws a
 * `CreateOutcomeUnknownError` whose `candidateIds` are the tokens of that name created since.
 */
export function defineRawCreate<E extends Endpoint>(
  raw: Action<E>,
  callsFor: (params: unknown) => OwnerTokenCalls,
): Action<E> {
  const withResponse = async (params: Params = {}, options?: RequestOptions) => {
    const since = Date.now();
    try {
      return await raw.withResponse(params as never, options);
    } catch (error) {
      if (!isCreateAnswerLost(error)) throw error;
      const name = String((params.apiToken as { name?: unknown }).name);
      throw await outcomeUnknown(callsFor(params), name, since, error, options);
    }
  };
  return asAction<E>(withResponse, { name: raw.action, scopes: raw.scopes, docs: raw.docs });
}
