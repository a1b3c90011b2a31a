import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { connectionAnswerLost, statusAnswerLost } from './answer-lost.js';

/**
 * The retry policy in one place. Core's `attempts` runs the loop (ky sends and times each
 * attempt); {@link decideRetry} decides whether to retry and how long to wait first.
 */

/** Methods retried on retryable statuses, timeouts and connection errors (POST and PATCH are not). */
export const idempotentMethods: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/** Statuses retried for idempotent methods. */
export const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Exponential backoff settings. */
export interface BackoffOptions {
  /**
   * Wait before the first retry, in ms; doubled for each further retry.
   * @default 500
   */
  initialDelay?: number | undefined;
  /**
   * Upper bound of one computed wait, in ms (server-requested waits use `maxRetryAfter`).
   * @default 8000
   */
  maxDelay?: number | undefined;
}

/** `min(maxDelay, initialDelay × 2^(retry − 1))`, minus up to 25 % jitter. */
export function backoffDelay(retry: number, options: BackoffOptions = {}): number {
  const initial = options.initialDelay ?? 500;
  const max = options.maxDelay ?? 8000;
  const base = Math.min(max, initial * 2 ** Math.max(0, retry - 1));
  return Math.round(base * (1 - Math.random() * 0.25));
}

const seconds = /^\d+(?:\.\d+)?$/;
const integer = /^\d+$/;
// Epoch seconds of 2001-09-09; anything smaller in X-RateLimit-Reset is read as a delta in seconds.
const epochThreshold = 1_000_000_000;

/**
 * How long the server asked us to wait, in ms, or `undefined` when it did not say:
 * `Retry-After` as seconds or an HTTP date; for 429 without it, `X-RateLimit-Reset` as epoch
 * seconds (Instana). The reset header is ignored on other statuses because Instana sends it on
 * every response, where it describes the hourly window, not this failure.
 */
export function serverRetryDelay(
  headers: Headers,
  status: number,
  now: number = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (seconds.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (status !== 429) return undefined;
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && integer.test(reset)) {
    const value = Number(reset);
    return value >= epochThreshold ? Math.max(0, value * 1000 - now) : value * 1000;
  }
  return undefined;
}

// ECONNRESET, ENOTFOUND, …, and getaddrinfo's EAI_AGAIN; not Node's other ERR_* or undici's
// UND_ERR_*, which say little to a person.
const systemCode = /^E(?:AI_)?[A-Z]+$/;
// TLS failures: OpenSSL's (ERR_SSL_WRONG_VERSION_NUMBER, …), Node's (ERR_TLS_CERT_ALTNAME_INVALID)
// and certificate verification's (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, …), see
// https://nodejs.org/api/tls.html#x509-certificate-error-codes
const tlsCode =
  /^(?:ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_)[A-Z0-9_]+$|^(?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED)$/;

/**
 * The first system or TLS error `code` in an error's cause chain (`ECONNREFUSED`,
 * `ECONNRESET`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `ERR_SSL_WRONG_VERSION_NUMBER`, …).
 */
export function systemErrorCode(error: unknown): string | undefined {
  const queue: unknown[] = [error];
  // Bounded walk: cause chains and AggregateError lists (Node tries every address of a host).
  for (let index = 0; index < queue.length && index < 20; index++) {
    const current = queue[index];
    if (typeof current !== 'object' || current === null) continue;
    const { code, cause, errors } = current as {
      code?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (systemCode.test(code) || tlsCode.test(code))) return code;
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return undefined;
}

/**
 * True when the error proves the request never reached the server (the connection was refused),
 * the only case where a POST or PATCH may be sent again.
 */
export function isConnectionRefused(error: unknown): boolean {
  return systemErrorCode(error) === 'ECONNREFUSED';
}

/** What {@link decideRetry} needs to know about the call. */
export interface RetryContext {
  method: string;
  /** The retry about to be made: 1 for the first. */
  retry: number;
  /** Epoch ms when the call's `totalTimeout` ends. */
  deadline: number;
  /** Longest server-requested wait honoured, in ms. */
  maxRetryAfter: number;
  backoff: BackoffOptions | undefined;
}

/** Whether to retry, and if so after how long, why (for the log) and whether the answer was lost. */
export type RetryDecision =
  | { readonly retry: false }
  | {
      readonly retry: true;
      /** Milliseconds to wait before the next attempt. */
      readonly delay: number;
      /** `'503'`, `'connection error'` or `'timeout'`. */
      readonly reason: string;
      /** The failed attempt may have acted (see `isAnswerLost`). */
      readonly answerLost: boolean;
    };

const noRetry: RetryDecision = { retry: false };

/** The failure as the policy sees it, or `undefined` for one it never retries. */
function classify(
  error: unknown,
  idempotent: boolean,
): { reason: string; answerLost: boolean; response?: Response } | undefined {
  if (isHTTPError(error)) {
    const { status } = error.response;
    if (!idempotent || !retryableStatuses.has(status)) return undefined;
    return {
      reason: String(status),
      answerLost: statusAnswerLost(status),
      response: error.response,
    };
  }
  if (isNetworkError(error)) {
    // POST/PATCH only when the connection was refused: the server provably saw nothing.
    if (!idempotent && !isConnectionRefused(error)) return undefined;
    return { reason: 'connection error', answerLost: connectionAnswerLost(systemErrorCode(error)) };
  }
  if (isTimeoutError(error) && idempotent) return { reason: 'timeout', answerLost: true };
  return undefined;
}

/**
 * The retry policy applied to one failed attempt (ky's raw error): the table in the README.
 * The wait is the server's (`Retry-After`, `X-RateLimit-Reset`) or the backoff; a server wait
 * above `maxRetryAfter`, or any wait that would end past the deadline, is no retry: waiting
 * only to fail helps nobody.
 */
export function decideRetry(
  error: unknown,
  context: RetryContext,
  now: number = Date.now(),
): RetryDecision {
  const failure = classify(error, idempotentMethods.has(context.method));
  if (failure === undefined) return noRetry;
  const serverDelay = failure.response
    ? serverRetryDelay(failure.response.headers, failure.response.status, now)
    : undefined;
  if (serverDelay !== undefined && serverDelay > context.maxRetryAfter) return noRetry;
  const delay = serverDelay ?? backoffDelay(context.retry, context.backoff);
  if (now + delay >= context.deadline) return noRetry;
  return { retry: true, delay, reason: failure.reason, answerLost: failure.answerLost };
}
