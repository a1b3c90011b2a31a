import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientHooks } from '@tokenkit/losant';
import PQueue from 'p-queue';

/**
 * One gate for every SDK call of an audit: at most `concurrency` requests in flight, and a pause
 * of the whole walk when the server asks to slow down, instead of each owner failing on its own.
 * It sits around the calls, not under them as a `fetch`, so the SDK keeps its own transport.
 * A call holds its place until its answer is in (the SDK's `afterResponse` hook), not until it
 * settles: parsing and validating the answer need no request slot, and answers that arrive
 * together would otherwise keep their slots while they are worked through one after another.
 */
export interface RequestGate {
  /** Runs one SDK call when a place is free. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Give to the SDK clients as their `logger`: it hears of every wait their retry policy plans. */
  readonly logger: { info(message: string, details?: Record<string, unknown>): void };
  /** Give to the SDK clients as their `hooks`: an answer that will not be retried frees its place. */
  readonly hooks: Pick<ClientHooks, 'afterResponse'>;
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
  // The SDK's hooks run inside the call that `run` started: this finds that call's `release`.
  const places = new AsyncLocalStorage<() => void>();
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

  // A call keeps its place in the queue until it is released: when its answer is in, or when
  // it settles, whichever comes first (a second release changes nothing).
  const run = <T>(call: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      void queue.add(
        () =>
          new Promise<void>((release) => {
            // `async`: a call that throws at once rejects like one that fails later.
            places
              .run(release, async () => call())
              .then(resolve, reject)
              .finally(release);
          }),
      );
    });

  return {
    run,
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
    hooks: {
      // A success is never retried; any other answer may be, so it keeps its place.
      afterResponse: (event) => {
        if (event.status >= 200 && event.status < 300) places.getStore()?.();
      },
    },
    pauseUntil: (until) => pauseFor(until.getTime() - Date.now()),
    waitMs: () => Math.max(0, pausedUntil - Date.now()),
  };
}
