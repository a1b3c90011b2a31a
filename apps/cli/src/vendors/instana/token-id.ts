import { idByName, type TokenRef } from '../token-ref.js';
import type { InstanaClient } from './client.js';

/** The internal id of the token a command names: its id, or the one token with that name. */
export async function instanaInternalIdOf(client: InstanaClient, token: TokenRef): Promise<string> {
  if ('id' in token) return token.id;
  // Instana lists every token at once and cannot filter: the name is matched here.
  return idByName(await client.apiTokens.getApiTokens(), token, {
    idOf: (found) => found.internalId,
    nameOf: (found) => found.name,
    where: 'the Instana tenant unit',
    listCommand: 'tokenkit instana tokens list',
  });
}
