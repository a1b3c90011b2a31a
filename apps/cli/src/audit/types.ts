import type { Severity } from './severity.js';

/** An owner as `--json` shows it, beside a separate `vendor`. */
export interface OwnerJson {
  kind: string;
  id?: string;
  /** The application's name, when `--all-applications` found it. */
  name?: string;
}

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
  /** `null` when the server did not say. */
  createdAt: Date | null;
  /** `null`: the token never expires. */
  expiresAt: Date | null;
  /** Everything it may do: Losant scopes, or the Instana permissions it holds. */
  grants: string[];
}

/** What is wrong with a token. */
export type FindingKind =
  | 'expired'
  | 'expiring'
  | 'over-broad'
  | 'never-expiring'
  | 'too-long-lived'
  | 'inactive';

/**
 * One problem with one token, in the shape (and key order) `--json` prints it: an audit keeps
 * every finding until the end, so it is built once, compact, and never copied.
 */
export interface Finding {
  severity: Severity;
  kind: FindingKind;
  vendor: TokenOwner['vendor'];
  /** Shared by every finding of the same owner. */
  owner: OwnerJson;
  tokenId: string;
  tokenName: string;
  /** A sentence for people: what is wrong and what to do. */
  message: string;
  /** ISO 8601; `null` when the token never expires. */
  expiresAt: string | null;
  /** The forbidden scopes or permissions it holds; empty for other kinds. */
  grants: readonly string[];
  /** The `tokenkit … rotate …` command that fixes it, when rotating does. */
  command: string | null;
}
