/** The variables that hold a vendor's credential: an `exec` command never inherits them. */
export const credentialVariables: readonly string[] = ['LOSANT_ACCESS_TOKEN', 'INSTANA_API_TOKEN'];

/** What {@link commandEnvironment} leaves out and adds. */
export interface CommandEnvironmentOptions {
  /**
   * Whether a value holds something kept secret (a credential given another way, such as on
   * stdin, or the new secret): a variable holding one is left out.
   * @default none is
   */
  readonly holdsSecret?: ((value: string) => boolean) | undefined;
  /** Variables to add, such as `TOKENKIT_TOKEN_ID`. @default {} */
  readonly add?: Readonly<Record<string, string>> | undefined;
}

/**
 * A delivery command's environment: `env` without either vendor's credential variable and
 * without any variable whose value `holdsSecret`, plus `add`.
 */
export function commandEnvironment(
  env: NodeJS.ProcessEnv,
  options: CommandEnvironmentOptions = {},
): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(
    ([name, value]) =>
      value !== undefined &&
      !credentialVariables.includes(name) &&
      !(options.holdsSecret?.(value) ?? false),
  );
  return { ...Object.fromEntries(kept), ...options.add };
}
