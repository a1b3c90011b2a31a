import type { ServerResponse } from 'node:http';

/**
 * The simple way to answer a request: a plain object instead of driving `ServerResponse`.
 *
 * - `status` defaults to 200.
 * - `body` is sent as-is when it is a string and JSON-encoded (with `content-type:
 *   application/json`) otherwise; `undefined` (or status 204) sends an empty body.
 * - `headers` are added last, so they can override the content type.
 * - `delayMs` waits before answering, to make a client time out.
 */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

/** Writes `reply` to `response` (see {@link Reply} for the encoding rules); ignores `delayMs`. */
export function sendReply(response: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  const text =
    reply.body === undefined || status === 204
      ? ''
      : typeof reply.body === 'string'
        ? reply.body
        : JSON.stringify(reply.body);
  const isJson = reply.body !== undefined && typeof reply.body !== 'string';
  response.writeHead(status, {
    ...(isJson ? { 'content-type': 'application/json' } : {}),
    ...reply.headers,
  });
  response.end(text);
}

/** Sends `body` JSON-encoded with `status` and `content-type: application/json` (plus `headers`). */
export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
