import type { AuthStrategy } from './auth.js';
import type { ClientOptions } from './client-options.js';
import type { HeaderInput } from './headers.js';
import type { ErrorDetailsReader } from './map-error.js';
import type { QueryValue } from './query.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/*
 * The public shapes of the transport: what a vendor package configures, what one request is,
 * and what comes back. `http-client.ts` holds the code.
 */

/** The HTTP methods the vendor token APIs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Options for {@link createHttpClient}: the vendor package's settings plus {@link ClientOptions}. */
export interface HttpClientOptions extends ClientOptions {
  /** Origin plus optional path prefix, e.g. `https://api.losant.com` or `https://unit-tenant.instana.io`. */
  baseUrl: string;
  /** The name the caller knows `baseUrl` by (e.g. `url`), used in validation messages. @default 'baseUrl' */
  baseUrlField?: string | undefined;
  /** Produces the `Authorization` header; see {@link createTokenAuth}. @default no auth */
  auth?: AuthStrategy | undefined;
  /** The vendor package's product token, e.g. `@tokenkit/losant/1.0.0`; core appends its own and the runtime. @default '' */
  userAgent?: string | undefined;
  /** Reads the vendor's `{ type, message }` from an error body. @default reads message/error/errors[0] and type/code */
  errorDetails?: ErrorDetailsReader | undefined;
  /** Called with every response received (each attempt), e.g. to keep a rate-limit snapshot. @default undefined */
  onResponse?: ((response: Response) => void) | undefined;
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
  /** The most body bytes (after decoding) an answer may have. @default the client's `maxResponseBytes` */
  maxResponseBytes?: number | undefined;
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
