import { type Backends, vendorError } from './dispatch.js';
import type { OneShotFault } from './faults.js';
import type { WireReply } from './http-io.js';
import type { IncomingRequest } from './incoming-request.js';
import { type Reply, statusText } from './reply.js';

/**
 * The answer to a `failNext` fault: the status with the vendor's error body (see
 * {@link vendorError}), `Retry-After` when asked, and `X-RateLimit-Reset` with
 * `X-RateLimit-Remaining: 0` when asked.
 */
export function failureReply(
  backends: Backends,
  request: IncomingRequest,
  fault: OneShotFault & { kind: 'fail' },
): Reply {
  const base = vendorError(backends, request, fault.status, statusText(fault.status));
  const headers: Record<string, string> = { ...base.headers };
  if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
  if (fault.rateLimitReset !== undefined) {
    headers['x-ratelimit-reset'] = String(fault.rateLimitReset);
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
