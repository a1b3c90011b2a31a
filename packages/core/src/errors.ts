/**
 * The error tree. Every error is a {@link TokenkitError}; nothing here ever holds a credential:
 * requests are stored redacted, there is no `cause` pointing at raw transport errors (only the
 * two lifecycle errors keep one, the error that stopped them), and `toJSON` / `util.inspect`
 * print only the fields declared below.
 */

/** Marks our errors so the name-based guards cannot be fooled by a DOMException of the same name. */
const brand = Symbol.for('@tokenkit/core/error');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/** A redacted description of the request that failed. */
export interface RedactedRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** The URL with credentials and non-allow-listed query values replaced by `REDACTED`. */
  readonly url: string;
  /** Request headers; values outside the allow-list read `REDACTED`, `authorization` keeps only its scheme. */
  readonly headers: Readonly<Record<string, string>>;
}

/** One validation problem, with its location as a readable path (`scope[2]`, `items[0].name`). */
export interface ValidationIssue {
  /** Where the problem is; `''` for the value itself. */
  readonly path: string;
  /** What is wrong, in plain words. */
  readonly message: string;
}

/** The base of every error thrown by tokenkit. */
export class TokenkitError extends Error {
  static {
    TokenkitError.prototype.name = 'TokenkitError';
  }

  /** The request this error is about, redacted, when there was one. */
  readonly request: RedactedRequest | undefined;

  /** @param message - Safe to print: callers never put secrets in it. */
  constructor(message: string, request?: RedactedRequest) {
    super(message);
    this.request = request;
    Object.defineProperty(this, brand, { value: true });
  }

  /** The fields worth printing; what `JSON.stringify(error)` shows. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...this.details() };
  }

  /** Subclass fields for {@link TokenkitError.toJSON}. */
  protected details(): Record<string, unknown> {
    return this.request === undefined ? {} : { request: this.request };
  }

  /** Node's `util.inspect`: the stack plus the declared fields, never anything else. */
  [inspectCustom](
    _depth: number,
    options: unknown,
    inspect?: (value: unknown, options: unknown) => string,
  ): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const rendered = inspect ? inspect(fields, options) : JSON.stringify(fields);
    return `${this.stack ?? `${this.name}: ${this.message}`} ${rendered}`;
  }
}

/** What {@link ApiError} and its subclasses are built from. */
export interface ApiErrorInit {
  /** HTTP status code. */
  status: number;
  /** Message already combined from the vendor message and the status. */
  message: string;
  /** The parsed error body (JSON), a text snippet of at most 200 characters, or `undefined`. */
  body: unknown;
  /** The vendor's error type or code, e.g. `NotFound`. */
  vendorType: string | undefined;
  /** The vendor's own message, without the status. */
  vendorMessage: string | undefined;
  /** The value of a request id response header, if any. */
  requestId: string | undefined;
  /** The redacted request. */
  request: RedactedRequest;
  /** Milliseconds the server asked us to wait (429 only). */
  retryAfterMs?: number | undefined;
}

/** The server answered with a non-success status. */
export class ApiError extends TokenkitError {
  static {
    ApiError.prototype.name = 'ApiError';
  }
  /** HTTP status code. */
  readonly status: number;
  /** The parsed error body (JSON), or a text snippet (≤ 200 characters) for non-JSON bodies. */
  readonly body: unknown;
  /** The vendor's error type or code, e.g. `NotFound`. */
  readonly vendorType: string | undefined;
  /** The vendor's own message, without the status. */
  readonly vendorMessage: string | undefined;
  /** The request id the server returned (`x-request-id`, `x-correlation-id`, …). */
  readonly requestId: string | undefined;
  declare readonly request: RedactedRequest;

  constructor(init: ApiErrorInit) {
    super(init.message, init.request);
    this.status = init.status;
    this.body = init.body;
    this.vendorType = init.vendorType;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
  }

  protected override details(): Record<string, unknown> {
    return {
      status: this.status,
      vendorType: this.vendorType,
      vendorMessage: this.vendorMessage,
      requestId: this.requestId,
      body: this.body,
      ...super.details(),
    };
  }
}

