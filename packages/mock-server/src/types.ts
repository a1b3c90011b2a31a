import type { IncomingHttpHeaders } from 'node:http';
import type {
  InstanaApiToken,
  InstanaTokenSeed,
  LosantApiToken,
  LosantApplication,
  LosantApplicationSeed,
  LosantCreatedApiToken,
  LosantOwner,
  LosantTokenSeed,
} from './models.js';

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /**
   * TCP port to listen on; `0` picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Interface to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Instana calls allowed per API token per hour before the server answers 429.
   * @default 5000
   */
  readonly instanaRateLimit?: number;
  /**
   * Makes every generated id, token and secret deterministic (same seed, same values, given the
   * same clock and the same requests). Without it they come from `crypto.randomBytes`.
   */
  readonly seed?: number | string;
  /**
   * The server's clock: creation dates, expiry checks and the Instana rate-limit window read it.
   * @default () => Date.now()
   */
  readonly now?: () => Date | number;
  /**
   * How many entries `mock.requests` keeps; the oldest are dropped first.
   * @default 10000
   */
  readonly requestLogLimit?: number;
}

/** What the mock seeded on its Losant side: a user credential and the resources that exist. */
export interface SeededLosant {
  /** A user credential with scope `['all.User']`: every one of the 15 actions accepts it. */
  readonly accessToken: string;
  /** The one instance that exists. */
  readonly instanceId: string;
  /** The one application that exists (more appear when `store.losant.add` names one). */
  readonly applicationId: string;
  /** The user behind `/me`. */
  readonly userId: string;
}

/** What the mock seeded on its Instana side: an API token. */
export interface SeededInstana {
  /** An API token with `canConfigureApiTokens: true`; it is not part of the listed store. */
  readonly apiToken: string;
}

/** Options of `store.losant.addApplications`. */
export interface AddApplicationsOptions {
  /**
   * How many application API tokens each new application gets.
   * @default 0
   */
  readonly tokensEach?: number;
  /** The organization that owns them; without it, the seeded user owns them. */
  readonly orgId?: string;
  /**
   * The organization's name, the first time `orgId` is seen.
   * @default `Organization <last 6 characters of orgId>`
   */
  readonly organizationName?: string;
}

/** Direct access to the in-memory data, for fast seeding and inspection in tests. */
export interface MockStore {
  readonly losant: {
    /**
     * Adds `tokens` (a count, or partial tokens) to `owner`'s collection without any HTTP call and
     * returns them with their secrets. Naming an unknown instance or application creates it.
     * Throws on a duplicate or malformed `id`.
     */
    add(owner: LosantOwner, tokens: number | readonly LosantTokenSeed[]): LosantCreatedApiToken[];
    /** Every token of `owner`, in insertion order (no secrets). Empty for an unknown owner. */
    list(owner: LosantOwner): LosantApiToken[];
    /** One token of `owner` (no secret), or `undefined`. */
    get(owner: LosantOwner, apiTokenId: string): LosantApiToken | undefined;
    /** Removes one token; returns whether it existed. */
    remove(owner: LosantOwner, apiTokenId: string): boolean;
    /**
     * Adds `applications` (a count, or partial applications) owned by the seeded user or by
     * `options.orgId` (the seeded user is a member of every organization), each with
     * `options.tokensEach` tokens. Throws on a duplicate or malformed id.
     */
    addApplications(
      applications: number | readonly LosantApplicationSeed[],
      options?: AddApplicationsOptions,
    ): LosantApplication[];
    /** Every application, in insertion order (the seeded one first). */
    listApplications(): LosantApplication[];
  };
  readonly instana: {
    /** Adds tokens (a count, or partial tokens; rewrites applied) and returns them unmasked. */
    add(tokens: number | readonly InstanaTokenSeed[]): InstanaApiToken[];
    /** Every stored token, unmasked, in insertion order. The seeded credential is not among them. */
    list(): InstanaApiToken[];
    /** One token by internalId, unmasked, or `undefined`. */
    get(internalId: string): InstanaApiToken | undefined;
    /** Removes one token; returns whether it existed. */
    remove(internalId: string): boolean;
  };
  /**
   * Back to the freshly seeded state: no tokens, only the seeded instance and application (no
   * organizations), fresh
   * Instana rate-limit windows. The seeded credentials stay valid.
   */
  reset(): void;
}

