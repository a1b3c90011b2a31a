import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import { connectionAnswerLost, statusAnswerLost } from './answer-lost.js';
import type { AuthStrategy } from './auth.js';
import { parseBaseUrl } from './base-url.js';
import { type RedactedRequest, RequestValidationError, ResponseValidationError } from './errors.js';
import {
  type FetchFunction,
  fetchAttempt,
  observableResponse,
  responseText,
} from './fetch-attempt.js';
import { assignHeaders, type HeaderInput, mergeHeaders, readRequestId } from './headers.js';
import { type Logger, log } from './logger.js';
import { defaultErrorDetails, type ErrorDetailsReader, mapError } from './map-error.js';
import { createRedactor, type RedactionOptions } from './redact.js';
import { requestSecrets } from './request-secrets.js';
import {
  type BackoffOptions,
  backoffDelay,
  idempotentMethods,
  isConnectionRefused,
  retryableStatuses,
  serverRetryDelay,
  systemErrorCode,
} from './retry-policy.js';
import { scrubIssues, scrubRequest } from './scrub-value.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { formatIssues, toValidationIssues } from './validate-input.js';
import { VERSION } from './version.js';

/** The HTTP methods the vendor token APIs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query values; `undefined` is skipped, numbers and booleans are stringified, arrays repeat the key. */
export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | readonly (string | number | boolean)[];

/** Options for {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Origin plus optional path prefix, e.g. `https://api.losant.com` or `https://unit-tenant.instana.io`. */
  baseUrl: string;
  /** The name the caller knows `baseUrl` by (e.g. `url`), used in validation messages. @default 'baseUrl' */
  baseUrlField?: string | undefined;
  /** Produces the `Authorization` header; see {@link createTokenAuth}. @default no auth */
  auth?: AuthStrategy | undefined;
  /** The vendor package's product token, e.g. `@tokenkit/losant/1.0.0`; core appends its own and the runtime. @default '' */
  userAgent?: string | undefined;
  /** Headers sent with every request; per-request and per-call headers override them. CR/LF refused. @default {} */
  headers?: HeaderInput | undefined;
  /** Per-attempt timeout in ms (the response body included). @default 30000 */
  timeout?: number | undefined;
  /** Overall deadline in ms for a call, retries and waits included. @default 120000 */
  totalTimeout?: number | undefined;
  /** Retries after the first attempt (see the retry policy in the README). @default 2 */
  maxRetries?: number | undefined;
  /** Longest server-requested wait (`Retry-After`, `X-RateLimit-Reset`) honoured, in ms; a longer one ends the call with the error. @default 60000 */
  maxRetryAfter?: number | undefined;
  /** Exponential backoff when the server names no wait. @default { initialDelay: 500, maxDelay: 8000 } */
  backoff?: BackoffOptions | undefined;
  /** The fetch to use (tests, proxies, other runtimes). @default globalThis.fetch */
  fetch?: FetchFunction | undefined;
  /** A signal that aborts every call of this client. @default undefined */
  signal?: AbortSignal | undefined;
  /** Receives one line per attempt and per retry; never secrets or bodies. @default undefined (off) */
  logger?: Logger | undefined;
  /** Reads the vendor's `{ type, message }` from an error body. @default reads message/error/errors[0] and type/code */
  errorDetails?: ErrorDetailsReader | undefined;
  /** Called with every response received (each attempt), e.g. to keep a rate-limit snapshot. @default undefined */
  onResponse?: ((response: Response) => void) | undefined;
  /** Extra headers and query parameters that may appear unredacted in errors and logs. @default {} */
  redaction?: RedactionOptions | undefined;
}

/** Per-call options; each overrides the client's value for this call only. */
export interface RequestOptions {
  /** Aborts this call, during a request or while waiting to retry. @default undefined */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms. @default the client's `timeout` */
  timeout?: number | undefined;
  /** Overall deadline in ms. @default the client's `totalTimeout` */
  totalTimeout?: number | undefined;
  /** Retries after the first attempt. @default the client's `maxRetries` */
  maxRetries?: number | undefined;
  /** Extra headers (win over the client's and the request's). CR/LF refused. @default {} */
  headers?: HeaderInput | undefined;
}

