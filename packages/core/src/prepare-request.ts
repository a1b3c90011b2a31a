import { RequestValidationError } from './errors.js';
import { assignHeaders } from './headers.js';
import { encodeQuery } from './query.js';
import { requestSecrets } from './request-secrets.js';
import type { HttpMethod, HttpRequest, RequestOptions } from './request-types.js';

/** The client-wide values a request starts from. */
export interface RequestDefaults {
  /** The parsed base URL, without a trailing slash. */
  baseUrl: string;
  /** Lower-case header names; copied, never changed. */
  headers: Readonly<Record<string, string>>;
  timeout: number;
  totalTimeout: number;
  maxRetries: number;
  maxResponseBytes: number;
}

/** One request, checked and ready to send: everything but the `Authorization` header. */
export interface PreparedRequest {
  method: HttpMethod;
  /** Absolute, with the encoded query. */
  url: string;
  /** Lower-case names; client, request and call headers merged (later wins). */
  headers: Record<string, string>;
  /** The JSON text of `body`, when there is one. */
  body: string | undefined;
  timeout: number;
  totalTimeout: number;
  maxRetries: number;
  /** The most body bytes an answer may have, after decoding. */
  maxResponseBytes: number;
  /** The request's own secrets (the auth token is added when the call authorises). */
  secrets: readonly string[];
}

const methods: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * @throws RequestValidationError naming `field` unless `value` is a positive number of
 *   milliseconds that a timer can hold.
 */
export function checkDuration(value: number | undefined, field: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0 && value <= 2_147_483_647)) {
    throw new RequestValidationError(`${field} must be a positive number of milliseconds`, {
      field,
    });
  }
}

/** @throws RequestValidationError naming `field` unless `value` is a positive integer of bytes. */
export function checkByteLimit(value: number | undefined, field: string): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
    throw new RequestValidationError(`${field} must be a positive integer of bytes`, { field });
  }
}

/** @throws RequestValidationError naming `field` unless `value` is a non-negative integer. */
export function checkRetries(value: number | undefined, field: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new RequestValidationError(`${field} must be a non-negative integer`, { field });
  }
}

function jsonBody(request: HttpRequest): string | undefined {
  if (request.body === undefined) return undefined;
  if (request.method === 'GET') {
    throw new RequestValidationError('A GET request cannot have a body', { field: 'body' });
  }
  try {
    return JSON.stringify(request.body);
  } catch {
    throw new RequestValidationError('body must be JSON-serializable (no BigInt, no cycles)', {
      field: 'body',
    });
  }
}

function checkRequest(request: HttpRequest, options: RequestOptions): void {
  if (!methods.has(request.method)) {
    throw new RequestValidationError(`method must be one of ${[...methods].join(', ')}`, {
      field: 'method',
    });
  }
  if (typeof request.path !== 'string') {
    throw new RequestValidationError('path must be a string', { field: 'path' });
  }
  checkDuration(options.timeout, 'timeout');
  checkDuration(options.totalTimeout, 'totalTimeout');
  checkRetries(options.maxRetries, 'maxRetries');
  checkByteLimit(options.maxResponseBytes, 'maxResponseBytes');
}

/**
 * Checks a request and its call options and builds what goes on the wire, without side
 * effects: nothing is sent, nothing is asked of the token provider.
 *
 * @throws RequestValidationError naming the field for a bad method, path, query value, header,
 *   body, timeout, retry count, byte limit or `secrets`, before anything is sent.
 */
export function prepareRequest(
  request: HttpRequest,
  options: RequestOptions,
  defaults: RequestDefaults,
): PreparedRequest {
  checkRequest(request, options);
  const headers: Record<string, string> = { ...defaults.headers };
  assignHeaders(headers, request.headers);
  assignHeaders(headers, options.headers);
  const body = jsonBody(request);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const query = encodeQuery(request.query);
  return {
    method: request.method,
    url: `${defaults.baseUrl}/${request.path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`,
    headers,
    body,
    timeout: options.timeout ?? defaults.timeout,
    totalTimeout: options.totalTimeout ?? defaults.totalTimeout,
    maxRetries: options.maxRetries ?? defaults.maxRetries,
    maxResponseBytes: options.maxResponseBytes ?? defaults.maxResponseBytes,
    secrets: requestSecrets(request.secrets),
  };
}
