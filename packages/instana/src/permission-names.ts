import { type PermissionName, permissionNames } from '@tokenkit/schemas/instana';

const known: ReadonlySet<string> = new Set(permissionNames);

// Lower-cased, underscores dropped: catches the contract's casing traps
// (`canConfigureAPITokens`, `limitedLinuxKvmHypervisorScope`, `canConfigureBizOps`) and the
// snake_case names of the Python client and the Terraform provider.
const byLooseName: ReadonlyMap<string, PermissionName> = new Map(
  permissionNames.map((name) => [looseName(name), name]),
);

function looseName(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

/** Whether `name` is one of the permissions this package knows, in its exact casing. */
export function isPermissionName(name: string): name is PermissionName {
  return known.has(name);
}

/** The known permission that `name` differs from only in casing or underscores, if any. */
export function suggestPermissionName(name: string): PermissionName | undefined {
  return byLooseName.get(looseName(name));
}
