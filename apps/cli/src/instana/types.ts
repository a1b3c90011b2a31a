import { permissionNames } from '@tokenkit/instana';

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

/** The permission names a token holds (`true` booleans), in `@tokenkit/instana`'s order. */
export function grantedPermissions(token: Readonly<Record<string, unknown>>): string[] {
  return permissionNames.filter((name) => token[name] === true);
}
