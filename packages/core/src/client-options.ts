import type { FetchFunction } from './fetch-attempt.js';
import type { HeaderInput } from './headers.js';
import type { ClientHooks } from './hooks.js';
import type { Logger } from './logger.js';
import type { RedactionOptions } from './redact.js';
import type { BackoffOptions } from './retry-policy.js';

/**
 * The options a vendor client takes from its users and hands to core unchanged. A vendor's
 * options interface extends this, so each option is documented once, here:
 * `interface AcmeClientOptions extends ClientOptions { apiKey: string }`, then
 * `createHttpClient({ ...pickClientOptions(options), baseUrl, auth })`.
 */
export interface ClientOptions {
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
  /**
   * The most body bytes one answer may have, counted after decompression; a larger answer ends
   * the call with a `ResponseTooLargeError` and is never decoded in full. @default 33554432 (32 MiB)
   */
  maxResponseBytes?: number | undefined;
  /** Observe each attempt, response, retry wait and lost answer; see {@link ClientHooks}. @default {} */
  hooks?: ClientHooks | undefined;
  /** The fetch to use (tests, proxies, other runtimes). @default `node:http`/`node:https` on Node, `globalThis.fetch` elsewhere */
  fetch?: FetchFunction | undefined;
  /** A signal that aborts every call of this client. @default undefined */
  signal?: AbortSignal | undefined;
  /** Receives one `debug` line per attempt and per failed call, one `info` line per retry; never secrets or bodies. @default undefined (off) */
  logger?: Logger | undefined;
  /** Extra headers and query parameters that may appear unredacted in errors and logs. @default {} */
  redaction?: RedactionOptions | undefined;
}

const clientOptionNames = [
  'headers',
  'timeout',
  'totalTimeout',
  'maxRetries',
  'maxRetryAfter',
  'backoff',
  'maxResponseBytes',
  'hooks',
  'fetch',
  'signal',
  'logger',
  'redaction',
] as const satisfies readonly (keyof ClientOptions)[];

/**
 * The {@link ClientOptions} out of a vendor client's options (the ones that are set), to hand to
 * {@link createHttpClient}; the vendor's own options stay behind.
 */
export function pickClientOptions(options: ClientOptions): ClientOptions {
  const picked: Record<string, unknown> = {};
  for (const name of clientOptionNames) {
    if (options[name] !== undefined) picked[name] = options[name];
  }
  return picked as ClientOptions;
}
