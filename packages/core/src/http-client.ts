import ky, { isHTTPError, type Options as KyOptions, TimeoutError as KyTimeoutError } from 'ky';
import { isAnswerLost } from './answer-lost.js';
import type { AuthStrategy } from './auth.js';
import { checkBaseUrlSecurity, parseBaseUrl } from './base-url.js';
import { defaultMaxResponseBytes } from './body-limit.js';
import type { RedactedRequest } from './errors.js';
import {
  fetchAttempt,
  fetchTransport,
  observableResponse,
  type Transport,
} from './fetch-attempt.js';
import { isTokenkitError } from './guards.js';
import { mergeHeaders, readRequestId } from './headers.js';
import { type ClientHooks, type ResponseEvent, runHook } from './hooks.js';
import { type Logger, log } from './logger.js';
import { defaultErrorDetails, type ErrorDetailsReader, mapError } from './map-error.js';
import {
  checkByteLimit,
  checkDuration,
  checkRetries,
  type PreparedRequest,
  prepareRequest,
  type RequestDefaults,
} from './prepare-request.js';
import { type RequestDescription, readResponse } from './read-response.js';
import { createRedactor, type Redactor, scrubSecrets } from './redact.js';
import type {
  HttpClient,
  HttpClientOptions,
  HttpRequest,
  HttpResponse,
  RequestOptions,
} from './request-types.js';
import { type BackoffOptions, decideRetry } from './retry-policy.js';
import { scrubRequest } from './scrub-value.js';
import { VERSION } from './version.js';

export type {
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  RequestOptions,
} from './request-types.js';

/** What every call of one client shares. */
interface Client {
  defaults: RequestDefaults;
  transport: Transport;
  redactor: Redactor;
  errorDetails: ErrorDetailsReader;
  auth: AuthStrategy | undefined;
  logger: Logger | undefined;
  onResponse: ((response: Response) => void) | undefined;
  signal: AbortSignal | undefined;
  backoff: BackoffOptions | undefined;
  maxRetryAfter: number;
  hooks: ClientHooks;
}

/** How a call names its request in errors, and in log lines (`url`: redacted, not scrubbed). */
type CallDescription = RequestDescription & { url(): string };

/** One call: the prepared request and what its attempts have learnt. */
interface Call {
  request: PreparedRequest;
  signal: AbortSignal | undefined;
  startedAt: number;
  /** The request's secrets and every auth token it sent. */
  secrets: Set<string>;
  describe: CallDescription;
  attempts: number;
  /** An attempt that was retried may have acted without us hearing the answer. */
  answerLost: boolean;
}

function runtimeProduct(): string | undefined {
  // Node, Deno and Bun identify themselves in navigator.userAgent; a browser's UA is not ours to copy.
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return typeof agent === 'string' && /^(Node\.js|Deno|Bun)\/\S+$/.test(agent) ? agent : undefined;
}

/** The redacted, scrubbed description of a call's request, built once and only when needed. */
function describeCall(
  request: PreparedRequest,
  redactor: Redactor,
  secrets: Set<string>,
): CallDescription {
  let url: string | undefined;
  let redacted: RedactedRequest | undefined;
  const description: CallDescription = {
    // The log line's URL: redacting parses it, so only when a log line needs it.
    url: () => (url ??= redactor.url(request.url)),
    request: () =>
      (redacted ??= scrubRequest(
        {
          method: request.method,
          url: description.url(),
          headers: redactor.headers(new Headers(request.headers)),
        },
        [...secrets],
      )),
    where: () => `${request.method} ${description.request().url}`,
    secrets: () => [...secrets],
  };
  return description;
}

function startCall(client: Client, request: PreparedRequest, callSignal?: AbortSignal): Call {
  const clientSignal = client.signal;
  const secrets = new Set(request.secrets);
  return {
    request,
    signal:
      clientSignal && callSignal
        ? AbortSignal.any([clientSignal, callSignal])
        : (clientSignal ?? callSignal),
    startedAt: Date.now(),
    secrets,
    describe: describeCall(request, client.redactor, secrets),
    attempts: 0,
    answerLost: false,
  };
}

/** Asks the token provider (again: before each attempt) and sets `Authorization`. */
async function authorize(client: Client, call: Call): Promise<string | undefined> {
  if (!client.auth) return undefined;
  const value = await client.auth.authorization();
  call.secrets.add(value.slice(value.indexOf(' ') + 1));
  call.request.headers.authorization = value;
  return value;
}

/** An answer's headers as hooks see them: redacted, and scrubbed of the call's secrets. */
function hookHeaders(client: Client, call: Call, response: Response): Record<string, string> {
  const headers = client.redactor.headers(response.headers);
  const secrets = call.describe.secrets();
  for (const name in headers) headers[name] = scrubSecrets(headers[name] as string, secrets);
  return headers;
}