/** One request, as a vendor package describes it. */
export interface HttpRequest {
  /** HTTP method. */
  method: HttpMethod;
  /** Path below `baseUrl`; build it with {@link path} so ids are encoded. */
  path: string;
  /** Query parameters; `undefined` values are skipped. @default {} */
  query?: Readonly<Record<string, QueryValue>> | undefined;
  /** Request headers; `undefined` values are skipped; CR/LF/NUL refused. @default {} */
  headers?: HeaderInput | undefined;
  /** A JSON value sent with `Content-Type: application/json`. @default undefined (no body) */
  body?: unknown;
  /** Validates (and types) the response body through Standard Schema. @default none: `data` is `unknown` */
  responseSchema?: StandardSchemaV1 | undefined;
  /** The endpoint answers without a body (204); the body is not parsed. @default false */
  emptyResponse?: boolean | undefined;
  /**
   * Secrets this request carries besides the auth token (e.g. a token in the body), scrubbed
   * like it from every error of this request, in case the server echoes them. Strings shorter
   * than 4 characters are ignored. @default []
   */
  secrets?: readonly string[] | undefined;
  /**
   * What a DELETE resolves with when an attempt's answer was lost (see {@link isAnswerLost}) and
   * a retry then got 404: the resource is gone, as asked (the lost attempt deleted it). A 404 on
   * the first attempt is still a `NotFoundError`. @default undefined
   */
  deletedBody?: unknown;
}

/** A successful response. */
export interface HttpResponse<T> {
  /** The parsed (and, with a schema, validated) body; `undefined` when empty. */
  data: T;
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** The request id the server returned (`x-request-id`, `x-correlation-id`, …). */
  requestId: string | undefined;
}

/** A configured client for one vendor API. */
export interface HttpClient {
  /** Sends a request whose body is validated by `responseSchema`. */
  request<Schema extends StandardSchemaV1>(
    request: HttpRequest & { responseSchema: Schema },
    options?: RequestOptions,
  ): Promise<HttpResponse<StandardSchemaV1.InferOutput<Schema>>>;
  /** Sends a request; `data` is whatever JSON came back. */
  request<T = unknown>(request: HttpRequest, options?: RequestOptions): Promise<HttpResponse<T>>;
  /** The base URL requests are sent to. */
  readonly baseUrl: string;
}

const methods = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const kyRetryMethods = ['get', 'put', 'delete', 'post', 'patch', 'head', 'options'];
const queryTypes = new Set(['string', 'number', 'boolean']);

function runtimeProduct(): string | undefined {
  // Node, Deno and Bun identify themselves in navigator.userAgent; a browser's UA is not ours to copy.
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return typeof agent === 'string' && /^(Node\.js|Deno|Bun)\/\S+$/.test(agent) ? agent : undefined;
}

// Characters application/x-www-form-urlencoded leaves as they are (what URLSearchParams emits).
const formSafe = /^[\w.*-]*$/;

/** Encodes like URLSearchParams; ids, numbers and flags (the usual query) need no work. */
function formEncode(value: string): string {
  return formSafe.test(value) ? value : new URLSearchParams({ v: value }).toString().slice(2);
}

function queryPair(key: string, item: unknown): string {
  if (!queryTypes.has(typeof item)) {
    throw new RequestValidationError(`query.${key} must be a string, number or boolean`, {
      field: `query.${key}`,
    });
  }
  return `${formEncode(key)}=${formEncode(String(item))}`;
}

function buildQuery(query: HttpRequest['query']): string {
  let result = '';
  if (query === undefined) return result;
  for (const key in query) {
    if (!Object.hasOwn(query, key)) continue;
    const value = query[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) result += `${result ? '&' : ''}${queryPair(key, item)}`;
    } else {
      result += `${result ? '&' : ''}${queryPair(key, value)}`;
    }
  }
  return result;
}

function checkDuration(value: number | undefined, field: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0 && value <= 2_147_483_647)) {
    throw new RequestValidationError(`${field} must be a positive number of milliseconds`, {
      field,
    });
  }
}

