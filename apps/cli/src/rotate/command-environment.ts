import { credentialVariables } from '../credentials.js';

/** The variables that hold a vendor's credential. */
export const credentialTokenVariables: readonly string[] = Object.values(credentialVariables).map(
  (vendor) => vendor.token,
);

/** The replacement an `--exec` command is told about. */
export interface ReplacementInfo {
  id: string;
  name: string;
}

/**
 * The `--exec` command's environment: tokenkit's own without either vendor's credential
 * variable and without any variable holding a value tokenkit keeps secret (a token read with
 * `--token-stdin`, the new secret); plus `TOKENKIT_TOKEN_ID` and `TOKENKIT_TOKEN_NAME`.
 */
export function commandEnvironment(
  env: NodeJS.ProcessEnv,
  holdsSecret: (value: string) => boolean,
  replacement: ReplacementInfo,
): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(
    ([name, value]) =>
      value !== undefined && !credentialTokenVariables.includes(name) && !holdsSecret(value),
  );
  return {
    ...Object.fromEntries(kept),
    TOKENKIT_TOKEN_ID: replacement.id,
    TOKENKIT_TOKEN_NAME: replacement.name,
  };
}
