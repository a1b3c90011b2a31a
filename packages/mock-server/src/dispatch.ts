import type { Clock } from './clock.js';
import type { IncomingRequest } from './incoming-request.js';
import { instanaError } from './instana/errors.js';
import type { RateLimiter } from './instana/rate-limit.js';
import { handleInstana, rateLimitKey } from './instana/routes.js';
import type { InstanaStore } from './instana/store.js';
import { losantError } from './losant/errors.js';
import { handleLosant } from './losant/routes.js';
import type { LosantStore } from './losant/store.js';
import type { RandomSource } from './random.js';
import { type Reply, statusText, statusType } from './reply.js';

/** Everything the vendors' handlers need. */
export interface Backends {
  readonly losant: LosantStore;
  /** The seeded Losant user credential. */
  readonly losantCredential: string;
  readonly instana: InstanaStore;
  readonly rateLimiter: RateLimiter;
  readonly random: RandomSource;
  readonly clock: Clock;
}

/**
 * A server-level error in the shape of the vendor the path belongs to: Losant's
 * `{ type, message }`, or Instana's `{ errors: [message] }` with the current `X-RateLimit-*`
 * headers (peeked, not counted).
 */
export function vendorError(
  backends: Backends,
  request: IncomingRequest,
  status: number,
  message: string,
): Reply {
  if (request.vendor === 'losant') return losantError(status, statusType(status), message);
  const headers = backends.rateLimiter.peek(rateLimitKey(request.headers.authorization));
  return { ...instanaError(status, [message]), headers };
}

/** Answers a request: 404 for an unknown path, 405 with `Allow` for a wrong method, else its handler. */
export function dispatch(backends: Backends, request: IncomingRequest): Reply {
  const { match } = request;
  if (match === undefined) {
    const message =
      request.vendor === 'losant'
        ? `No route for ${request.method} ${request.path}`
        : statusText(404);
    return vendorError(backends, request, 404, message);
  }
  if (match.operation === undefined) {
    const allow = [...match.allowed, 'OPTIONS'].join(', ');
    const message =
      request.vendor === 'losant'
        ? `${request.method} is not allowed on ${request.path}`
        : statusText(405);
    const refused = vendorError(backends, request, 405, message);
    return { ...refused, headers: { ...refused.headers, allow } };
  }
  return match.vendor === 'losant'
    ? handleLosant(
        { store: backends.losant, credential: backends.losantCredential, clock: backends.clock },
        request,
      )
    : handleInstana(
        {
          store: backends.instana,
          rateLimiter: backends.rateLimiter,
          random: backends.random,
          clock: backends.clock,
        },
        request,
      );
}
