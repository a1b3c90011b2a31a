import { type PermissionName, permissionNames } from '@tokenkit/schemas/instana';
import { isPermissionFlag, isPermissionName } from './permission-names.js';

/** One permission the server set differently from what was sent. */
export interface PermissionChange {
  /** The permission's name; a flag newer than this package appears under its own name. */
  name: PermissionName | (string & {});
  /** What was sent (an omitted flag counts as `false`, as Instana treats it). */
  sent: boolean;
  /** What the server stored and returned (an omitted flag counts as `false`). */
  received: boolean;
}

/**
 * Why Instana is known to answer with a different value than the one sent, as observed by
 * Terraform users (https://github.com/instana/terraform-provider-instana/issues/84, fixed there
 * by validating plans in PR #88, and described in that provider's `api_token` resource docs under
 * "Backend-Normalized and Derived Permissions"). Keys are permission names; a CLI can print the
 * value next to a {@link diffPermissions} entry.
 */
export const KNOWN_SERVER_REWRITES: Readonly<Partial<Record<PermissionName, string>>> = {
  canConfigurePersonalApiTokens:
    'Always stored as false for API tokens: personal API tokens are a per-user setting, not a permission an API token can hold.',
  limitedLinuxKVMHypervisorScope:
    'Terraform users saw it return false after sending true; the likely cause is that their Go client spelled it limitedLinuxKvmHypervisorScope, which the server does not know.',
  canViewSyntheticTests:
    'Derived: the server sets it to true whenever canConfigureSyntheticTests is true.',
  canViewSyntheticLocations:
    'Derived: the server sets it to true whenever canConfigureSyntheticTests or canConfigureSyntheticLocations is true.',
  canViewSyntheticTestResults:
    'Derived: the server sets it to true whenever canConfigureSyntheticTests is true.',
  canUseSyntheticCredentials:
    'Derived: the server sets it to true whenever canConfigureSyntheticCredentials is true.',
};

function flag(token: object, name: string): boolean {
  return (token as Record<string, unknown>)[name] === true;
}

/**
 * Lists the permissions the server changed between the token you sent and the one it returned,
 * in `permissionNames` order (then any newer flags by name). Instana does not always echo a
 * token: it forces some flags off and derives view permissions from configure permissions (see
 * {@link KNOWN_SERVER_REWRITES}), so compare instead of assuming.
 *
 * @example
 * const sent = newApiToken({ name: 'synthetics', canConfigureSyntheticTests: true });
 * const stored = await instana.apiTokens.postApiToken(sent);
 * for (const change of diffPermissions(sent, stored)) console.warn(change.name, change.received);
 */
export function diffPermissions(sent: object, received: object): PermissionChange[] {
  const newer = new Set<string>();
  for (const token of [sent, received]) {
    for (const [key, value] of Object.entries(token)) {
      if (typeof value === 'boolean' && isPermissionFlag(key) && !isPermissionName(key)) {
        newer.add(key);
      }
    }
  }
  const changes: PermissionChange[] = [];
  for (const name of [...permissionNames, ...[...newer].sort()]) {
    const before = flag(sent, name);
    const after = flag(received, name);
    if (before !== after) changes.push({ name, sent: before, received: after });
  }
  return changes;
}
