import { grantedPermissions, type InstanaToken } from '../instana/types.js';
import { type LosantOwner, type LosantToken, losantTokenId } from '../losant/types.js';
import type { AuditToken } from './types.js';

/** Instana permissions that let a token hand out more access than it has. */
export const instanaAdminPermissions = ['canConfigureApiTokens', 'canConfigureUsers'] as const;

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Losant token as the audit sees it; `all.*` scopes are the over-broad ones. */
export function auditLosantToken(owner: LosantOwner, token: LosantToken): AuditToken {
  return {
    owner: { vendor: 'losant', ...owner },
    id: losantTokenId(token),
    name: token.name ?? '(unnamed)',
    active: token.status !== 'inactive',
    expiresAt: parseDate(token.expirationDate),
    broadGrants: (token.scope ?? []).filter((scope) => scope.startsWith('all.')),
  };
}

/** An Instana token as the audit sees it; it can always be used (Instana has no status). */
export function auditInstanaToken(token: InstanaToken): AuditToken {
  const granted = new Set(grantedPermissions(token));
  return {
    owner: { vendor: 'instana', kind: 'tenant' },
    id: token.internalId,
    name: token.name,
    active: true,
    expiresAt: typeof token.expiresOn === 'number' ? new Date(token.expiresOn) : null,
    broadGrants: instanaAdminPermissions.filter((name) => granted.has(name)),
  };
}
