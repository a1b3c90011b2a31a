/**
 * The fields of an Instana API token the CLI reads; the permission booleans ride along as
 * extra keys. Structural so the `@tokenkit/instana` types fit it.
 */
export interface InstanaToken {
  id?: string | undefined;
  internalId: string;
  name: string;
  /** The secret. Only a create's answer is ever shown. */
  accessGrantingToken: string;
  createdBy?: string | undefined;
  createdOn?: number | undefined;
  lastUsedOn?: number | undefined;
  /** Epoch milliseconds; `null` or absent: never expires. */
  expiresOn?: number | null | undefined;
  [key: string]: unknown;
}

/** The permission names a token holds: the SDK's rule, re-exported for the CLI's modules. */
export { grantedPermissions } from '@tokenkit/instana';

/** An Instana token as the API returned it, without `accessGrantingToken`. */
export type InstanaTokenJson = Omit<InstanaToken, 'accessGrantingToken'>;

/**
 * A token without its secret. Instana returns `accessGrantingToken` on reads too (masked on
 * the real service, maybe not on a test server); it is never printed outside a create.
 */
export function publicInstanaToken(token: InstanaToken): InstanaTokenJson {
  const { accessGrantingToken: _secret, ...rest } = token;
  return rest;
}
