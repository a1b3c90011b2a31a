import { authError, usageError } from './errors.js';

/** Where to reach Losant and with what. */
export interface LosantCredentials {
  accessToken: string;
  url: string;
}

/** Where to reach Instana and with what. */
export interface InstanaCredentials {
  apiToken: string;
  baseUrl: string;
}

/** The Losant API the CLI talks to when `LOSANT_API_URL` is not set. */
export const defaultLosantUrl = 'https://api.losant.com';

function checkedUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`${variable} is not a valid URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw usageError(`${variable} must be an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
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
  const url = env.LOSANT_API_URL?.trim() || defaultLosantUrl;
  return { accessToken, url: checkedUrl('LOSANT_API_URL', url) };
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
  return { apiToken, baseUrl: checkedUrl('INSTANA_BASE_URL', baseUrl) };
}

/** Splits `LOSANT_INSTANCE_ID=a,b` style lists; blanks dropped. */
export function idList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}
