import type { ApiToken, ListParams } from '@tokenkit/losant';
import type { OwnerTokens } from './owner-tokens.js';

/** Every token of an owner, and how many pages that took. */
export interface AllTokens {
  tokens: ApiToken[];
  pages: number;
}

/**
 * Walks every page through the client's `iterate`, page by page so progress can say
 * "200 of 250".
 */
export async function fetchAllTokens(
  tokens: OwnerTokens,
  query: ListParams,
  onProgress: (fetched: number, total: number | undefined) => void = () => {},
): Promise<AllTokens> {
  const all: ApiToken[] = [];
  let pages = 0;
  for await (const page of tokens.iterate(query).pages()) {
    pages++;
    all.push(...(page.items ?? []));
    onProgress(all.length, page.totalCount);
  }
  return { tokens: all, pages };
}
