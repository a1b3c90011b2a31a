import type { WireReply } from './http-io.js';
import type { RateLimiter } from './instana/rate-limit.js';
import { rateLimitKey } from './instana/routes.js';
import { instanaError, losantError, type Reply, statusText, statusType } from './reply.js';
import type { Vendor } from './router.js';

/**
 * The answer to a `failNext` fault: the status with an error body shaped like the vendor's
 * (`{ type, message }` for Losant, `{ errors }` for Instana), `Retry-After` when asked, and on
 * Instana paths the current `X-RateLimit-*` headers (not counting this call).
 */
export function failureReply(
  vendor: Vendor | undefined,
  status: number,
  authorization: string | undefined,
  rateLimiter: RateLimiter,
  extra: { retryAfter?: string; rateLimitReset?: number },
): Reply {
  const base =
    vendor === 'instana'
      ? instanaError(status, [statusText(status)])
      : losantError(status, statusType(status), statusText(status));
  const headers: Record<string, string> =
    vendor === 'instana' ? { ...rateLimiter.peek(rateLimitKey(authorization)) } : {};
  if (extra.retryAfter !== undefined) headers['retry-after'] = extra.retryAfter;
  if (extra.rateLimitReset !== undefined) {
    headers['x-ratelimit-reset'] = String(extra.rateLimitReset);
    headers['x-ratelimit-remaining'] = '0';
  }
  return { ...base, headers };
}

/** A proxy-style (nginx) HTML error page, as a gateway in front of either API would send. */
export function htmlErrorPage(status: number): WireReply {
  const title = `${status} ${statusText(status)}`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return {
    status,
    headers: { 'content-type': 'text/html' },
    payload: Buffer.from(html, 'utf8'),
  };
}

/** The processed reply with its JSON body cut in half; the Content-Length matches the cut. */
export function truncated(wire: WireReply): WireReply {
  if (wire.payload === undefined) return wire;
  return { ...wire, payload: wire.payload.subarray(0, Math.floor(wire.payload.length / 2)) };
}

/** The processed reply's status and headers with a body that is not JSON (still labelled JSON). */
export function invalidJson(wire: WireReply): WireReply {
  if (wire.payload === undefined) return wire;
  return { ...wire, payload: Buffer.from('{"items": [}, oops', 'utf8') };
}
