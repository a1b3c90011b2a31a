import { idByName, type TokenRef } from '../token-ref.js';
import { fetchAllTokens } from './fetch-all.js';
import { describeOwner, ownerFlag } from './owner.js';
import type { OwnerTokens } from './owner-tokens.js';
import { type LosantOwner, losantTokenId } from './types.js';

/** The id of the token a command names: its id, or the one token of `owner` with that name. */
export async function losantTokenIdOf(
  tokens: OwnerTokens,
  owner: LosantOwner,
  token: TokenRef,
): Promise<string> {
  if ('id' in token) return token.id;
  // Losant filters by a glob on the server; the exact name is then matched here.
  const all = await fetchAllTokens(tokens, { filterField: 'name', filter: token.name });
  return idByName(all.tokens, token, {
    idOf: losantTokenId,
    nameOf: (found) => found.name,
    where: describeOwner(owner),
    listCommand: `tokenkit losant tokens list ${ownerFlag(owner)}`,
  });
}
