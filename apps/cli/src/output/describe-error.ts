import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { credentialSource, typedName, type Vendor } from './field-names.js';
import { humanDuration } from './human-duration.js';
import { addressOf, isCertificateCode, tlsCause, untrustedCertificateHint } from './tls-cause.js';

export type { Vendor } from './field-names.js';

/**
 * The other cause of Losant's 403 "Access is forbidden": Losant gives it both to a token without
 * the scope and to a request that carried no token at all.
 */
export const noTokenReachedLosant =
  'no token reached Losant (a proxy or redirect may drop the Authorization header)';

/** What is known about the call that failed, so the report names what the person typed. */
export interface ErrorContext {
  vendor?: Vendor | undefined;
  /** The credential came from `--token-stdin`, so a rejection blames standard input. */
  tokenFromStdin?: boolean | undefined;
}

/** What the CLI prints for a failure, and how it exits. */
export interface ErrorReport {
  /** One line: what went wrong, with the vendor's message and the HTTP status. */
  message: string;
  /** What to do about it, when there is something to say. */
  hint: string | undefined;
  exitCode: ExitCode;
}

/** The fields of the SDK's errors this module reads (they are recognised by name). */
interface ErrorShape {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  retryAfterMs?: unknown;
  code?: unknown;
  timeoutMs?: unknown;
  issues?: unknown;
  request?: { url?: unknown } | undefined;
}

const vendorLabel: Record<Vendor, string> = { losant: 'Losant', instana: 'Instana' };
const urlVariable: Record<Vendor, string> = {
  losant: 'LOSANT_API_URL',
  instana: 'INSTANA_BASE_URL',
};

/**
 * Why a connection failed, by the system error code core found, naming the address (`host:port`)
 * or, for DNS, the host name. One wording for both vendors.
 */
