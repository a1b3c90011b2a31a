import type { Reply } from '../reply.js';
import { unauthorized } from './errors.js';
import type { Creator, LosantStore, OwnerRef } from './store.js';

/** Who a Losant request acts as. */
export type LosantPrincipal =
  /** The seeded user credential (like the JWT Losant's `/auth/user` hands out). */
  | { readonly kind: 'user'; readonly scope: readonly string[]; readonly creator: Creator }
  /** An API token from the store. */
  | {
      readonly kind: 'apiToken';
      readonly owner: OwnerRef;
      readonly scope: readonly string[];
      readonly creator: Creator;
    };

/**
 * The outcome of authenticating a request: a principal, none (no token was sent: authorization
 * then refuses it with 403), or the 401 to send.
 */
export type AuthResult =
  | { ok: true; principal: LosantPrincipal | undefined }
  | { ok: false; reply: Reply };

/**
 * Finds the token the way Losant's API framework does (`Losant/bravado-core`
 * `lib/prepare-params.js`): the `access_token` or `jwt` query parameter, else an
 * `Authorization: Bearer <token>` (or `JWT <token>`) header.
 */
export function tokenOf(
  query: Readonly<Record<string, string>>,
  authorization: string | undefined,
): string | undefined {
  const fromQuery = query.access_token || query.jwt;
  if (fromQuery) return fromQuery;
  const [scheme = '', token] = (authorization ?? '').split(' ');
  const upper = scheme.toUpperCase();
  return (upper === 'BEARER' || upper === 'JWT') && token ? token : undefined;
}

/**
 * Authenticates the token, if one was sent: the seeded user credential, or a stored API token
 * that is active and not expired. bravado-core's `lib/authenticate.js` answers 401 "Invalid access
 * token" for a token it cannot verify and "Access token has expired" for an expired one; the
 * inactive-token message is the mock's.
 */
export function authenticate(
  secret: string | undefined,
  store: LosantStore,
  seededCredential: string,
  now: number,
): AuthResult {
  if (secret === undefined) return { ok: true, principal: undefined };
  if (secret === seededCredential) {
    const { userId, userName } = store.seed;
    const creator = { id: userId, type: 'user', name: userName } as const;
    return { ok: true, principal: { kind: 'user', scope: ['all.User'], creator } };
  }
  const stored = store.bySecret(secret);
  if (stored === undefined) return refused('Invalid access token');
  const { token, owner } = stored;
  if (token.status !== 'active') return refused('Access token is inactive');
  if (token.expirationDate !== undefined && Date.parse(token.expirationDate) <= now) {
    return refused('Access token has expired');
  }
  const creator = { id: token.id, type: 'apiToken', name: token.name } as const;
  return { ok: true, principal: { kind: 'apiToken', owner, scope: token.scope, creator } };
}

/** Whether the principal holds at least one of the `accepted` scopes. */
export function hasScope(principal: LosantPrincipal, accepted: readonly string[]): boolean {
  return principal.scope.some((scope) => accepted.includes(scope));
}

/**
 * Whether the principal may touch `owner`'s tokens: an application token only its application's,
 * an instance token only its instance's, user tokens and the user credential everything (every
 * seeded resource belongs to the seeded user). Losant's behaviour here is unverified.
 */
export function canReach(principal: LosantPrincipal, owner: OwnerRef): boolean {
  if (principal.kind === 'user' || principal.owner.kind === 'user') return true;
  return principal.owner.kind === owner.kind && principal.owner.id === owner.id;
}

function refused(message: string): AuthResult {
  return { ok: false, reply: unauthorized(message) };
}
