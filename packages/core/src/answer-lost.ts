import {
  isConnectionError,
  isResponseTooLargeError,
  isResponseValidationError,
  isServerError,
  isTimeoutError,
} from './guards.js';

/**
 * Connection error codes that settle the outcome: the request never left (refused, no such host,
 * DNS unreachable), or the server answered with redirects core would not follow.
 */
const settledConnectionCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EREDIRECT',
  'ETOOMANYREDIRECTS',
]);

/**
 * True when a connection failure with this system error code may have lost an answer: any code
 * but the few that prove nothing was done, and no code at all (a socket closed under the
 * request, or mid-body). Unknown counts as lost because that is the safe side: checking costs one
 * read, while a lost answer taken for "not sent" can lose a token's secret.
 */
export function connectionAnswerLost(code: string | undefined): boolean {
  return code === undefined || !settledConnectionCodes.has(code);
}

/** True for a status whose answer says nothing about what the server did (any 5xx). */
export function statusAnswerLost(status: number): boolean {
  return status >= 500;
}

/**
 * True when the request may have reached the server but its answer was lost, so its effect is
 * unknown: a create may have created, a delete may have deleted. Then check before acting again,
 * never assume either way.
 *
 * | error                                                              | answer lost |
 * | ------------------------------------------------------------------ | ----------- |
 * | `ConnectionError` after sending (reset, closed, dropped mid-body)  | yes         |
 * | `TimeoutError` (an attempt's `timeout` or the `totalTimeout`)      | yes         |
 * | `ServerError` (any 5xx, a proxy's 502 HTML page included)          | yes         |
 * | `ResponseValidationError` with `kind: 'invalid-json'` (truncated, too deep) | yes |
 * | `ResponseTooLargeError` (the body was not read in full)            | yes         |
 * | `ConnectionError` `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`         | no: never sent |
 * | `ConnectionError` `EREDIRECT`, `ETOOMANYREDIRECTS`                 | no: answered |
 * | `ResponseValidationError` with `kind: 'schema'`                    | no: answered |
 * | other `ApiError` (4xx), `RequestValidationError`, `AbortError`, anything else | no |
 *
 * @example
 * try {
 *   return await client.apiTokens.postApiToken(token);
 * } catch (error) {
 *   if (!isAnswerLost(error)) throw error;
 *   // The token may exist: look it up before sending the create again.
 * }
 */
export function isAnswerLost(error: unknown): boolean {
  if (isServerError(error) || isTimeoutError(error) || isResponseTooLargeError(error)) return true;
  if (isConnectionError(error)) return connectionAnswerLost(error.code);
  if (isResponseValidationError(error)) return error.kind === 'invalid-json';
  return false;
}
