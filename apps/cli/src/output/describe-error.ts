import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/** Which vendor a failed call went to, for hints that name the right variable. */
export type Vendor = 'losant' | 'instana';

/** What the CLI prints for a failure, and how it exits. */
export interface ErrorReport {
  /** One line: what went wrong, with the vendor's message and the HTTP status. */
  message: string;
  /** What to do about it, when there is something to say. */
  hint: string | undefined;
  exitCode: ExitCode;
}

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  retryAfterMs?: unknown;
  field?: unknown;
}

const vendorLabel: Record<Vendor, string> = { losant: 'Losant', instana: 'Instana' };
const tokenVariable: Record<Vendor, string> = {
  losant: 'LOSANT_ACCESS_TOKEN',
  instana: 'INSTANA_API_TOKEN',
};
const urlVariable: Record<Vendor, string> = {
  losant: 'LOSANT_API_URL',
  instana: 'INSTANA_BASE_URL',
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function statusHint(
  status: number,
  vendor: Vendor | undefined,
  shape: ErrorShape,
): string | undefined {
  const variable = vendor ? tokenVariable[vendor] : 'the access token';
  if (status === 401) {
    return vendor === 'instana'
      ? `check ${variable} and that INSTANA_BASE_URL is the tenant unit the token belongs to`
      : `check ${variable}: is it the whole token, still active and not expired?`;
  }
  if (status === 403) {
    return vendor === 'instana'
      ? `the API token needs the canConfigureApiTokens permission`
      : `the token is valid but lacks a scope for this action (e.g. all.User, or <resource>ApiTokens.*)`;
  }
  if (status === 404) {
    return vendor === 'instana'
      ? 'check the internal id (tokenkit instana tokens list)'
      : 'check the token id and its owner (--instance, --application or --user)';
  }
  if (status === 429) {
    const wait = typeof shape.retryAfterMs === 'number' ? Math.ceil(shape.retryAfterMs / 1000) : 0;
    return wait > 0 ? `rate limited: try again in ${wait}s` : 'rate limited: try again shortly';
  }
  if (status >= 500)
    return `${vendor ? vendorLabel[vendor] : 'the vendor'}'s server failed; try again shortly`;
  return undefined;
}

/**
 * Turns anything a command threw into one line for stderr and an exit code. The SDK's errors
 * are recognised by name (the packages' own guards work the same way), so this module does not
 * have to load the vendor packages to describe their errors.
 */
export function describeError(error: unknown, vendor?: Vendor): ErrorReport {
  if (error instanceof CliError) {
    return { message: oneLine(error.message), hint: error.hint, exitCode: error.exitCode };
  }
  const shape: ErrorShape =
    typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
  const name = typeof shape.name === 'string' ? shape.name : '';
  const rawMessage = typeof shape.message === 'string' ? shape.message : String(error);
  const message = oneLine(rawMessage) || name || 'unknown error';
  const prefix = vendor ? `${vendorLabel[vendor]}: ` : '';

  if (typeof shape.status === 'number') {
    const status = shape.status;
    const withStatus = message.includes(String(status)) ? message : `${message} (HTTP ${status})`;
    return {
      message: `${prefix}${withStatus}`,
      hint: statusHint(status, vendor, shape),
      exitCode: status === 401 || status === 403 ? ExitCode.auth : ExitCode.failure,
    };
  }
  switch (name) {
    case 'RequestValidationError':
      return { message: `invalid input: ${message}`, hint: undefined, exitCode: ExitCode.usage };
    case 'ConnectionError':
      return {
        message: `${prefix}could not connect: ${message}`,
        hint: vendor
          ? `check ${urlVariable[vendor]} and your network`
          : 'check the API URL and your network',
        exitCode: ExitCode.failure,
      };
    case 'TimeoutError':
      return {
        message: `${prefix}the request timed out: ${message}`,
        hint: 'try again; the API or the network is slow',
        exitCode: ExitCode.failure,
      };
    case 'ResponseValidationError':
      return {
        message: `${prefix}unexpected answer from the API: ${message}`,
        hint: 'the API does not match the contract tokenkit was built for; please report it',
        exitCode: ExitCode.failure,
      };
    case 'AbortError':
      return { message: 'cancelled', hint: undefined, exitCode: ExitCode.failure };
    default:
      return { message: `${prefix}${message}`, hint: undefined, exitCode: ExitCode.failure };
  }
}
