import type { Severity } from './severity.js';

/** Whose token it is: a Losant instance, application or user, or an Instana tenant unit. */
export type TokenOwner =
  | { vendor: 'losant'; kind: 'instance' | 'application'; id: string }
  | { vendor: 'losant'; kind: 'user' }
  | { vendor: 'instana'; kind: 'tenant' };

/** A token from either vendor, reduced to what the audit judges. */
export interface AuditToken {
  owner: TokenOwner;
  id: string;
  name: string;
  /** Instana tokens have no status; they count as active. */
  active: boolean;
  /** `null`: the token never expires. */
  expiresAt: Date | null;
  /** The grants that make it over-broad: Losant `all.*` scopes, Instana admin permissions. */
  broadGrants: string[];
}

/** What is wrong with a token. */
export type FindingKind = 'expired' | 'expiring' | 'over-broad' | 'never-expiring' | 'inactive';

/** One problem with one token. */
export interface Finding {
  severity: Severity;
  kind: FindingKind;
  owner: TokenOwner;
  tokenId: string;
  tokenName: string;
  /** A sentence for people: what is wrong and what to do. */
  message: string;
  /** ISO 8601; `null` when the token never expires. */
  expiresAt: string | null;
  /** The over-broad scopes or permissions; empty for other kinds. */
  grants: string[];
}

/** What the rules need to know besides the token. */
export interface AuditPolicy {
  now: Date;
  /** Tokens expiring within this many milliseconds are reported as expiring. */
  expiringWithinMs: number;
}
