/**
 * The permission names Instana knows (93 in API 1.316), loaded with the vendor package when a
 * command needs to validate names.
 */
export async function knownPermissions(): Promise<readonly string[]> {
  const { permissionNames } = await import('@tokenkit/instana');
  return permissionNames;
}
