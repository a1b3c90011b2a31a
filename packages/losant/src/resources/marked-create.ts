import type { CreatedToken, RequestOptions } from '@tokenkit/core';
import {
  CreateOutcomeUnknownError,
  isCreateAnswerLost,
  isNotFoundError,
  isTimeoutError,
} from '@tokenkit/core/errors';
import type { ApiToken, ApiTokenPostInput, CreatedApiToken } from '@tokenkit/schemas/losant';
import { createdSince } from './created-since.js';
import type { OwnerTokenCalls } from './owner-calls.js';

/**
 * A one-time marker for one create request. It goes in the token's `description` (the one
 * field a create takes and a PATCH restores), so the token a lost create made is known by it
 * alone, never by name and time.
 */
export function newMarker(): string {
  return `tokenkit-create:${globalThis.crypto.randomUUID()}`;
}

/** Deletes the one token carrying `marker`, if any; throws when that is not beyond doubt. */
async function settleLost(
  calls: OwnerTokenCalls,
  marker: string,
  since: number,
  lost: unknown,
  options: RequestOptions | undefined,
): Promise<void> {
  const head = `The answer to a create was lost; the token it made carries the description '${marker}'`;
  let ids: string[];
  try {
    const found = await createdSince(
      calls,
      since,
      (token) => token.description === marker,
      options,
    );
    ids = found.map((token) => token.id ?? '');
  } catch {
    throw new CreateOutcomeUnknownError(
      `${head}, and listing the tokens to find it failed: look for that description and delete the token`,
      { candidateIds: [], cause: lost },
    );
  }
  if (ids.length > 1) {
    throw new CreateOutcomeUnknownError(
      `${head}, and ${ids.length} tokens do (${ids.join(', ')}): nothing was deleted; check them`,
      { candidateIds: ids, cause: lost },
    );
  }
  const [id] = ids;
  if (id === undefined && isTimeoutError(lost)) {
    throw new CreateOutcomeUnknownError(
      `${head}: none exists yet, but the request may still be processed: look for that description before creating it again`,
      { candidateIds: [], cause: lost },
    );
  }
  if (id === undefined) return;
  await calls.remove(id, options).catch((error: unknown) => {
    if (isNotFoundError(error)) return;
    throw new CreateOutcomeUnknownError(
      `${head} (${id}), nobody holds its secret, and deleting it failed: delete it`,
      { candidateIds: [id], cause: error },
    );
  });
}

/** Puts the draft's description back in place of the marker; undoes the create when it cannot. */
async function restore(
  calls: OwnerTokenCalls,
  created: CreatedApiToken,
  draft: ApiTokenPostInput,
  options: RequestOptions | undefined,
): Promise<CreatedToken<ApiToken>> {
  const id = created.id ?? '';
  try {
    const token = await calls.patch(id, { description: draft.description ?? '' }, options);
    return { token, secret: created.token };
  } catch (error) {
    await calls.remove(id, options).catch((removal: unknown) => {
      throw new CreateOutcomeUnknownError(
        `Token ${id} was created, but restoring its description failed and deleting it failed too: delete it`,
        { candidateIds: [id], cause: removal },
      );
    });
    throw error;
  }
}

/**
 * Creates exactly one token, marked: the request carries a one-time marker as its description
 * (restored with a PATCH once the create succeeded). When the answer is lost (see
 * `isCreateAnswerLost`), the token carrying the marker, if any, is deleted (nobody holds its
 * secret) and the create is sent once more with a new marker; a second lost answer is settled
 * the same way and thrown. A timed-out create with no token yet is not sent again.
 * @throws CreateOutcomeUnknownError when the lost create cannot be settled beyond doubt.
 */
export async function createMarked(
  calls: OwnerTokenCalls,
  draft: ApiTokenPostInput,
  options?: RequestOptions,
): Promise<CreatedToken<ApiToken>> {
  for (let attempt = 1; ; attempt++) {
    const marker = newMarker();
    const since = Date.now();
    let created: CreatedApiToken;
    try {
      created = (await calls.post({ ...draft, description: marker }, options)).data;
    } catch (error) {
      if (!isCreateAnswerLost(error)) throw error;
      await settleLost(calls, marker, since, error, options);
      if (attempt === 2) throw error;
      continue;
    }
    return restore(calls, created, draft, options);
  }
}
