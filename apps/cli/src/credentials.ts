import type { SelectedProfile } from './config/profile.js';
import { authError, usageError } from './errors.js';

/**
 * What the CLI connects to Losant with. `url` is `LOSANT_API_URL` as given (absent: the SDK's
 * default); the SDK checks it, and the CLI never echoes it (people paste credentials into URLs).
 */
export interface LosantCredentials {
  accessToken: string;
  url?: string | undefined;
}

/** What the CLI connects to Instana with; `baseUrl` is checked by the SDK. */
export interface InstanaCredentials {
  apiToken: string;
  baseUrl: string;
}

/**
 * Losant credentials from `LOSANT_ACCESS_TOKEN` (or a token read from stdin, which wins) and
 * `LOSANT_API_URL`. Tokens never come from a flag value: that would put them in shell history
 * and in every process listing.
 */
export function losantCredentials(env: NodeJS.ProcessEnv, stdinToken?: string): LosantCredentials {
  const accessToken = stdinToken ?? env.LOSANT_ACCESS_TOKEN?.trim();
  if (!accessToken) {
    throw authError(
      'no Losant credentials: LOSANT_ACCESS_TOKEN is not set',
      'export LOSANT_ACCESS_TOKEN, or pipe the token in with --token-stdin',
    );
  }
  return { accessToken, url: env.LOSANT_API_URL?.trim() || undefined };
}

/**
 * Instana credentials from `INSTANA_API_TOKEN` (or stdin) and `INSTANA_BASE_URL`, which is
 * required: every tenant unit has its own host.
 */
export function instanaCredentials(
  env: NodeJS.ProcessEnv,
  stdinToken?: string,
): InstanaCredentials {
  const apiToken = stdinToken ?? env.INSTANA_API_TOKEN?.trim();
  if (!apiToken) {
    throw authError(
      'no Instana credentials: INSTANA_API_TOKEN is not set',
      'export INSTANA_API_TOKEN, or pipe the token in with --token-stdin',
    );
  }
  const baseUrl = env.INSTANA_BASE_URL?.trim();
  if (!baseUrl) {
    throw usageError(
      'INSTANA_BASE_URL is not set',
      'set it to your tenant unit, e.g. https://unit-tenant.instana.io',
    );
  }
  return { apiToken, baseUrl };
}

/** Splits `LOSANT_INSTANCE_ID=a,b` style lists; blanks dropped. */
export function idList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The variables each vendor's credential and address come from. */
export const credentialVariables = {
  losant: { token: 'LOSANT_ACCESS_TOKEN', url: 'LOSANT_API_URL' },
  instana: { token: 'INSTANA_API_TOKEN', url: 'INSTANA_BASE_URL' },
} as const;

export type CredentialVendor = keyof typeof credentialVariables;

/**
 * Where a credential came from: `name` is the variable, the profile, or the config file.
 * Never the credential itself.
 */
export interface CredentialOrigin {
  from: 'flag' | 'environment' | 'profile command' | 'profile file';
  name: string;
}

/** The environment a run uses once its profile is applied, and where each credential came from. */
export interface CredentialSetup {
  env: NodeJS.ProcessEnv;
  /** The profile in use, if any. */
  profile: string | undefined;
  origins: Partial<Record<CredentialVendor, CredentialOrigin>>;
  /** A vendor whose `credentialCommand` failed, and how. */
  failures: Partial<Record<CredentialVendor, Error>>;
}

/** `origin`'s words for people: `environment (LOSANT_ACCESS_TOKEN)`. */
export function describeOrigin(origin: CredentialOrigin): string {
  return `${origin.from} (${origin.name})`;
}

async function fromProfile(
  setup: CredentialSetup,
  selected: SelectedProfile,
  vendor: CredentialVendor,
): Promise<void> {
  const settings = selected.profile[vendor];
  if (!settings) return;
  const names = credentialVariables[vendor];
  const url =
    'url' in settings ? settings.url : 'baseUrl' in settings ? settings.baseUrl : undefined;
  if (!setup.env[names.url]?.trim() && url) setup.env[names.url] = url;
  if (setup.origins[vendor]) return;
  if (settings.credential) {
    setup.env[names.token] = settings.credential;
    setup.origins[vendor] = { from: 'profile file', name: selected.file };
  } else if (settings.credentialCommand) {
    const { runCredentialCommand } = await import('./config/credential-command.js');
    const origin = { profile: selected.name, vendor };
    try {
      const command = settings.credentialCommand;
      setup.env[names.token] = await runCredentialCommand(
        command,
        origin,
        selected.commandTimeoutMs,
      );
      setup.origins[vendor] = { from: 'profile command', name: selected.name };
    } catch (error) {
      setup.failures[vendor] = error as Error;
    }
  }
}

/**
 * Applies the profile `--profile` or `TOKENKIT_PROFILE` names to `env` for `vendors`: a setting
 * the environment lacks (or leaves empty) comes from the profile, so flags (`tokenStdin`: the
 * token comes from `--token-stdin`, and no credentialCommand runs) beat environment variables,
 * which beat the profile. Each credential's origin is recorded; a
 * failed `credentialCommand` is recorded, not thrown, so one vendor never hides the other.
 */
export async function applyProfile(
  env: NodeJS.ProcessEnv,
  profileFlag: string | undefined,
  vendors: readonly CredentialVendor[],
  tokenStdin = false,
): Promise<CredentialSetup> {
  const setup: CredentialSetup = { env: { ...env }, profile: undefined, origins: {}, failures: {} };
  for (const vendor of vendors) {
    const name = credentialVariables[vendor].token;
    if (tokenStdin) setup.origins[vendor] = { from: 'flag', name: '--token-stdin' };
    else if (env[name]?.trim()) setup.origins[vendor] = { from: 'environment', name };
  }
  // The config file (and the YAML parser) is read only when a profile is asked for.
  if (!profileFlag?.trim() && !env.TOKENKIT_PROFILE?.trim()) return setup;
  const { selectProfile } = await import('./config/profile.js');
  const selected = await selectProfile(env, profileFlag);
  if (!selected) return setup;
  setup.profile = selected.name;
  await Promise.all(vendors.map((vendor) => fromProfile(setup, selected, vendor)));
  return setup;
}
