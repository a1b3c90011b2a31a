import { isPermissionFlag } from './permission-names.js';

/**
 * Every permission and scope flag a token holds, `true` or `false`, in the token's key order:
 * the boolean keys named like Instana's flags, including flags newer than this package. What a
 * rotation copies onto the replacement.
 *
 * @example
 * permissionFlags(await instana.apiTokens.getApiToken(id)); // { canConfigureAgents: true, … }
 */
export function permissionFlags(token: object): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(token)) {
    if (typeof value === 'boolean' && isPermissionFlag(key)) flags[key] = value;
  }
  return flags;
}

/**
 * The names of the permission and scope flags a token holds as `true`, in the token's key order
 * (flags newer than this package included).
 *
 * @example
 * grantedPermissions({ name: 'ci', canConfigureAgents: true, canViewLogs: false }); // ['canConfigureAgents']
 */
export function grantedPermissions(token: object): string[] {
  return Object.entries(permissionFlags(token))
    .filter(([, granted]) => granted)
    .map(([name]) => name);
}
