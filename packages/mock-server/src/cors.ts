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

const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'Accept-Version',
  'losantdomain',
  'User-Agent',
];

/**
 * The answer to a preflight `OPTIONS`: every method the routes use, the headers the vendors'
 * clients send, plus whatever else the browser asks for (a mock should not be the reason a
 * client's extra header fails in the browser).
 */
export function preflight(requestedHeaders: string | undefined): Reply {
  const allowed = new Map(ALLOWED_HEADERS.map((name) => [name.toLowerCase(), name]));
  for (const name of (requestedHeaders ?? '').split(',')) {
    const trimmed = name.trim();
    if (trimmed !== '' && !allowed.has(trimmed.toLowerCase()))
      allowed.set(trimmed.toLowerCase(), trimmed);
  }
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': [...allowed.values()].join(', '),
      'access-control-max-age': '600',
    },
  };
}
