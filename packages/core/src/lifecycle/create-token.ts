import { AbortError, TokenDeliveryError } from '../errors.js';
import type { RequestOptions } from '../request-types.js';
import { replacementAfter } from './outcomes.js';
import { removal, unlessAborted } from './steps.js';
import type { CreatedToken, Deliver, TokenStore } from './types.js';

/** How `createToken` sends its requests, and where the new secret goes. */
export interface CreateTokenOptions<Token> extends RequestOptions {
  /**
   * Hands the new secret to where it is used before `createToken` resolves. A throw, or an abort
   * of `signal` before it settles, deletes the new token, so none is left whose secret nobody
   * holds.
   * @default undefined (the caller takes the secret from the result)
   */
  deliver?: Deliver<Token> | undefined;
}

/** What is left once a delivery failed, in words, by what the deletion did. */
const leftAfter = {
  deleted: (id: string) => `the new token ${id} was deleted, nothing changed`,
  unknown: (id: string) =>
    `deleting the new token ${id} lost its answer: check whether it still exists and delete it`,
  kept: (id: string) => `deleting the new token ${id} failed too: delete it`,
} as const;

async function deliverOrDelete<Token>(
  store: TokenStore<Token, unknown>,
  created: CreatedToken<Token>,
  deliver: Deliver<Token>,
  { signal, ...requestOptions }: RequestOptions,
): Promise<void> {
  try {
    await unlessAborted(
      () => deliver(created.secret, created.token),
      signal,
      () => new AbortError('The create was aborted before delivery completed'),
    );
  } catch (cause) {
    const id = store.idOf(created.token);
    // The caller's signal has fired or may fire: the deletion must still be sent.
    const token = replacementAfter(await removal(store, id, requestOptions));
    throw new TokenDeliveryError(
      `Creating ${store.label}: delivery failed; ${leftAfter[token](id)}`,
      { tokenId: id, token, cause },
    );
  }
}

/**
 * Creates exactly one token through the store: a lost answer is settled by the store (the
 * token it made is found by something the call chose and deleted or recovered), so a secret is
 * never left on a token nobody holds it for. With `deliver`, the secret is handed over before
 * this resolves, and a token whose secret could not be delivered is deleted.
 *
 * @throws CreateOutcomeUnknownError when a lost answer could not be settled; its
 *   `candidateIds` are the tokens to check. Nothing was deleted.
 * @throws TokenDeliveryError when `deliver` failed; `token` says whether the new token is gone.
 * @example
 * const { token, secret } = await createToken(store, { name: 'ci' });
 * await createToken(store, { name: 'ci' }, { deliver: (secret) => vault.write('ci', secret) });
 */
export async function createToken<Token, Draft>(
  store: TokenStore<Token, Draft>,
  draft: Draft,
  options?: CreateTokenOptions<Token>,
): Promise<CreatedToken<Token>> {
  const { deliver, ...requestOptions } = options ?? {};
  const created = await store.create(draft, options === undefined ? undefined : requestOptions);
  if (deliver !== undefined) await deliverOrDelete(store, created, deliver, requestOptions);
  return created;
}
