import type { LiveInstanaToken, LiveLosantToken } from './types.js';

/** Whether a live token is the one tokenkit authenticates with. */
export type Authenticating = 'yes' | 'no' | 'unknown';

/** The `sub` claim of a JWT (Losant's API tokens are JWTs naming their token id), if any. */
function jwtSubject(credential: string): string | undefined {
  const payload = credential.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const subject = (claims as { sub?: unknown }).sub;
    return typeof subject === 'string' ? subject : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `token` is the Losant token `credential` is: a Losant API token is a JWT whose
 * subject is the token's id. A credential that is not such a JWT cannot be told apart.
 */
export function losantAuthenticating(
  token: LiveLosantToken,
  credential: string | undefined,
): Authenticating {
  if (credential === undefined) return 'unknown';
  const subject = jwtSubject(credential);
  if (subject === undefined) return 'unknown';
  return subject === token.id ? 'yes' : 'no';
}

/**
 * Whether `token` is the Instana token `credential` is. Instana's list masks the secret: a mask
 * that keeps the last characters is taken as this token when they match (so it is never
 * deleted), and as another token when they differ; a mask that keeps none cannot tell.
 */
export function instanaAuthenticating(
  token: LiveInstanaToken,
  credential: string | undefined,
): Authenticating {
  if (credential === undefined) return 'unknown';
  const shown = token.shownSecret;
  if (shown === credential) return 'yes';
  const kept = shown.replace(/^\*+/, '');
  if (kept === shown) return 'no';
  if (kept === '') return 'unknown';
  return credential.endsWith(kept) ? 'yes' : 'no';
}
