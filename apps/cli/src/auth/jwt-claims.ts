/** What a JWT's payload says about itself; only the claims `auth status` shows. */
export interface TokenClaims {
  /** `sub`: whom the token stands for (for a Losant API token, its own id). */
  subject?: string;
  /** `exp`, as an ISO date-time. */
  expires?: string;
  /** `iat`, as an ISO date-time. */
  issued?: string;
}

function isoFromSeconds(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? new Date(value * 1000).toISOString()
    : undefined;
}

/**
 * The claims of a JWT, decoded without verifying its signature (only the server can; these are
 * for showing, never for trusting). `undefined` when `token` is not a JWT. The token itself is
 * never part of the result.
 */
export function tokenClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.');
  if (payload.length !== 3 || !payload[1]) return undefined;
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const result: TokenClaims = {};
  if (typeof claims.sub === 'string') result.subject = claims.sub;
  const expires = isoFromSeconds(claims.exp);
  if (expires) result.expires = expires;
  const issued = isoFromSeconds(claims.iat);
  if (issued) result.issued = issued;
  return result;
}
