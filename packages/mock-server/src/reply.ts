import { STATUS_CODES } from 'node:http';

/** What a route handler answers; the server turns it into bytes (and faults may bend it). */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-serialisable body; `undefined` sends no body at all (e.g. 204). */
  readonly body?: unknown;
}

/** A JSON reply. */
export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/** `Too Many Requests` -> `TooManyRequests`: the Losant-style error type for a bare status. */
export function statusType(status: number): string {
  return (STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z]/g, '');
}

/** The status line's reason phrase, or `Error` for an unregistered code. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
