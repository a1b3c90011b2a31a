import { compileTarget, type RequestKey, type TargetMatcher } from './route-pattern.js';
import type { DropOptions, FailOptions, Faults, FaultTarget, HtmlErrorOptions } from './types.js';

/** A one-shot fault, as handed to the server when a request consumes it. */
export type OneShotFault =
  | { kind: 'fail'; status: number; retryAfter?: string; rateLimitReset?: number }
  | { kind: 'drop-before-response' }
  | { kind: 'drop-mid-body' }
  | { kind: 'truncate' }
  | { kind: 'invalid-json' }
  | { kind: 'html-error'; status: number };

/** The public {@link Faults} API plus what the server asks of it per request. */
export interface FaultRegistry extends Faults {
  /** Total delay (ms) of every latency rule matching the request. */
  latencyFor(request: RequestKey): number;
  /** Consumes and returns the oldest pending one-shot fault matching the request. */
  take(request: RequestKey): OneShotFault | undefined;
}

interface PendingFault {
  readonly matches: TargetMatcher;
  readonly fault: OneShotFault;
  remaining: number;
}

/** Creates an empty fault registry. */
export function createFaults(): FaultRegistry {
  const latencies: { matches: TargetMatcher; ms: number }[] = [];
  const pending: PendingFault[] = [];

  const enqueue = (count: number, target: FaultTarget | undefined, fault: OneShotFault): void => {
    if (!Number.isSafeInteger(count) || count < 1) {
      throw new TypeError(`fault count must be a positive integer, got ${String(count)}`);
    }
    pending.push({ matches: compileTarget(target), fault, remaining: count });
  };

  return {
    latency(options) {
      if (!Number.isFinite(options.ms) || options.ms < 0) {
        throw new TypeError(`latency ms must be a non-negative number, got ${String(options.ms)}`);
      }
      latencies.push({ matches: compileTarget(options), ms: options.ms });
    },
    failNext(count, options: FailOptions) {
      if (!Number.isInteger(options.status) || options.status < 100 || options.status > 599) {
        throw new TypeError(
          `failNext status must be an HTTP status, got ${String(options.status)}`,
        );
      }
      const fault: OneShotFault = { kind: 'fail', status: options.status };
      if (options.retryAfter !== undefined) fault.retryAfter = String(options.retryAfter);
      if (options.rateLimitReset !== undefined) fault.rateLimitReset = options.rateLimitReset;
      enqueue(count, options, fault);
    },
    dropNext(count, options: DropOptions = {}) {
      const kind = options.when === 'mid-body' ? 'drop-mid-body' : 'drop-before-response';
      enqueue(count, options, { kind });
    },
    truncateNext(count, options) {
      enqueue(count, options, { kind: 'truncate' });
    },
    invalidJsonNext(count, options) {
      enqueue(count, options, { kind: 'invalid-json' });
    },
    htmlErrorNext(count, options: HtmlErrorOptions = {}) {
      enqueue(count, options, { kind: 'html-error', status: options.status ?? 502 });
    },
    clear() {
      latencies.length = 0;
      pending.length = 0;
    },
    latencyFor(request) {
      let total = 0;
      for (const rule of latencies) if (rule.matches(request)) total += rule.ms;
      return total;
    },
    take(request) {
      const index = pending.findIndex((entry) => entry.matches(request));
      const entry = pending[index];
      if (entry === undefined) return undefined;
      entry.remaining -= 1;
      if (entry.remaining === 0) pending.splice(index, 1);
      return entry.fault;
    },
  };
}