/**
 * Creates the transport a vendor package is built on: one ky instance, auth, default headers, a
 * User-Agent, timeouts, the retry policy, error mapping and redaction.
 *
 * @throws RequestValidationError for an invalid `baseUrl` (or one with a user name or password),
 *   header or timeout.
 * @example
 * const http = createHttpClient({
 *   baseUrl: 'https://api.losant.com',
 *   auth: createTokenAuth({ scheme: 'Bearer', token }),
 *   userAgent: `@tokenkit/losant/${VERSION}`,
 *   headers: { 'Accept-Version': '^1.30.0' },
 * });
 * const { data } = await http.request({ method: 'GET', path: path`/me`, responseSchema: me });
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = parseBaseUrl(options.baseUrl, options.baseUrlField ?? 'baseUrl');
  checkDuration(options.timeout, 'timeout');
  checkDuration(options.totalTimeout, 'totalTimeout');
  const userAgent = [options.userAgent, `@tokenkit/core/${VERSION}`, runtimeProduct()]
    .filter((part) => part)
    .join(' ');
  // Built once: a plain object, lower-case names, copied (not re-validated) per request.
  const clientHeaders: Readonly<Record<string, string>> = Object.fromEntries(
    mergeHeaders(
      new Headers({ accept: 'application/json', 'user-agent': userAgent }),
      options.headers,
    ),
  );
  const redactor = createRedactor(options.redaction);
  const fetchFunction: FetchFunction =
    options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const errorDetails = options.errorDetails ?? defaultErrorDetails;
  const { logger, auth, onResponse, backoff } = options;
  const clientSignal = options.signal;
  const maxRetryAfter = options.maxRetryAfter ?? 60_000;

  // One ky instance per client, holding only what never changes: ky deep-merges the instance's
  // options with each call's, so every default here is work on every request.
  const instance: KyInstance = ky.create({ redirect: 'manual' });

  async function request(
    descriptor: HttpRequest,
    callOptions: RequestOptions = {},
  ): Promise<HttpResponse<unknown>> {
    const { method } = descriptor;
    if (!methods.has(method)) {
      throw new RequestValidationError(`method must be one of ${[...methods].join(', ')}`, {
        field: 'method',
      });
    }
    if (typeof descriptor.path !== 'string') {
      throw new RequestValidationError('path must be a string', { field: 'path' });
    }
    checkDuration(callOptions.timeout, 'timeout');
    checkDuration(callOptions.totalTimeout, 'totalTimeout');
    const timeout = callOptions.timeout ?? options.timeout ?? 30_000;
    const totalTimeout = callOptions.totalTimeout ?? options.totalTimeout ?? 120_000;
    const maxRetries = callOptions.maxRetries ?? options.maxRetries ?? 2;
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      throw new RequestValidationError('maxRetries must be a non-negative integer', {
        field: 'maxRetries',
      });
    }
    const headers: Record<string, string> = { ...clientHeaders };
    assignHeaders(headers, descriptor.headers);
    assignHeaders(headers, callOptions.headers);
    const query = buildQuery(descriptor.query);
    const url = `${baseUrl}/${descriptor.path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
    let body: string | undefined;
    if (descriptor.body !== undefined) {
      try {
        body = JSON.stringify(descriptor.body);
      } catch {
        throw new RequestValidationError('body must be JSON-serializable (no BigInt, no cycles)', {
          field: 'body',
        });
      }
      headers['content-type'] = 'application/json';
    }
    const secrets = requestSecrets(descriptor.secrets);
    const authorize = async () => {
      if (!auth) return;
      const value = await auth.authorization();
      secrets.push(value.slice(value.indexOf(' ') + 1));
      headers.authorization = value;
    };
    await authorize();

    const callSignal = callOptions.signal;
    const signal =
      clientSignal && callSignal
        ? AbortSignal.any([clientSignal, callSignal])
        : (clientSignal ?? callSignal);
    const redacted = (): RedactedRequest =>
      scrubRequest(
        { method, url: redactor.url(url), headers: redactor.headers(new Headers(headers)) },
        secrets,
      );
    // Redacting parses the URL: only done when a log line or an error needs it.
    let redactedUrl: string | undefined;
    const logUrl = () => (redactedUrl ??= redactor.url(url));
    const startedAt = Date.now();
    const deadline = startedAt + totalTimeout;
    let attempt = 0;
    let plannedDelay = 0;
    // Whether an attempt retried so far may have acted without us hearing the answer.
    let answerLost = false;

    const attemptFetch = async (input: Request): Promise<Response> => {
      attempt++;
      const attemptStarted = logger?.debug ? Date.now() : 0;
      const response = await fetchAttempt(fetchFunction, input);
      if (logger?.debug) {
        log(logger, 'debug', `${method} ${logUrl()} → ${response.status} (attempt ${attempt})`, {
          method,
          url: logUrl(),
          status: response.status,
          attempt,
          durationMs: Date.now() - attemptStarted,
        });
      }
      if (onResponse) {
        try {
          onResponse(observableResponse(response));
        } catch {
          // The observer's failure is not the request's failure.
        }
      }
      return response;
    };

    const shouldRetry = ({ error, retryCount }: { error: Error; retryCount: number }) => {
      if (signal?.aborted) return false;
      const idempotent = idempotentMethods.has(method);
      let delay: number;
      let reason: string;
      let lost: boolean;
      if (isHTTPError(error)) {
        const { status } = error.response;
        if (!idempotent || !retryableStatuses.has(status)) return false;
        const serverDelay = serverRetryDelay(error.response.headers, status);
        if (serverDelay !== undefined && serverDelay > maxRetryAfter) return false;
        delay = serverDelay ?? backoffDelay(retryCount, backoff);
        reason = String(status);
        lost = statusAnswerLost(status);
      } else if (isNetworkError(error)) {
        // POST/PATCH only when the connection was refused: the server provably saw nothing.
        if (!idempotent && !isConnectionRefused(error)) return false;
        delay = backoffDelay(retryCount, backoff);
        reason = 'connection error';
        lost = connectionAnswerLost(systemErrorCode(error));
      } else if (isTimeoutError(error)) {
        if (!idempotent) return false;
        delay = backoffDelay(retryCount, backoff);
        reason = 'timeout';
        lost = true;
      } else {
        return false;
      }
      // Waiting past the deadline only to time out helps nobody: surface the real error now.
      if (Date.now() + delay >= deadline) return false;
      plannedDelay = delay;
      answerLost ||= lost;
      if (logger?.info) {
        log(
          logger,
          'info',
          `Retrying ${method} ${logUrl()} after ${reason} in ${delay} ms (retry ${retryCount} of ${maxRetries})`,
          {
            method,
            url: logUrl(),
            reason,
            retry: retryCount,
            attempt: retryCount + 1,
            waitMs: delay,
          },
        );
      }
      return true;
    };

    const reauthorize = async ({ request: retryRequest }: { request: Request }) => {
      await authorize();
      if (headers.authorization !== undefined) {
        retryRequest.headers.set('authorization', headers.authorization);
      }
    };

    let response: Response;
    try {
      // Only what differs per call; the absolute URL, so ky has no prefix to join.
      response = await instance(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(signal ? { signal } : {}),
        timeout,
        totalTimeout,
        // ky always passes a Request; the conversion only satisfies its wider parameter type.
        fetch: (input, init) =>
          attemptFetch(input instanceof Request ? input : new Request(input, init)),
        retry: {
          limit: maxRetries,
          // ky's default methods already hold GET, PUT and DELETE; shouldRetry decides the rest.
          ...(idempotentMethods.has(method) ? {} : { methods: kyRetryMethods }),
          delay: () => plannedDelay,
          backoffLimit: Number.POSITIVE_INFINITY,
          shouldRetry,
        },
        // Ask the provider again before each retry, so a refreshed token is used.
        ...(auth && maxRetries > 0 ? { hooks: { beforeRetry: [reauthorize] } } : {}),
      });
    } catch (error) {
      if (
        answerLost &&
        method === 'DELETE' &&
        isHTTPError(error) &&
        error.response.status === 404
      ) {
        // An earlier attempt deleted it; only its answer went missing.
        const { headers: responseHeaders, status } = error.response;
        const requestId = readRequestId(responseHeaders);
        return { data: descriptor.deletedBody, status, headers: responseHeaders, requestId };
      }
      const mapped = mapError(error, {
        request: redacted(),
        signal,
        secrets,
        errorDetails,
        timeout,
        totalTimeout,
        startedAt,
      });
      if (logger?.debug) {
        log(logger, 'debug', `${method} ${logUrl()} failed: ${mapped.name}`, {
          method,
          url: logUrl(),
          error: mapped.name,
          status: (mapped as { status?: unknown }).status,
          attempts: attempt,
        });
      }
      throw mapped;
    }

    const requestId = readRequestId(response.headers);
    const { status } = response;
    // Drained inside the attempt (so its timeout covered it); reading it here costs nothing.
    const text = await responseText(response);
    if (descriptor.emptyResponse) {
      return { data: undefined, status, headers: response.headers, requestId };
    }
    let data: unknown;
    if (text !== '') {
      try {
        data = JSON.parse(text);
      } catch {
        const contentType = response.headers.get('content-type') ?? '';
        if (/json/i.test(contentType) || descriptor.responseSchema) {
          throw new ResponseValidationError(
            `${method} ${logUrl()} returned a body that is not valid JSON`,
            {
              kind: 'invalid-json',
              issues: [{ path: '', message: 'body is not valid JSON' }],
              status,
              requestId,
              request: redacted(),
            },
          );
        }
        data = text;
      }
    }
    if (descriptor.responseSchema) {
      let result = descriptor.responseSchema['~standard'].validate(data);
      if (result instanceof Promise) result = await result;
      if (result.issues) {
        const issues = scrubIssues(toValidationIssues(result.issues), secrets);
        throw new ResponseValidationError(
          `${method} ${logUrl()} returned an unexpected body: ${formatIssues(issues)}`,
          { kind: 'schema', issues, status, requestId, request: redacted() },
        );
      }
      data = result.value;
    }
    return { data, status, headers: response.headers, requestId };
  }

  return { request: request as HttpClient['request'], baseUrl };
}