/**
 * What the hooks are told about an answer: its status and redacted, scrubbed headers. The
 * request and headers are built when first read: most hooks look at the status alone (a
 * concurrency gate, a counter), and redacting both cost more than the rest of the hook.
 */
function responseEvent(
  client: Client,
  call: Call,
  response: Response,
  durationMs: number,
): ResponseEvent {
  let headers: Record<string, string> | undefined;
  return {
    get request() {
      return call.describe.request();
    },
    attempt: call.attempts,
    status: response.status,
    get headers() {
      headers ??= hookHeaders(client, call, response);
      return headers;
    },
    durationMs,
  };
}

/** One attempt through `fetchAttempt`, logged and shown to `onResponse` and the hooks. */
async function attempt(client: Client, call: Call, input: Request): Promise<Response> {
  call.attempts++;
  const { logger, onResponse, hooks } = client;
  runHook(hooks.beforeAttempt, () => ({
    request: call.describe.request(),
    attempt: call.attempts,
  }));
  const started = Date.now();
  const { headers, body, maxResponseBytes } = call.request;
  const response = await fetchAttempt(client.transport, input, headers, body, {
    limits: { maxResponseBytes },
    redactUrl: client.redactor.url,
  });
  const durationMs = Date.now() - started;
  if (logger?.debug) {
    const { method } = call.request;
    const url = call.describe.url();
    log(logger, 'debug', `${method} ${url} → ${response.status} (attempt ${call.attempts})`, {
      method,
      url,
      status: response.status,
      attempt: call.attempts,
      durationMs,
    });
  }
  runHook(hooks.afterResponse, () => responseEvent(client, call, response, durationMs));
  if (onResponse) {
    try {
      onResponse(observableResponse(response));
    } catch {
      // The observer's failure is not the request's failure.
    }
  }
  return response;
}

/** Resolves after `ms`: `true`, or `false` at once when `signal` aborts. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * After a failed attempt: the policy's decision, logged, and its wait slept (abortable).
 * `retry` is the retry about to be made, 1 for the first. False: the call fails with `error`.
 */
async function retryAfterWait(
  client: Client,
  call: Call,
  error: unknown,
  retry: number,
): Promise<boolean> {
  const { method, maxRetries, totalTimeout } = call.request;
  if (retry > maxRetries || call.signal?.aborted) return false;
  const decision = decideRetry(error, {
    method,
    retry,
    deadline: call.startedAt + totalTimeout,
    maxRetryAfter: client.maxRetryAfter,
    backoff: client.backoff,
  });
  if (!decision.retry) return false;
  call.answerLost ||= decision.answerLost;
  const { reason, delay } = decision;
  // Built only for a hook that is set: describing the request redacts it.
  const event = () => ({ request: call.describe.request(), attempt: call.attempts, reason });
  if (decision.answerLost) runHook(client.hooks.onAnswerLost, event);
  runHook(client.hooks.beforeRetry, () => ({ ...event(), delayMs: delay, retry, maxRetries }));
  if (client.logger?.info) {
    const url = call.describe.url();
    log(
      client.logger,
      'info',
      `Retrying ${method} ${url} after ${reason} in ${delay} ms (retry ${retry} of ${maxRetries})`,
      { method, url, reason, retry, attempt: retry + 1, waitMs: delay },
    );
  }
  return wait(decision.delay, call.signal);
}

/**
 * What ky gets for one attempt: only what differs per call. ky sends it and times it; core runs
 * the retries, so ky keeps no retry state and clones no Request. The headers and body go to the
 * transport (`attempt`), not through ky's copies. The attempt's timeout ends at the call's
 * deadline at the latest (`mapError` then names the deadline).
 */
function kyOptions(client: Client, call: Call, remaining: number): KyOptions {
  const { request, signal } = call;
  return {
    method: request.method,
    ...(signal ? { signal } : {}),
    timeout: Math.min(request.timeout, remaining),
    retry: 0,
    // ky always passes a Request; the conversion only satisfies its wider parameter type.
    fetch: (input, init) =>
      attempt(client, call, input instanceof Request ? input : new Request(input, init)),
  };
}

/**
 * The call's attempts: the first, then one per retry the policy allows, each with a fresh
 * `Authorization`. Resolves with the first successful response; rejects with the last raw
 * error (ky's or fetch's), mapped by the caller.
 */
async function attempts(client: Client, call: Call): Promise<Response> {
  const deadline = call.startedAt + call.request.totalTimeout;
  for (let retry = 1; ; retry++) {
    try {
      const remaining = deadline - Date.now();
      // A wait ends before the deadline (`decideRetry`), but its timer may fire late.
      if (remaining <= 0) throw new KyTimeoutError(new Request(call.request.url));
      return await ky(call.request.url, kyOptions(client, call, remaining));
    } catch (error) {
      if (!(await retryAfterWait(client, call, error, retry))) throw error;
    }
    await authorize(client, call);
  }
}

