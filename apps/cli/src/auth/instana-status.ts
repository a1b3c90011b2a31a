import type { ApiToken } from '@tokenkit/instana';
import type { CommandContext } from '../cli/context.js';
import { instanaCredentials } from '../credentials.js';
import { connectInstana } from '../vendors/instana/client.js';
import type { IdentityJson } from './identity.js';
import { overall, type Probe, probe, type Verdict } from './verdict.js';

/** What `auth status` found out about the Instana credential. */
export interface InstanaCheck {
  baseUrl: string;
  verdict: Verdict;
  identity: IdentityJson | undefined;
  access: Probe[];
}

/**
 * The credential's own record among the listed tokens. Instana's list may mask each secret to
 * its last four characters (`****abcd`, as its API examples show masked values): a masked value
 * counts only when exactly one record's mask fits, so a guess never names the wrong token.
 */
function ownRecord(tokens: readonly ApiToken[], secret: string): ApiToken | undefined {
  const exact = tokens.find((token) => token.accessGrantingToken === secret);
  if (exact) return exact;
  const masked = tokens.filter(
    (token) =>
      /^\*+.{4}$/.test(token.accessGrantingToken) &&
      secret.length > 4 &&
      token.accessGrantingToken.endsWith(secret.slice(-4)),
  );
  return masked.length === 1 ? masked[0] : undefined;
}

/**
 * Checks the Instana credential by listing the API tokens (a read that needs
 * canConfigureApiTokens, the permission every token action needs), and finds its own record
 * there for its name and expiry when the list shows it.
 */
export async function checkInstana(context: CommandContext): Promise<InstanaCheck> {
  const credentials = instanaCredentials(context.env);
  context.output.addSecret(credentials.apiToken);
  const { client } = await connectInstana(credentials, context);
  let tokens: ApiToken[] = [];
  const all = ['list', 'get', 'create', 'update', 'delete'];
  const access = [
    await probe(
      'API tokens',
      all,
      async () => {
        tokens = await client.apiTokens.getApiTokens();
      },
      'instana',
    ),
  ];
  const record = ownRecord(tokens, credentials.apiToken);
  const identity: IdentityJson | undefined = record && {
    source: 'token record',
    name: record.name,
    id: record.internalId,
    expires: typeof record.expiresOn === 'number' ? new Date(record.expiresOn).toISOString() : null,
  };
  return { baseUrl: credentials.baseUrl, verdict: overall(access), identity, access };
}