/**
 * Which requests a fault applies to. A string `route` starting with `/` is a path pattern
 * (`:name` matches one segment, a trailing `/*` the rest); any other string is an operation name
 * (`applicationApiTokens.post`, `getApiTokens`, …). A RegExp is tested against the path.
 */
export interface FaultTarget {
  readonly route?: string | RegExp;
  /** HTTP method, case-insensitive. */
  readonly method?: string;
}

/** Options of `faults.failNext`. */
export interface FailOptions extends FaultTarget {
  /** The status to answer with. */
  readonly status: number;
  /** Sent verbatim as `Retry-After` (seconds, or an HTTP date). */
  readonly retryAfter?: string | number;
  /** Sent as `X-RateLimit-Reset` (epoch seconds), with `X-RateLimit-Remaining: 0`. */
  readonly rateLimitReset?: number;
}

/** Options of `faults.dropNext`. */
export interface DropOptions extends FaultTarget {
  /**
   * `before-response`: the socket is destroyed before a single byte is written (the request is
   * not processed). `mid-body`: the request is processed, the headers and half the body are
   * written, then the socket is destroyed.
   * @default 'before-response'
   */
  readonly when?: 'before-response' | 'mid-body';
}

/** Options of `faults.htmlErrorNext`. */
export interface HtmlErrorOptions extends FaultTarget {
  /** @default 502 */
  readonly status?: number;
}

/** Fault injection. One-shot faults are consumed in the order they were added. */
export interface Faults {
  /** Delays every matching request by `ms` before it is handled (until `clear()`); delays add up. */
  latency(options: FaultTarget & { readonly ms: number }): void;
  /** The next `count` matching requests get `status` with a vendor-shaped error body, unprocessed. */
  failNext(count: number, options: FailOptions): void;
  /** The next `count` matching requests lose their connection. */
  dropNext(count: number, options?: DropOptions): void;
  /** The next `count` matching requests are processed, then answered with half their JSON body. */
  truncateNext(count: number, options?: FaultTarget): void;
  /** The next `count` matching requests are processed, then answered with a body that is not JSON. */
  invalidJsonNext(count: number, options?: FaultTarget): void;
  /** The next `count` matching requests get a proxy-style HTML error page, unprocessed. */
  htmlErrorNext(count: number, options?: HtmlErrorOptions): void;
  /** Removes every latency rule and every pending one-shot fault. */
  clear(): void;
}

/** The kinds of fault a request log entry can name. */
export type FaultKind =
  | 'fail'
  | 'drop-before-response'
  | 'drop-mid-body'
  | 'truncate'
  | 'invalid-json'
  | 'html-error';

/** One request as the server saw it. */
export interface RequestLogEntry {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** Query parameters (the first value of a repeated one). */
  readonly query: Readonly<Record<string, string>>;
  /** Request headers, names lower-cased, values as received (Authorization included). */
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, the raw text if it was not JSON, or `undefined` when empty. */
  readonly body: unknown;
  /** The status sent; `undefined` when the connection was dropped before any response. */
  readonly status: number | undefined;
  /** `losant`, `instana`, or `undefined` for an unknown path. */
  readonly vendor: 'losant' | 'instana' | undefined;
  /** The operation the path and method resolved to, e.g. `userApiToken.patch` or `putApiToken`. */
  readonly operation: string | undefined;
  /** The fault applied to this request, if any. */
  readonly fault: FaultKind | undefined;
  /** When the request arrived, by the server's clock. */
  readonly time: Date;
}

/** A running mock server. */
export interface MockServer {
  /** `http://host:port`, no trailing slash. Losant paths and Instana's `/api/settings/api-tokens`. */
  readonly url: string;
  readonly losant: SeededLosant;
  readonly instana: SeededInstana;
  readonly store: MockStore;
  readonly faults: Faults;
  /** A copy of the request log, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  /** Empties the request log. */
  clearRequests(): void;
  /** Stops listening, ends keep-alive connections and pending delays; resolves when closed. */
  close(): Promise<void>;
}