/** 400: the server rejected the request as malformed. */
export class BadRequestError extends ApiError {
  static {
    BadRequestError.prototype.name = 'BadRequestError';
  }
}
/** 401: the credential is missing, wrong or expired. */
export class AuthenticationError extends ApiError {
  static {
    AuthenticationError.prototype.name = 'AuthenticationError';
  }
}
/** 403: the credential is valid but lacks a permission or scope. */
export class PermissionDeniedError extends ApiError {
  static {
    PermissionDeniedError.prototype.name = 'PermissionDeniedError';
  }
}
/** 404: the resource does not exist (or is not visible to this credential). */
export class NotFoundError extends ApiError {
  static {
    NotFoundError.prototype.name = 'NotFoundError';
  }
}
/** 409: the request conflicts with the current state. */
export class ConflictError extends ApiError {
  static {
    ConflictError.prototype.name = 'ConflictError';
  }
}
/** 422: the request was well-formed but semantically invalid. */
export class UnprocessableEntityError extends ApiError {
  static {
    UnprocessableEntityError.prototype.name = 'UnprocessableEntityError';
  }
}
/** 429: too many requests; retries were exhausted or the server's wait exceeded the cap. */
export class RateLimitError extends ApiError {
  static {
    RateLimitError.prototype.name = 'RateLimitError';
  }
  /** Milliseconds the server asked us to wait (`Retry-After` / `X-RateLimit-Reset`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), retryAfterMs: this.retryAfterMs };
  }
}
/** 5xx: the server failed. */
export class ServerError extends ApiError {
  static {
    ServerError.prototype.name = 'ServerError';
  }
}

/** No response arrived: connection refused or reset, DNS failure, TLS failure. */
export class ConnectionError extends TokenkitError {
  static {
    ConnectionError.prototype.name = 'ConnectionError';
  }
  /** The system error code found in the transport error's cause chain (e.g. `ECONNREFUSED`). */
  readonly code: string | undefined;

  constructor(message: string, options: { request?: RedactedRequest; code?: string | undefined }) {
    super(message, options.request);
    this.code = options.code;
  }

  protected override details(): Record<string, unknown> {
    return { code: this.code, ...super.details() };
  }
}

/** An attempt exceeded `timeout`, or the whole call exceeded `totalTimeout`. */
export class TimeoutError extends TokenkitError {
  static {
    TimeoutError.prototype.name = 'TimeoutError';
  }
  /** Which limit fired: one attempt's `timeout` or the overall `totalTimeout`. */
  readonly kind: 'attempt' | 'total';
  /** The limit that fired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(
    message: string,
    options: { request?: RedactedRequest; kind: 'attempt' | 'total'; timeoutMs: number },
  ) {
    super(message, options.request);
    this.kind = options.kind;
    this.timeoutMs = options.timeoutMs;
  }

  protected override details(): Record<string, unknown> {
    return { kind: this.kind, timeoutMs: this.timeoutMs, ...super.details() };
  }
}

/** The caller's `signal` aborted the call (during a request or while waiting to retry). */
export class AbortError extends TokenkitError {
  static {
    AbortError.prototype.name = 'AbortError';
  }
}

/** Bad input, detected before any byte was sent. */
export class RequestValidationError extends TokenkitError {
  static {
    RequestValidationError.prototype.name = 'RequestValidationError';
  }
  /** The offending field, as a path (`apiToken.scope[2]`, `headers.losantdomain`, `path[1]`). */
  readonly field: string;
  /** Every problem found. */
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, options: { field: string; issues?: readonly ValidationIssue[] }) {
    super(message);
    this.field = options.field;
    this.issues = options.issues ?? [{ path: options.field, message }];
  }

  protected override details(): Record<string, unknown> {
    return { field: this.field, issues: this.issues };
  }
}

/** The server's answer broke the contract: invalid JSON, or a known field of the wrong type. */
export class ResponseValidationError extends TokenkitError {
  static {
    ResponseValidationError.prototype.name = 'ResponseValidationError';
  }
  /**
   * `'invalid-json'`: the body could not be parsed (cut short, or not JSON at all), so what the
   * server said is unknown. `'schema'`: the body was read and parsed, and the response schema
   * rejected it.
   */
  readonly kind: 'invalid-json' | 'schema';
  /** Every problem found, each with its path in the response body. */
  readonly issues: readonly ValidationIssue[];
  /** HTTP status of the response. */
  readonly status: number;
  /** The request id the server returned, if any. */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    options: {
      kind: 'invalid-json' | 'schema';
      issues: readonly ValidationIssue[];
      status: number;
      requestId: string | undefined;
      request: RedactedRequest;
    },
  ) {
    super(message, options.request);
    this.kind = options.kind;
    this.issues = options.issues;
    this.status = options.status;
    this.requestId = options.requestId;
  }

