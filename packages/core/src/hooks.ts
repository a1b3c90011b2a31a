import type { RedactedRequest, TokenkitError } from './errors.js';

/*
 * Client hooks, named as ky names its own (`beforeRequest`, `afterResponse`, `beforeRetry`,
 * `beforeError`): observers of a call's attempts, so an app can show progress, count retries or
 * keep a rate-limit snapshot without wrapping `fetch`. Every event is built from the redacted
 * request and scrubbed values: no hook ever sees a credential or a body.
 */

/** What every hook event says about the call. */
export interface HookEvent {
  /** The request, redacted (credentials and non-allow-listed values read `REDACTED`). */
  readonly request: RedactedRequest;
  /** The attempt this event is about: 1 for the first, 2 for the first retry, … */
  readonly attempt: number;
}

/** An answer received: its status and its headers, redacted. */
export interface ResponseEvent extends HookEvent {
  /** HTTP status. */
  readonly status: number;
  /** Response headers; values outside the allow-list read `REDACTED`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Milliseconds from sending the attempt to having its whole body. */
  readonly durationMs: number;
}

/** A retry about to wait: why, and for how long. `attempt` is the one that failed. */
export interface RetryEvent extends HookEvent {
  /** Why the last attempt is retried, e.g. `429`, `503`, `timeout`, `connection error`. */
  readonly reason: string;
  /** How long core waits before the retry, in ms (the server's `Retry-After`, or backoff). */
  readonly delayMs: number;
  /** The retry about to be made: 1 for the first. */
  readonly retry: number;
  /** How many retries the call allows. */
  readonly maxRetries: number;
}

/** An attempt whose answer was lost: it may have acted (see `isAnswerLost`). */
export interface AnswerLostEvent extends HookEvent {
  /** Why the answer counts as lost, e.g. `timeout`, `503`, `connection error`. */
  readonly reason: string;
}

/** The call failed: the error it rejects with (already redacted and scrubbed). */
export interface FailureEvent extends HookEvent {
  /** The error the call rejects with. */
  readonly error: TokenkitError;
}

/**
 * Observers of a client's calls. A hook runs synchronously; what it throws is ignored (an
 * observer's failure is not the request's), and it cannot change the request.
 */
export interface ClientHooks {
  /** Before each attempt, the first and every retry. @default undefined */
  beforeAttempt?: ((event: HookEvent) => void) | undefined;
  /** After each answer (an error status included), once its body was read. @default undefined */
  afterResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Before the wait ahead of a retry, with its reason and delay. @default undefined */
  beforeRetry?: ((event: RetryEvent) => void) | undefined;
  /** When an attempt's answer was lost: a create may have created, a delete deleted. @default undefined */
  onAnswerLost?: ((event: AnswerLostEvent) => void) | undefined;
  /** Once, before a call rejects, with its error. @default undefined */
  beforeError?: ((event: FailureEvent) => void) | undefined;
}

/** Runs one hook, if set; what it throws is dropped. */
export function runHook<Event>(hook: ((event: Event) => void) | undefined, event: () => Event) {
  if (hook === undefined) return;
  try {
    hook(event());
  } catch {
    // The observer's failure is not the request's failure.
  }
}
