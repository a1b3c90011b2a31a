import PQueue from 'p-queue';

/**
 * One gate for every SDK call of an audit: at most `concurrency` calls in flight (each has at
 * most one request in flight, and keeps its place until its answer is read), and a pause of
 * the whole walk when the server asks to slow down, instead of each owner failing on its own.
 * It sits around the calls, not under them as a `fetch`, so the SDK keeps its own transport.
 */
export interface RequestGate {
  /** Runs one SDK call when a place is free. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Give to the SDK clients as their `logger`: it hears of every wait their retry policy plans. */
  readonly logger: { info(message: string, details?: Record<string, unknown>): void };
  /** Pauses the walk until `until` (a spent rate-limit budget's reset). */
  pauseUntil(until: Date): void;
  /** Milliseconds left of the current pause; 0 when calls flow. */
  waitMs(): number;
}

/** Statuses that mean "too much, slow down" rather than "this request failed". */
const slowDownReasons = new Set(['429', '503']);

/**
 * Creates the gate over p-queue. A pause is never longer than `maxPauseMs` (the SDK gives up on
 * a longer server wait anyway, and the owner is then reported as not audited).
 */
export function createRequestGate(options: {
  concurrency: number;
  maxPauseMs?: number;
}): RequestGate {
  const { concurrency, maxPauseMs = 60_000 } = options;
  const queue = new PQueue({ concurrency });
  let pausedUntil = 0;
  let timer: NodeJS.Timeout | undefined;

  const pauseFor = (ms: number): void => {
    const until = Date.now() + Math.min(ms, maxPauseMs);
    if (until <= pausedUntil) return;
    pausedUntil = until;
    queue.pause();
    clearTimeout(timer);
    timer = setTimeout(() => queue.start(), until - Date.now());
  };

  return {
    run: (call) => queue.add(call),
    logger: {
      info(_message, details) {
        const { reason, waitMs } = details ?? {};
        if (
          typeof reason === 'string' &&
          slowDownReasons.has(reason) &&
          typeof waitMs === 'number'
        ) {
          pauseFor(waitMs);
        }
      },
    },
    pauseUntil: (until) => pauseFor(until.getTime() - Date.now()),
    waitMs: () => Math.max(0, pausedUntil - Date.now()),
  };
}
