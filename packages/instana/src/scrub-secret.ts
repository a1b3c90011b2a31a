import { type ApiError, type ApiErrorInit, isApiError } from '@tokenkit/core';

const REDACTED = '[REDACTED]';

function scrubText(text: string | undefined, secret: string): string | undefined {
  return text?.replaceAll(secret, REDACTED);
}

/** Scrubs every string in a parsed JSON body (keys included); `depth` bounds hostile nesting. */
function scrubBody(body: unknown, secret: string, depth = 0): unknown {
  if (typeof body === 'string') return scrubText(body, secret);
  if (typeof body !== 'object' || body === null || depth > 32) return body;
  if (Array.isArray(body)) return body.map((item) => scrubBody(item, secret, depth + 1));
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      scrubText(key, secret),
      scrubBody(value, secret, depth + 1),
    ]),
  );
}

/**
 * Core scrubs the client's own token from errors, but not the `accessGrantingToken` a POST or
 * PUT body carries. A server that echoes the body in its error answer (`"token … already
 * exists"`) would put that secret into the error; this rebuilds such an error without it.
 */
export function scrubSecret(error: unknown, secret: string): unknown {
  // Secrets this short would scrub ordinary words; the schema only demands one character.
  if (!isApiError(error) || secret.length < 4) return error;
  const { message, body, vendorType, vendorMessage } = error;
  const scrubbedBody = scrubBody(body, secret);
  const leaks =
    [message, vendorType, vendorMessage].some((text) => text?.includes(secret)) ||
    JSON.stringify(scrubbedBody) !== JSON.stringify(body);
  if (!leaks) return error;
  const init: ApiErrorInit = {
    status: error.status,
    message: scrubText(message, secret) ?? '',
    body: scrubbedBody,
    vendorType: scrubText(vendorType, secret),
    vendorMessage: scrubText(vendorMessage, secret),
    requestId: error.requestId,
    request: error.request,
    retryAfterMs: (error as { retryAfterMs?: number }).retryAfterMs,
  };
  // Same subclass (NotFoundError, RateLimitError, …): every one takes an ApiErrorInit.
  return new (error.constructor as new (init: ApiErrorInit) => ApiError)(init);
}
