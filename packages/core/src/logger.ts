/**
 * Where core reports what it does: one `debug` line per attempt, one `info` line per retry.
 * Details hold the method, the redacted URL, status, attempt, wait and duration; never header
 * values or bodies. Every method is optional; `console` fits.
 */
export interface Logger {
  /** One line per attempt (`status`, `attempt`, `durationMs`) and per failed call. */
  debug?(message: string, details?: Record<string, unknown>): void;
  /** One line per retry (`reason`, `retry`, `attempt`, `waitMs`). */
  info?(message: string, details?: Record<string, unknown>): void;
}

/** Calls one logger method, swallowing anything the logger throws. */
export function log(
  logger: Logger | undefined,
  level: keyof Logger,
  message: string,
  details: Record<string, unknown>,
): void {
  try {
    logger?.[level]?.(message, details);
  } catch {
    // A broken logger must not break the request.
  }
}
