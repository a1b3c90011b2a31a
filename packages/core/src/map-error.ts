import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import {
  AbortError,
  type ApiError,
  ConnectionError,
  createApiError,
  type RedactedRequest,
  ResponseTooLargeError,
  TimeoutError,
  type TokenkitError,
} from './errors.js';
import { isConnectionError, isResponseTooLargeError, isTokenkitError } from './guards.js';
import { readRequestId } from './headers.js';
import { scrubSecrets } from './redact.js';
import { serverRetryDelay, systemErrorCode } from './retry-policy.js';
import { scrubValue } from './scrub-value.js';

/** The vendor's type and message read from an error body. */
export interface ErrorDetails {
  /** The vendor's error type or code, e.g. `NotFound`. */
  type?: string | undefined;
  /** The vendor's human message. */
  message?: string | undefined;
}

/** Reads `{ type, message }` out of a vendor's error body. */
export type ErrorDetailsReader = (body: unknown) => ErrorDetails;

const snippetLength = 200;

// HTTP/2 responses carry no reason phrase; these keep messages like "502 Bad Gateway" readable.
const statusTexts: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
const vendorMessageLength = 500;

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value !== '') return value;
    if (Array.isArray(value) && typeof value[0] === 'string' && value[0] !== '') return value[0];
  }
  return undefined;
}

/** Default reader: `message`, `error` or `errors[0]` for the message; `type` or `code` for the type. */
export const defaultErrorDetails: ErrorDetailsReader = (body) => {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  return {
    type: firstString(record.type, record.code),
    message: firstString(record.message, record.error, record.errors),
  };
};

/** Everything the mapper needs to describe the failed call. */
export interface ErrorContext {
  /** The redacted request, secrets already scrubbed. */
  request: RedactedRequest;
  signal: AbortSignal | undefined;
  /** The auth token and the request's own `secrets`, scrubbed from everything the error holds. */
  secrets: readonly string[];
  errorDetails: ErrorDetailsReader;
  timeout: number;
  totalTimeout: number | undefined;
  startedAt: number;
}

/** Keeps a non-JSON body as a short snippet, and scrubs known secrets out of any body. */
function safeBody(data: unknown, secrets: readonly string[]): unknown {
  if (typeof data === 'string') {
    const text = scrubSecrets(data.replace(/\s+/g, ' ').trim(), secrets);
    return text.length > snippetLength ? `${text.slice(0, snippetLength - 1)}…` : text;
  }
  return scrubValue(data, secrets);
}

/** The vendor's type and message from an error body, scrubbed and bounded. */
function vendorDetails(
  body: unknown,
  context: ErrorContext,
): { vendorType: string | undefined; vendorMessage: string | undefined } {
  let details: ErrorDetails = {};
  try {
    details = context.errorDetails(body);
  } catch {
    // A reader that trips over an unexpected body must not hide the HTTP error.
  }
  return {
    vendorType: details.type ? scrubSecrets(details.type, context.secrets) : undefined,
    vendorMessage: details.message
      ? scrubSecrets(details.message, context.secrets).slice(0, vendorMessageLength)
      : undefined,
  };
}

/** An error status as the {@link ApiError} subclass for it. */
function apiError(response: Response, data: unknown, context: ErrorContext): ApiError {
  const body = safeBody(data, context.secrets);
  const { vendorType, vendorMessage } = vendorDetails(body, context);
  const label = vendorType ?? (response.statusText || statusTexts[response.status] || 'HTTP error');
  return createApiError({
    status: response.status,
    message: `${response.status} ${label}${vendorMessage ? `: ${vendorMessage}` : ''}`,
    body,
    vendorType,
    vendorMessage,
    requestId: scrubbedRequestId(response.headers, context.secrets),
    request: context.request,
    retryAfterMs:
      response.status === 429 ? serverRetryDelay(response.headers, response.status) : undefined,
  });
}

/** The response's request id with the call's secrets scrubbed (a server may reflect them). */
export function scrubbedRequestId(
  headers: Headers,
  secrets: readonly string[],
): string | undefined {
  const id = readRequestId(headers);
  return id === undefined ? undefined : scrubSecrets(id, secrets);
}

/**
 * An error raised inside an attempt (a refused redirect, a body past `maxResponseBytes`) before
 * the request description existed: rebuilt with it, its server-given text scrubbed.
 */
function attemptError(error: TokenkitError, context: ErrorContext): Error | undefined {
  if (error.request !== undefined) return undefined;
  const { request, secrets } = context;
  const where = `${request.method} ${request.url}`;
  if (isConnectionError(error)) {
    const message = scrubSecrets(`${where} failed: ${error.message}`, secrets);
    return new ConnectionError(message, { request, code: error.code });
  }
  if (isResponseTooLargeError(error)) {
    const { maxResponseBytes, status } = error;
    const requestId = error.requestId && scrubSecrets(error.requestId, secrets);
    return new ResponseTooLargeError(
      `${where} returned a body larger than maxResponseBytes (${maxResponseBytes} bytes); core stopped reading it`,
      { maxResponseBytes, status, requestId, request },
    );
  }
  return undefined;
}

/** Which limit fired: the call's deadline when it is (about) used up, else the attempt's. */
function timeoutError(where: string, context: ErrorContext): TimeoutError {
  const { request, totalTimeout, timeout } = context;
  const elapsed = Date.now() - context.startedAt;
  if (totalTimeout !== undefined && elapsed >= totalTimeout - 5) {
    return new TimeoutError(`${where} exceeded the overall deadline of ${totalTimeout} ms`, {
      request,
      kind: 'total',
      timeoutMs: totalTimeout,
    });
  }
  return new TimeoutError(`${where} timed out after ${timeout} ms`, {
    request,
    kind: 'attempt',
    timeoutMs: timeout,
  });
}

/**
 * Turns whatever ky or fetch threw into a {@link TokenkitError}. Raw ky errors (which hold the
 * unredacted request and options) never escape, and no `cause` is kept.
 */
export function mapError(error: unknown, context: ErrorContext): Error {
  const { request } = context;
  const where = `${request.method} ${request.url}`;
  if (isTokenkitError(error)) return attemptError(error, context) ?? error;
  if (context.signal?.aborted) return new AbortError(`${where} was aborted`, request);
  if (isHTTPError(error)) return apiError(error.response, error.data, context);
  if (isTimeoutError(error)) return timeoutError(where, context);
  const code = systemErrorCode(error);
  const fallback = isNetworkError(error)
    ? 'network error'
    : error instanceof Error
      ? error.name
      : typeof error;
  return new ConnectionError(`${where} failed: ${code ?? fallback}`, { request, code });
}
