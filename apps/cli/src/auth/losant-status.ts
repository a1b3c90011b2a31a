import type { CommandContext } from '../cli/context.js';
import { idList, losantCredentials } from '../credentials.js';
import { connectLosant, type LosantClient } from '../vendors/losant/client.js';
import { describeOwner } from '../vendors/losant/owner.js';
import { ownerTokens } from '../vendors/losant/owner-tokens.js';
import type { LosantOwner } from '../vendors/losant/types.js';
import type { IdentityJson } from './identity.js';
import { tokenClaims } from './jwt-claims.js';
import { overall, type Probe, probe, type Verdict } from './verdict.js';

/** What `auth status` found out about the Losant credential. */
export interface LosantCheck {
  baseUrl: string;
  verdict: Verdict;
  identity: IdentityJson | undefined;
  access: Probe[];
}

const objectId = /^[a-f\d]{24}$/i;

/**
 * The token's own record: a Losant API token is a JWT whose subject is its id, so each owner it
 * may read is asked for that id (the first that has it answers). A user's own credential has
 * no token record; then the claims alone say what they can.
 */
async function identify(
  client: LosantClient,
  token: string,
  readable: readonly LosantOwner[],
): Promise<IdentityJson | undefined> {
  const claims = tokenClaims(token);
  if (!claims) return undefined;
  const fromClaims: IdentityJson = {
    source: 'token claims',
    ...(claims.subject ? { id: claims.subject } : {}),
    ...(claims.expires ? { expires: claims.expires } : {}),
  };
  if (!claims.subject || !objectId.test(claims.subject)) return fromClaims;
  for (const owner of readable) {
    try {
      const record = await ownerTokens(client, owner).get(claims.subject);
      return {
        source: 'token record',
        ...(record.name === undefined ? {} : { name: record.name }),
        id: claims.subject,
        owner: describeOwner(owner),
        expires: record.expirationDate ?? null,
      };
    } catch {
      // Not this owner's token (404), or not readable: try the next.
    }
  }
  return fromClaims;
}

/**
 * Checks the Losant credential by reading (never changing) one page of tokens of each owner it
 * may be meant for: the user, and `LOSANT_APPLICATION_ID` / `LOSANT_INSTANCE_ID` when set.
 */
export async function checkLosant(context: CommandContext): Promise<LosantCheck> {
  const credentials = losantCredentials(context.env);
  context.output.addSecret(credentials.accessToken);
  const { DEFAULT_URL } = await import('@tokenkit/losant');
  const client = await connectLosant(credentials, context);
  const owners: LosantOwner[] = [
    { kind: 'user' },
    ...idList(context.env.LOSANT_APPLICATION_ID).map((id) => ({
      kind: 'application' as const,
      id,
    })),
    ...idList(context.env.LOSANT_INSTANCE_ID).map((id) => ({ kind: 'instance' as const, id })),
  ];
  const access = await Promise.all(
    owners.map((owner) =>
      probe(
        describeOwner(owner),
        ['list', 'get'],
        () => ownerTokens(client, owner).list({ perPage: 1 }),
        'losant',
      ),
    ),
  );
  const verdict = overall(access);
  const readable = owners.filter((_, index) => access[index]?.verdict === 'valid');
  const identity =
    verdict === 'invalid' || verdict === 'unreachable'
      ? undefined
      : await identify(client, credentials.accessToken, readable);
  return { baseUrl: credentials.url ?? DEFAULT_URL, verdict, identity, access };
}
