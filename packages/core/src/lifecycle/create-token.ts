import type { RequestOptions } from '../request-types.js';
import type { CreatedToken, TokenStore } from './types.js';

/**
 * Creates exactly one token through the store: a lost answer is settled by the store (the
 * token it made is found by something the call chose and deleted or recovered), so a secret is
 * never left on a token nobody holds it for.
 *
 * @throws CreateOutcomeUnknownError when a lost answer could not be settled; its
 *   `candidateIds` are the tokens to check. Nothing was deleted.
 * @example
 * const { token, secret } = await createToken(store, { name: 'ci' });
 */
export function createToken<Token, Draft>(
  store: TokenStore<Token, Draft>,
  draft: Draft,
  options?: RequestOptions,
): Promise<CreatedToken<Token>> {
  return store.create(draft, options);
}