  protected override details(): Record<string, unknown> {
    return {
      kind: this.kind,
      status: this.status,
      requestId: this.requestId,
      issues: this.issues,
      ...super.details(),
    };
  }
}

/**
 * The answer's body grew past `maxResponseBytes` (counted after decompression): core stopped
 * reading and closed the connection, so the body was never parsed. A create or update that got
 * this answer may have acted: `isAnswerLost` says true.
 */
export class ResponseTooLargeError extends TokenkitError {
  static {
    ResponseTooLargeError.prototype.name = 'ResponseTooLargeError';
  }
  /** The limit the body exceeded, in bytes. */
  readonly maxResponseBytes: number;
  /** HTTP status of the response. */
  readonly status: number;
  /** The request id the server returned, if any (scrubbed of the call's secrets). */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    options: {
      maxResponseBytes: number;
      status: number;
      requestId?: string | undefined;
      request?: RedactedRequest | undefined;
    },
  ) {
    super(message, options.request);
    this.maxResponseBytes = options.maxResponseBytes;
    this.status = options.status;
    this.requestId = options.requestId;
  }

  protected override details(): Record<string, unknown> {
    return {
      maxResponseBytes: this.maxResponseBytes,
      status: this.status,
      requestId: this.requestId,
      ...super.details(),
    };
  }
}

/**
 * What a cause shows in `toJSON`: a tokenkit error prints its own (safe) fields; any other error
 * only its name, since its message may quote a secret (a delivery command's output, say).
 */
function causeDetails(cause: unknown): unknown {
  if (typeof cause !== 'object' || cause === null) return typeof cause;
  // The brand, not instanceof: the cause may come from another copy of core.
  const { toJSON } = cause as { toJSON?: unknown };
  if (brand in cause && typeof toJSON === 'function') return toJSON.call(cause);
  return { name: cause instanceof Error ? cause.name : typeof cause };
}

/** Sets `cause` as `new Error(message, { cause })` would: own, not enumerable. */
function setCause(error: Error, cause: unknown): void {
  Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
}

/** The step of a rotation that failed: read → create → deliver → verify → revoke. */
export type RotationStep = 'read' | 'create' | 'deliver' | 'verify' | 'revoke';

/**
 * What became of a rotation's replacement: never made, deleted again, kept (and working), or
 * unknown (its create or its deletion lost its answer: check `replacementId`, or the
 * `candidateIds` of a `CreateOutcomeUnknownError` cause).
 */
export type ReplacementState = 'none' | 'deleted' | 'kept' | 'unknown';

/**
 * What truly became of the token being rotated: untouched, deleted, deactivated, or unknown
 * (revoking it lost its answer: check whether it still exists).
 */
export type OldTokenState = 'untouched' | 'deleted' | 'deactivated' | 'unknown';

/** What {@link RotationError} is built from; every field is also on the error. */
export interface RotationErrorOptions {
  /** The step that failed. */
  step: RotationStep;
  /** The id of the token being rotated. */
  oldTokenId: string;
  /** The id of the replacement, once it was created. */
  replacementId?: string | undefined;
  /** What became of the replacement. */
  replacement: ReplacementState;
  /** What became of the old token. */
  old: OldTokenState;
  /** The error that made the step fail. */
  cause: unknown;
}

/**
 * A rotation failed at one step (`step`). The message and the fields say exactly what was left
 * behind: whether a replacement exists (`replacement`, `replacementId`) and what became of the
 * old token (`old`). `cause` is the error that stopped it; a create whose outcome could not be
 * settled has a `CreateOutcomeUnknownError` cause with the ids to check.
 */
