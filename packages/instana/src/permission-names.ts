import { type PermissionName, permissionNames } from '@tokenkit/schemas/instana';

const known: ReadonlySet<string> = new Set(permissionNames);

// Deliberately not the schemas' `closest` (which the CLI uses for typo hints): a name that is a
// small edit away from a known one may be a flag Instana added after this version, and must be
// sent, not refused. Only a known name in the wrong casing is certainly a mistake.
// Lower-cased, underscores dropped: catches Instana's casing traps (`canConfigureAPITokens`,
// `limitedLinuxKvmHypervisorScope`, `canConfigureBizOps`) and the snake_case names of Instana's
// Python client and Terraform provider.
const byLooseName: ReadonlyMap<string, PermissionName> = new Map(
  permissionNames.map((name) => [looseName(name), name]),
);

// Instana names every permission `can…` and every scope flag `limited…`, newer ones included.
const FLAG_NAME = /^(can|limited)[A-Z]/;

function looseName(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

/**
 * Whether `name` is one of the 93 permissions this package knows, in its exact casing.
 *
 * @example
 * isPermissionName('canConfigureApiTokens'); // true
 * isPermissionName('canConfigureAPITokens'); // false
 */
export function isPermissionName(name: string): name is PermissionName {
  return known.has(name);
}

/**
 * Whether `key` is named like an Instana permission or scope flag (`can…`, `limited…`), known to
 * this package or newer: Instana adds flags nearly every release, and they keep this naming.
 *
 * @example
 * isPermissionFlag('canDownloadAgentConfiguration'); // true
 * isPermissionFlag('canDoSomethingFromNextYear'); // true
 * isPermissionFlag('createdBy'); // false
 */
export function isPermissionFlag(key: string): boolean {
  return FLAG_NAME.test(key);
}

/**
 * The known permission that `name` differs from only in casing or underscores, if any.
 *
 * @example
 * suggestPermissionName('limitedLinuxKvmHypervisorScope'); // 'limitedLinuxKVMHypervisorScope'
 * suggestPermissionName('can_configure_agents'); // 'canConfigureAgents'
 */
export function suggestPermissionName(name: string): PermissionName | undefined {
  return byLooseName.get(looseName(name));
}
