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