const connectionCauses: Record<string, (where: { host: string; hostname: string }) => string> = {
  ECONNREFUSED: ({ host }) => `connection refused by ${host} (nothing is listening there)`,
  ENOTFOUND: ({ hostname }) => `DNS lookup of ${hostname} failed: no such host`,
  EAI_AGAIN: ({ hostname }) => `DNS lookup of ${hostname} failed: the resolver is not answering`,
  ECONNRESET: ({ host }) => `the connection to ${host} was reset`,
  ETIMEDOUT: ({ host }) => `connecting to ${host} timed out`,
  EHOSTUNREACH: ({ host }) => `${host} is unreachable (no route to it)`,
  ENETUNREACH: ({ host }) => `the network of ${host} is unreachable`,
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function report(message: string, hint: string | undefined, exitCode: ExitCode): ErrorReport {
  return { message, hint, exitCode };
}

function statusHint(status: number, context: ErrorContext, shape: ErrorShape): string | undefined {
  const { vendor } = context;
  const credential = vendor
    ? credentialSource(vendor, Boolean(context.tokenFromStdin))
    : 'the access token';
  if (status === 401) {
    return vendor === 'instana'
      ? `check ${credential} and that INSTANA_BASE_URL is the tenant unit the token belongs to`
      : `check ${credential}: is it the whole token, still active and not expired?`;
  }
  if (status === 403) {
    return vendor === 'instana'
      ? 'the API token needs the canConfigureApiTokens permission'
      : `the token lacks a scope for this action (e.g. all.User, or <resource>ApiTokens.*), or ${noTokenReachedLosant}`;
  }
  if (status === 404) {
    return vendor === 'instana'
      ? 'check the internal id (tokenkit instana tokens list)'
      : 'check the token id and its owner (--instance, --application or --user)';
  }
  if (status === 429) {
    return typeof shape.retryAfterMs === 'number' && shape.retryAfterMs > 0
      ? `rate limited: try again in ${humanDuration(shape.retryAfterMs)}`
      : 'rate limited: try again shortly';
  }
  if (status >= 500)
    return `${vendor ? vendorLabel[vendor] : 'the vendor'}'s server failed; try again shortly`;
  return undefined;
}

/** "--application: must be a 24-character hexadecimal id; …", from the SDK's issues. */
function invalidInput(shape: ErrorShape, message: string, context: ErrorContext): string {
  const { vendor } = context;
  const issues = Array.isArray(shape.issues)
    ? (shape.issues as { path?: unknown; message?: unknown }[])
    : [];
  if (!vendor || issues.length === 0) return message;
  return issues
    .map(({ path, message: text }) => {
      const field = typeof path === 'string' ? path : '';
      const said = oneLine(String(text ?? ''));
      const name = field ? typedName(vendor, field, Boolean(context.tokenFromStdin)) : undefined;
      if (!name) return field && !said.startsWith(field) ? `${field}: ${said}` : said;
      // Core's own messages start with the field ("baseUrl must …"); the schemas' do not.
      return said.startsWith(field) ? `${name}${said.slice(field.length)}` : `${name}: ${said}`;
    })
    .join('; ');
}

function connectionFailure(shape: ErrorShape, message: string, context: ErrorContext) {
  const code = typeof shape.code === 'string' ? shape.code : undefined;
  const url = shape.request?.url;
  const cause =
    (code && (connectionCauses[code]?.(addressOf(url)) ?? tlsCause(code, url))) ??
    `no connection to ${addressOf(url).host}${code ? ` (${code})` : ''}`;
  const where = context.vendor ? urlVariable[context.vendor] : 'the API URL';
  const check = `check ${where} (its scheme, host and port) and your network`;
  return report(
    `${prefix(context)}could not connect: ${cause}: ${message}`,
    code && isCertificateCode(code) ? `${check}; ${untrustedCertificateHint}` : check,
    ExitCode.failure,
  );
}

function prefix(context: ErrorContext): string {
  return context.vendor ? `${vendorLabel[context.vendor]}: ` : '';
}

function httpFailure(status: number, shape: ErrorShape, message: string, context: ErrorContext) {
  const withStatus = message.includes(String(status)) ? message : `${message} (HTTP ${status})`;
  return report(
    `${prefix(context)}${withStatus}`,
    statusHint(status, context, shape),
    status === 401 || status === 403 ? ExitCode.auth : ExitCode.failure,
  );
}

/**
 * Turns anything a command threw into one line for stderr and an exit code. The SDK's errors
 * are recognised by name (the packages' own guards work the same way), so this module does not
 * have to load the vendor packages to describe their errors. `context` may be just the vendor.
 */
export function describeError(error: unknown, context: Vendor | ErrorContext = {}): ErrorReport {
  const known: ErrorContext = typeof context === 'string' ? { vendor: context } : context;
  if (error instanceof CliError) return report(oneLine(error.message), error.hint, error.exitCode);
  const shape: ErrorShape = typeof error === 'object' && error !== null ? error : {};
  const name = typeof shape.name === 'string' ? shape.name : '';
  const rawMessage = typeof shape.message === 'string' ? shape.message : String(error);
  const message = oneLine(rawMessage) || name || 'unknown error';
  switch (name) {
    case 'RequestValidationError':
      return report(
        `invalid input: ${invalidInput(shape, message, known)}`,
        undefined,
        ExitCode.usage,
      );
    case 'ResponseValidationError':
      return report(
        `${prefix(known)}unexpected answer from the API: ${message}`,
        'the API does not match the one tokenkit was built for; please report it',
        ExitCode.failure,
      );
    case 'ConnectionError':
      return connectionFailure(shape, message, known);
    case 'TimeoutError': {
      const limit =
        typeof shape.timeoutMs === 'number' ? ` within ${humanDuration(shape.timeoutMs)}` : '';
      return report(
        `${prefix(known)}no answer${limit}: ${message}`,
        'try again, or allow longer with --timeout (e.g. --timeout 2m)',
        ExitCode.failure,
      );
    }
    case 'AbortError':
      return report('cancelled', undefined, ExitCode.cancelled);
  }
  if (typeof shape.status === 'number') return httpFailure(shape.status, shape, message, known);
  return report(`${prefix(known)}${message}`, undefined, ExitCode.failure);
}
