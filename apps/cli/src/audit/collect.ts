import type { InstanaClient } from '../instana/client.js';
import type { LosantClient } from '../losant/client.js';
import { fetchAllTokens } from '../losant/fetch-all.js';
import { ownerTokens } from '../losant/owner-tokens.js';
import type { LosantOwner } from '../losant/types.js';
import { auditInstanaToken, auditLosantToken } from './normalize.js';
import type { AuditToken, TokenOwner } from './types.js';

/** What one owner contributed to the audit, or why it could not. */
export interface SourceResult {
  owner: TokenOwner;
  tokens: AuditToken[];
  error?: unknown;
}

async function losantSource(client: LosantClient, owner: LosantOwner): Promise<SourceResult> {
  const tokenOwner: TokenOwner = { vendor: 'losant', ...owner };
  try {
    const { tokens } = await fetchAllTokens(ownerTokens(client, owner), { perPage: 100 });
    return { owner: tokenOwner, tokens: tokens.map((token) => auditLosantToken(owner, token)) };
  } catch (error) {
    return { owner: tokenOwner, tokens: [], error };
  }
}

async function instanaSource(client: InstanaClient): Promise<SourceResult> {
  const owner: TokenOwner = { vendor: 'instana', kind: 'tenant' };
  try {
    const tokens = await client.apiTokens.getApiTokens();
    return { owner, tokens: tokens.map(auditInstanaToken) };
  } catch (error) {
    return { owner, tokens: [], error };
  }
}

/**
 * Fetches every owner's tokens at once. One failing owner (a 403 on an instance, say) does not
 * hide the others: its error is kept and reported beside the findings.
 */
export async function collectTokens(sources: {
  losant?: { client: LosantClient; owners: LosantOwner[] };
  instana?: { client: InstanaClient };
}): Promise<SourceResult[]> {
  const jobs: Promise<SourceResult>[] = [];
  const { losant, instana } = sources;
  if (losant) for (const owner of losant.owners) jobs.push(losantSource(losant.client, owner));
  if (instana) jobs.push(instanaSource(instana.client));
  return Promise.all(jobs);
}
