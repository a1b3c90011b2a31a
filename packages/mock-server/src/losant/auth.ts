import { losantError, type Reply } from '../reply.js';
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

/** The outcome of authenticating a request: a principal or the 401 to send. */
export type AuthResult = { ok: true; principal: LosantPrincipal } | { ok: false; reply: Reply };

/**
 * Authenticates `Authorization: Bearer <token>`: the seeded user credential, or any stored API
 * token that is active and not expired. Every failure is a 401 `{ type: 'Unauthorized' }`;
 * Losant's exact messages are unverified.
 */
export function authenticate(
  header: string | undefined,
  store: LosantStore,
  seededCredential: string,
  now: number,
): AuthResult {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  const secret = match?.[1];
  if (secret === undefined) {
    return unauthorized('Authorization header with a Bearer token required');
  }
  if (secret === seededCredential) {
    const { userId, userName } = store.seed;
    return {
      ok: true,
      principal: {
        kind: 'user',
        scope: ['all.User'],
        creator: { id: userId, type: 'user', name: userName },
      },
    };
  }
  const stored = store.bySecret(secret);
  if (stored === undefined) return unauthorized('Invalid access token');
  const { token, owner } = stored;
  if (token.status !== 'active') return unauthorized('Access token is inactive');
  if (token.expirationDate !== undefined && Date.parse(token.expirationDate) <= now) {
    return unauthorized('Access token has expired');
  }
  return {
    ok: true,
    principal: {
      kind: 'apiToken',
      owner,
      scope: token.scope,
      creator: { id: token.id, type: 'apiToken', name: token.name },
    },
  };
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

/**
 * A valid token that lacks the scope: 403 `{ type: 'Forbidden' }`. The exact body Losant sends
 * is unverified (the contract documents no 401/403 bodies for these endpoints).
 */
export function forbidden(message: string): Reply {
  return losantError(403, 'Forbidden', message);
}

function unauthorized(message: string): AuthResult {
  return { ok: false, reply: losantError(401, 'Unauthorized', message) };
}