/** The call's error, mapped (no raw ky error escapes) and logged. */
function failure(client: Client, call: Call, error: unknown): Error {
  const { request, describe } = call;
  const mapped = mapError(error, {
    request: describe.request(),
    signal: call.signal,
    secrets: describe.secrets(),
    errorDetails: client.errorDetails,
    timeout: request.timeout,
    totalTimeout: request.totalTimeout,
    startedAt: call.startedAt,
  });
  if (client.logger?.debug) {
    const url = describe.url();
    log(client.logger, 'debug', `${request.method} ${url} failed: ${mapped.name}`, {
      method: request.method,
      url,
      error: mapped.name,
      status: (mapped as { status?: unknown }).status,
      attempts: call.attempts,
    });
  }
  const event = () => ({ request: describe.request(), attempt: call.attempts });
  if (isAnswerLost(mapped)) {
    runHook(client.hooks.onAnswerLost, () => ({ ...event(), reason: mapped.name }));
  }
  if (isTokenkitError(mapped)) {
    runHook(client.hooks.beforeError, () => ({ ...event(), error: mapped }));
  }
  return mapped;
}

/**
 * A DELETE that a lost answer may have done already: when a retry then finds nothing (404),
 * the resource is gone as asked, and the call resolves with `deletedBody`.
 */
function deletedAfterLostAnswer(
  call: Call,
  descriptor: HttpRequest,
  error: unknown,
): HttpResponse<unknown> | undefined {
  if (!call.answerLost || call.request.method !== 'DELETE') return undefined;
  if (!isHTTPError(error) || error.response.status !== 404) return undefined;
  const { headers, status } = error.response;
  return { data: descriptor.deletedBody, status, headers, requestId: readRequestId(headers) };
}

async function send(
  client: Client,
  descriptor: HttpRequest,
  options: RequestOptions = {},
): Promise<HttpResponse<unknown>> {
  const call = startCall(
    client,
    prepareRequest(descriptor, options, client.defaults),
    options.signal,
  );
  await authorize(client, call);
  let response: Response;
  try {
    response = await attempts(client, call);
  } catch (error) {
    const deleted = deletedAfterLostAnswer(call, descriptor, error);
    if (deleted) return deleted;
    throw failure(client, call, error);
  }
  return readResponse(response, descriptor, call.describe);
}

/**
 * Creates the transport a vendor package is built on: one ky instance, auth, default headers, a
 * User-Agent, timeouts, the retry policy, error mapping and redaction.
 *
 * @throws RequestValidationError for an invalid `baseUrl` (or one with a user name or password,
 *   or plain http to a host that is not loopback),
 *   header, timeout or retry count.
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
  return createHttpClientOn(
    options,
    fetchTransport(options.fetch ?? ((input, init) => globalThis.fetch(input, init))),
  );
}

/** {@link createHttpClient} sending through `transport` (the node entry's is `node:http`). */
export function createHttpClientOn(options: HttpClientOptions, transport: Transport): HttpClient {
  const baseUrlField = options.baseUrlField ?? 'baseUrl';
  const baseUrl = parseBaseUrl(options.baseUrl, baseUrlField);
  checkBaseUrlSecurity(baseUrl, baseUrlField);
  checkDuration(options.timeout, 'timeout');
  checkDuration(options.totalTimeout, 'totalTimeout');
  checkRetries(options.maxRetries, 'maxRetries');
  checkByteLimit(options.maxResponseBytes, 'maxResponseBytes');
  const userAgent = [options.userAgent, `@tokenkit/core/${VERSION}`, runtimeProduct()]
    .filter((part) => part)
    .join(' ');
  const client: Client = {
    defaults: {
      baseUrl,
      // A plain object with lower-case names, copied (not re-validated) per request.
      headers: Object.fromEntries(
        mergeHeaders(
          new Headers({ accept: 'application/json', 'user-agent': userAgent }),
          options.headers,
        ),
      ),
      timeout: options.timeout ?? 30_000,
      totalTimeout: options.totalTimeout ?? 120_000,
      maxRetries: options.maxRetries ?? 2,
      maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    },
    transport,
    redactor: createRedactor(options.redaction),
    errorDetails: options.errorDetails ?? defaultErrorDetails,
    auth: options.auth,
    logger: options.logger,
    onResponse: options.onResponse,
    signal: options.signal,
    backoff: options.backoff,
    maxRetryAfter: options.maxRetryAfter ?? 60_000,
    hooks: options.hooks ?? {},
  };
  const request = (descriptor: HttpRequest, callOptions?: RequestOptions) =>
    send(client, descriptor, callOptions);
  return { request: request as HttpClient['request'], baseUrl };
}
