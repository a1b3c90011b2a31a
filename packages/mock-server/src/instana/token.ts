import { type PermissionName, permissionNames } from '@tokenkit/schemas/instana';
import type { InstanaApiToken } from '../models.js';

/** The server-filled part of a token, kept across a PUT. */
export interface ServerFields {
  readonly id: string;
  readonly createdBy: string;
  readonly createdOn: number;
  readonly lastUsedOn?: number | undefined;
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
 * Builds the stored token the way Instana's backend answers, as Terraform provider
 * users observed (`instana/terraform-provider-instana` #84, #86, #88): every one of the 93
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
 * How GET answers show a secret or an id. Instana's OpenAPI spec (`instana/openapi`
 * `spec/openapi.yaml`, the examples of both GETs) shows `"tokenId(masked)"` and
 * `"accessGrantingToken(masked)"`; the mask's format is not published. The mock keeps only the
 * last four characters (all stars for a value shorter than 12).
 */
export function maskSecret(secret: string): string {
  return secret.length < 12 ? '****' : `****${secret.slice(-4)}`;
}

/** The token as GET answers it: `id` and `accessGrantingToken` masked, `internalId` in clear. */
export function masked(token: InstanaApiToken): InstanaApiToken {
  return {
    ...token,
    id: maskSecret(token.id),
    accessGrantingToken: maskSecret(token.accessGrantingToken),
  };
}