export class RotationError extends TokenkitError {
  static {
    RotationError.prototype.name = 'RotationError';
  }
  /** The step that failed. */
  readonly step: RotationStep;
  /** The id of the token being rotated. */
  readonly oldTokenId: string;
  /** The id of the replacement, when one was created. */
  readonly replacementId: string | undefined;
  /** What became of the replacement. */
  readonly replacement: ReplacementState;
  /** What became of the old token. */
  readonly old: OldTokenState;
  declare readonly cause: unknown;

  /** @param message - Safe to print: the lifecycle engine never puts a secret in it. */
  constructor(message: string, options: RotationErrorOptions) {
    super(message);
    this.step = options.step;
    this.oldTokenId = options.oldTokenId;
    this.replacementId = options.replacementId;
    this.replacement = options.replacement;
    this.old = options.old;
    setCause(this, options.cause);
  }

  protected override details(): Record<string, unknown> {
    return {
      step: this.step,
      oldTokenId: this.oldTokenId,
      replacementId: this.replacementId,
      replacement: this.replacement,
      old: this.old,
      cause: causeDetails(this.cause),
    };
  }
}

/** What {@link TokenDeliveryError} is built from; every field is also on the error. */
export interface TokenDeliveryErrorOptions {
  /** The id of the token that was created. */
  tokenId: string;
  /** What became of it once its delivery failed. */
  token: Exclude<ReplacementState, 'none'>;
  /** Why the delivery failed (the caller's `deliver` threw this, or an `AbortError`). */
  cause: unknown;
}

/**
 * A token was created but its secret could not be delivered, so `createToken` tried to delete
 * it: `token` says whether it is gone (`deleted`), may still exist (`unknown`: the deletion
 * lost its answer) or still exists (`kept`: the deletion was refused). `cause` is the delivery's
 * error; the message never quotes it, since a caller's error might hold the secret.
 */
export class TokenDeliveryError extends TokenkitError {
  static {
    TokenDeliveryError.prototype.name = 'TokenDeliveryError';
  }
  /** The id of the token that was created. */
  readonly tokenId: string;
  /** What became of it. */
  readonly token: Exclude<ReplacementState, 'none'>;
  declare readonly cause: unknown;

  /** @param message - Safe to print: the lifecycle engine never puts a secret in it. */
  constructor(message: string, options: TokenDeliveryErrorOptions) {
    super(message);
    this.tokenId = options.tokenId;
    this.token = options.token;
    setCause(this, options.cause);
  }

  protected override details(): Record<string, unknown> {
    return { tokenId: this.tokenId, token: this.token, cause: causeDetails(this.cause) };
  }
}

/** What {@link CreateOutcomeUnknownError} is built from; every field is also on the error. */
export interface CreateOutcomeUnknownErrorOptions {
  /** Tokens that may be the one this create made (empty when none could be told apart). */
  candidateIds: readonly string[];
  /** The error that lost the create's answer (see `isAnswerLost`). */
  cause: unknown;
}

/**
 * A create whose answer was lost, and whose outcome the vendor package could not settle without
 * risking someone else's token: it may or may not exist. `candidateIds` lists the tokens that
 * match, for a person to check; nothing was deleted.
 */
export class CreateOutcomeUnknownError extends TokenkitError {
  static {
    CreateOutcomeUnknownError.prototype.name = 'CreateOutcomeUnknownError';
  }
  /** Tokens that may be the one this create made. */
  readonly candidateIds: readonly string[];
  declare readonly cause: unknown;

  /** @param message - Safe to print: the vendor package never puts a secret in it. */
  constructor(message: string, options: CreateOutcomeUnknownErrorOptions) {
    super(message);
    this.candidateIds = [...options.candidateIds];
    setCause(this, options.cause);
  }

  protected override details(): Record<string, unknown> {
    return { candidateIds: this.candidateIds, cause: causeDetails(this.cause) };
  }
}

/** Picks the {@link ApiError} subclass for a status. */
export function createApiError(init: ApiErrorInit): ApiError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 422:
      return new UnprocessableEntityError(init);
    case 429:
      return new RateLimitError(init);
    default:
      return init.status >= 500 ? new ServerError(init) : new ApiError(init);
  }
}
