/**
 * The JSON every command prints with `--json`: stable for scripts (documented in the README).
 * Fields may be added; none is renamed or removed. With `--json a,b` a `list` prints an array
 * of objects holding only those fields, and a `get` one such object.
 */
import type { PermissionChange } from '@tokenkit/instana';
import type { InstanaToken } from '../vendors/instana/types.js';
import type { LosantOwnerJson } from '../vendors/losant/owner.js';
import type { LosantToken } from '../vendors/losant/types.js';

/** A Losant token as the API returned it, without the secret. */
export type LosantTokenJson = Omit<LosantToken, 'token'>;

/** An Instana token as the API returned it, without `accessGrantingToken`. */
export type InstanaTokenJson = Omit<InstanaToken, 'accessGrantingToken'>;

/** `losant tokens list`. `page` is `null` with `--all`. */
export interface LosantListJson {
  vendor: 'losant';
  owner: LosantOwnerJson;
  tokens: LosantTokenJson[];
  count: number;
  totalCount: number;
  page: number | null;
  perPage: number | null;
}

/** `losant tokens get` and `losant tokens update`. */
export interface LosantTokenResultJson {
  vendor: 'losant';
  owner: LosantOwnerJson;
  apiToken: LosantTokenJson;
}

/** `losant tokens create`: `token` is the new secret, printed this once. */
export interface LosantCreatedJson extends LosantTokenResultJson {
  token: string;
}

/** `losant tokens delete` and `instana tokens delete`; `deleted: false` after a "no" (exit 4). */
export interface DeletedJson {
  vendor: 'losant' | 'instana';
  owner?: LosantOwnerJson;
  id: string;
  deleted: boolean;
  cancelled?: true;
}

/** `losant scopes`: `owner` is the `--owner` given, or `null` for every scope. */
export interface LosantScopesJson {
  vendor: 'losant';
  owner: 'instance' | 'application' | 'user' | null;
  scopes: string[];
}

/** `instana tokens list`. */
export interface InstanaListJson {
  vendor: 'instana';
  tokens: InstanaTokenJson[];
  count: number;
}

/** `instana tokens get`. */
export interface InstanaTokenResultJson {
  vendor: 'instana';
  apiToken: InstanaTokenJson;
}

/** `instana tokens update`: what Instana stored differently from what was sent. */
export interface InstanaUpdatedJson extends InstanaTokenResultJson {
  changedPermissions: PermissionChange[];
}

/** `instana tokens create`: `token` is the new secret, printed this once. */
export interface InstanaCreatedJson extends InstanaUpdatedJson {
  token: string;
}

/** `instana permissions`. */
export interface InstanaPermissionsJson {
  vendor: 'instana';
  permissions: string[];
}

/**
 * `losant tokens rotate` and `instana tokens rotate`: the old and the new token without their
 * secrets, what became of the old one and where the new secret went. `token` is the new secret,
 * present only when it was delivered on stdout.
 */
export interface RotatedJson {
  old: LosantTokenJson | InstanaTokenJson;
  new: LosantTokenJson | InstanaTokenJson;
  revoked: 'deleted' | 'deactivated' | 'kept';
  delivered: 'file' | 'command' | 'stdout';
  /** The old token's fields the replacement carried over (`name`, `scope`, `status` …). */
  kept: string[];
  /** What the check of the new secret found (`skipped` for an inactive replacement). */
  verified: 'valid' | 'limited' | 'skipped';
  token?: string;
}
