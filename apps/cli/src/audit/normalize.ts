import { grantedPermissions, type InstanaToken } from '../vendors/instana/types.js';
import { type LosantToken, losantTokenId } from '../vendors/losant/types.js';
import type { AuditToken, TokenOwner } from './types.js';

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A Losant token as the audit sees it: its scopes are its grants. `owner` is shared by the
 * owner's tokens (and so by their findings).
 */
export function auditLosantToken(
  owner: Extract<TokenOwner, { vendor: 'losant' }>,
  token: LosantToken,
): AuditToken {
  return {
    owner,
    id: losantTokenId(token),
    name: token.name ?? '(unnamed)',
    active: token.status !== 'inactive',
    createdAt: parseDate(token.creationDate),
    expiresAt: parseDate(token.expirationDate),
    grants: [...(token.scope ?? [])],
  };
}

/** An Instana token as the audit sees it; it can always be used (Instana has no status). */
export function auditInstanaToken(token: InstanaToken): AuditToken {
  return {
    owner: { vendor: 'instana', kind: 'tenant' },
    id: token.internalId,
    name: token.name,
    active: true,
    createdAt: typeof token.createdOn === 'number' ? new Date(token.createdOn) : null,
    expiresAt: typeof token.expiresOn === 'number' ? new Date(token.expiresOn) : null,
    grants: grantedPermissions(token),
  };
}
