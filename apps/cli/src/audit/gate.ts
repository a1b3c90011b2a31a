import PQueue from 'p-queue';

/** The `fetch` shape the SDK clients take. */
type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * One gate for every request of an audit: at most `concurrency` in flight, and a pause for the
 * whole walk when the server asks to slow down, instead of each owner failing on its own.
 */
export interface RequestGate {
  /** Give to the SDK clients as their `fetch`. */
  readonly fetch: Fetch;
  /** Give to the SDK clients as their `logger`: it hears of every wait their retry policy plans. */
  readonly logger: { info(message: string, details?: Record<string, unknown>): void };
  /** Milliseconds left of the current pause; 0 when requests flow. */
  waitMs(): number;
}

/** Statuses that mean "too much, slow down" rather than "this request failed". */
const slowDownReasons = new Set(['429', '503']);
const nullBodyStatuses = new Set([204, 205, 304]);

/**
 * A response whose body is already read, so the request keeps its place in the gate until it is
 * over: the server never sees more than `concurrency` requests at once.
 */
async function buffered(response: Response): Promise<Response> {
  const body = nullBodyStatuses.has(response.status) ? null : await response.arrayBuffer();
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Milliseconds until `X-RateLimit-Reset` when `X-RateLimit-Remaining` says the budget is spent
 * (Instana sends both on every answer: the reset in epoch seconds). The waits a 429 or 503
 * asks for come from the SDK's own retry policy, through {@link RequestGate.logger}.
 */
function spentBudgetWait(headers: Headers, now: number): number | undefined {
  if (headers.get('x-ratelimit-remaining')?.trim() !== '0') return undefined;
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!Number.isInteger(reset) || reset <= 0) return undefined;
  return Math.max(0, reset * 1000 - now);
}

/**
 * Creates the gate over p-queue. A pause is never longer than `maxPauseMs` (the SDK gives up on
 * a longer server wait anyway, and the owner is then reported as not audited).
 */
export function createRequestGate(options: {
  concurrency: number;
  fetch?: Fetch;
  maxPauseMs?: number;
}): RequestGate {
  const { concurrency, fetch = globalThis.fetch, maxPauseMs = 60_000 } = options;
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
    fetch: (input, init) =>
      queue.add(async () => {
        const response = await fetch(input, init);
        const wait = spentBudgetWait(response.headers, Date.now());
        if (wait !== undefined) pauseFor(wait);
        return buffered(response);
      }),
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
    waitMs: () => Math.max(0, pausedUntil - Date.now()),
  };
}
