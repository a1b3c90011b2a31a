import { type PermissionName, permissionNames } from '@tokenkit/schemas/instana';
import type { InstanaApiToken } from '../types.js';

/** The server-filled part of a token, kept across a PUT. */
export interface ServerFields {
  readonly id: string;
  readonly createdBy: string;
  readonly createdOn: number;
  readonly lastUsedOn?: number;
}

/** A request body (already validated) or a seed: the client-supplied part of a token. */
export interface ClientFields {
  readonly accessGrantingToken: string;
  readonly internalId: string;
  readonly name: string;
  readonly expiresOn?: number | null | undefined;
  readonly [key: string]: unknown;
}

/**
 * Builds the stored token the way Instana's backend answers (contract §1.5): every one of the 93
 * permissions present, `true` only when sent as `true`; keys it does not know (including
 * mis-cased ones such as `limitedLinuxKvmHypervisorScope`) dropped; `canConfigurePersonalApiTokens`
 * forced false; synthetic view permissions derived from the configure permissions.
 */
export function normalizeToken(input: ClientFields, server: ServerFields): InstanaApiToken {
  const permissions = {} as Record<PermissionName, boolean>;
  for (const name of permissionNames) permissions[name] = input[name] === true;
  permissions.canConfigurePersonalApiTokens = false;
  if (permissions.canConfigureSyntheticTests) {
    permissions.canViewSyntheticTests = true;
    permissions.canViewSyntheticLocations = true;
    permissions.canViewSyntheticTestResults = true;
  }
  if (permissions.canConfigureSyntheticLocations) permissions.canViewSyntheticLocations = true;
  if (permissions.canConfigureSyntheticCredentials) permissions.canUseSyntheticCredentials = true;
  return {
    id: server.id,
    accessGrantingToken: input.accessGrantingToken,
    internalId: input.internalId,
    name: input.name,
    createdBy: server.createdBy,
    createdOn: server.createdOn,
    ...(server.lastUsedOn === undefined ? {} : { lastUsedOn: server.lastUsedOn }),
    expiresOn: input.expiresOn ?? null,
    ...permissions,
  };
}

/**
 * How GET responses show `accessGrantingToken`. The contract's examples show
 * `"accessGrantingToken(masked)"`; whether the live API masks, and how, is unverified. The mock
 * keeps only the last four characters (all stars for a secret shorter than 12).
 */
export function maskSecret(secret: string): string {
  return secret.length < 12 ? '****' : `****${secret.slice(-4)}`;
}

/** The token as GET answers it: the secret masked. */
export function masked(token: InstanaApiToken): InstanaApiToken {
  return { ...token, accessGrantingToken: maskSecret(token.accessGrantingToken) };
}
