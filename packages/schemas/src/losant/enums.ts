import * as z from 'zod/mini';
import { mustBeOneOf } from '../messages.js';

function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: mustBeOneOf(values) });
}

/** A token's `status`: an inactive token is refused by the API. */
export const tokenStatus = enumOf(['active', 'inactive']);
/** A token's `status`. */
export type TokenStatus = z.output<typeof tokenStatus>;

/** A token's `defaultRole` (API v1.30.0): the role it has where `orgRoles` says nothing. */
export const tokenRole = enumOf(['admin', 'edit', 'collaborate', 'view', 'none']);
/** A token's `defaultRole`. */
export type TokenRole = z.output<typeof tokenRole>;

/** The `role` of an `orgRoles[]` entry: the token's role in that organization. */
export const orgRole = enumOf(['admin', 'edit', 'collaborate', 'view', 'none']);
/** The `role` of an `orgRoles[]` entry. */
export type OrgRole = z.output<typeof orgRole>;

/** The `role` of an `applicationRoles[]`/`dashboardRoles[]` entry. */
export const resourceRole = enumOf(['collaborate', 'view', 'none']);
/** The `role` of an `applicationRoles[]`/`dashboardRoles[]` entry. */
export type ResourceRole = z.output<typeof resourceRole>;

/**
 * A token's `ownerType`. The vendor schema lists only `application` and `user`, although
 * instance tokens exist; `instance` is accepted too so that listing instance tokens cannot
 * fail on it (what the API really returns for them is not documented).
 */
export const ownerType = enumOf(['application', 'user', 'instance']);
/** A token's `ownerType`. */
export type OwnerType = z.output<typeof ownerType>;

/** Who created a token. */
export const creatorType = enumOf(['apiToken', 'user', 'flow']);
/** Who created a token. */
export type CreatorType = z.output<typeof creatorType>;

/** The `sortDirection` a list response echoes (the API also answers in capitals, or blank). */
export const listSortDirection = enumOf(['asc', 'desc', 'ASC', 'DESC', '']);
