import type { RequestOptions } from '@tokenkit/core';
import type { ApiToken } from '@tokenkit/schemas/losant';
import type { OwnerTokenCalls } from './owner-calls.js';

/**
 * How far Losant's clock may be from ours when looking for the token a lost create made. Only
 * bounds how far back the listing goes: tokens are told apart by name or marker, never by time.
 */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The owner's tokens created since `since` (ms), newest first, that `matches` accepts. */
export async function createdSince(
  calls: OwnerTokenCalls,
  since: number,
  matches: (token: ApiToken) => boolean,
  options: RequestOptions | undefined,
): Promise<ApiToken[]> {
  const found: ApiToken[] = [];
  for await (const token of calls.newest(options)) {
    if (Date.parse(token.creationDate ?? '') < since - CLOCK_SKEW_MS) break;
    if (matches(token)) found.push(token);
  }
  return found;
}
