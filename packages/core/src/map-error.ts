import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import {
  AbortError,
  ConnectionError,
  createApiError,
  type RedactedRequest,
  TimeoutError,
} from './errors.js';
import { isConnectionError, isTokenkitError } from './guards.js';
import { readRequestId } from './headers.js';
import { scrubSecrets } from './redact.js';
import { serverRetryDelay, systemErrorCode } from './retry-policy.js';
import { scrubRequest, scrubValue } from './scrub-value.js';

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

/**
 * Turns whatever ky or fetch threw into a {@link TokenkitError}. Raw ky errors (which hold the
 * unredacted request and options) never escape, and no `cause` is kept.
 */
export function mapError(error: unknown, context: ErrorContext): Error {
  // A request secret may sit in the path (an id that is a credential): scrub the description too.
  const request = scrubRequest(context.request, context.secrets);
  const where = `${request.method} ${request.url}`;
  // Raised inside an attempt (redirect trouble) before the request description existed.
  if (isConnectionError(error) && error.request === undefined) {
    return new ConnectionError(`${where} failed: ${error.message}`, { request, code: error.code });
  }
  if (isTokenkitError(error)) return error;
  if (context.signal?.aborted) {
    return new AbortError(`${where} was aborted`, request);
  }
  if (isHTTPError(error)) {
    const { response } = error;
    const body = safeBody(error.data, context.secrets);
    let details: ErrorDetails = {};
    try {
      details = context.errorDetails(body);
    } catch {
      // A reader that trips over an unexpected body must not hide the HTTP error.
    }
    const vendorMessage = details.message
      ? scrubSecrets(details.message, context.secrets).slice(0, vendorMessageLength)
      : undefined;
    const vendorType = details.type ? scrubSecrets(details.type, context.secrets) : undefined;
    const label =
      vendorType ?? (response.statusText || statusTexts[response.status] || 'HTTP error');
    const message = `${response.status} ${label}${vendorMessage ? `: ${vendorMessage}` : ''}`;
    return createApiError({
      status: response.status,
      message,
      body,
      vendorType,
      vendorMessage,
      requestId: readRequestId(response.headers),
      request,
      retryAfterMs:
        response.status === 429 ? serverRetryDelay(response.headers, response.status) : undefined,
    });
  }
  if (isTimeoutError(error)) {
    const elapsed = Date.now() - context.startedAt;
    const total = context.totalTimeout !== undefined && elapsed >= context.totalTimeout - 5;
    return total
      ? new TimeoutError(`${where} exceeded the overall deadline of ${context.totalTimeout} ms`, {
          request,
          kind: 'total',
          timeoutMs: context.totalTimeout ?? 0,
        })
      : new TimeoutError(`${where} timed out after ${context.timeout} ms`, {
          request,
          kind: 'attempt',
          timeoutMs: context.timeout,
        });
  }
  const code = systemErrorCode(error);
  if (isNetworkError(error)) {
    return new ConnectionError(`${where} failed: ${code ?? 'network error'}`, { request, code });
  }
  const name = error instanceof Error ? error.name : typeof error;
  return new ConnectionError(`${where} failed: ${code ?? name}`, { request, code });
}
