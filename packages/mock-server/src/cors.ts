import type { ServerResponse } from 'node:http';
import type { Reply } from './reply.js';

/**
 * CORS for a browser page on another origin: any origin (no cookies are involved, the
 * credentials travel in `Authorization`), and the rate-limit headers readable by scripts.
 */
export function setCorsHeaders(response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader(
    'access-control-expose-headers',
    'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After',
  );
}

/** The answer to a preflight `OPTIONS`: every method the routes use and the headers clients send. */
export function preflight(): Reply {
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers':
        'Authorization, Content-Type, Accept, Accept-Version, losantdomain, User-Agent',
      'access-control-max-age': '600',
    },
  };
}
