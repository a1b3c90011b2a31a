import type { ApiToken, ListParams } from '@tokenkit/losant';
import type { OwnerTokens } from './owner-tokens.js';

/** Every token of an owner (or the first `limit`), how many pages that took, and the total. */
export interface AllTokens {
  tokens: ApiToken[];
  pages: number;
  /** What the server says the owner holds, when it says. */
  totalCount: number | undefined;
}

/**
 * Walks the pages through the client's `iterate`, page by page so progress can say
 * "200 of 250", stopping once `limit` tokens are in.
 */
export async function fetchAllTokens(
  tokens: OwnerTokens,
  query: ListParams,
  onProgress: (fetched: number, total: number | undefined) => void = () => {},
  limit = Number.POSITIVE_INFINITY,
): Promise<AllTokens> {
  const all: ApiToken[] = [];
  let pages = 0;
  let totalCount: number | undefined;
  for await (const page of tokens.iterate(query).pages()) {
    pages++;
    all.push(...(page.items ?? []));
    totalCount = page.totalCount;
    onProgress(Math.min(all.length, limit), totalCount);
    if (all.length >= limit) break;
  }
  return { tokens: all.slice(0, limit), pages, totalCount };
}
