import { type ApiError, type ApiErrorInit, isApiError } from '@tokenkit/core';

const REDACTED = '[REDACTED]';

function scrubText(text: string | undefined, secret: string): string | undefined {
  return text?.replaceAll(secret, REDACTED);
}

function scrubBody(body: unknown, secret: string): unknown {
  if (typeof body === 'string') return scrubText(body, secret);
  const json = body === undefined ? undefined : JSON.stringify(body);
  return json?.includes(secret) ? JSON.parse(json.replaceAll(secret, REDACTED)) : body;
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
  if (
    ![message, vendorType, vendorMessage, JSON.stringify(body)].some((text) =>
      text?.includes(secret),
    )
  ) {
    return error;
  }
  const init: ApiErrorInit = {
    status: error.status,
    message: scrubText(message, secret) ?? '',
    body: scrubBody(body, secret),
    vendorType: scrubText(vendorType, secret),
    vendorMessage: scrubText(vendorMessage, secret),
    requestId: error.requestId,
    request: error.request,
    retryAfterMs: (error as { retryAfterMs?: number }).retryAfterMs,
  };
  // Same subclass (NotFoundError, RateLimitError, …): every one takes an ApiErrorInit.
  return new (error.constructor as new (init: ApiErrorInit) => ApiError)(init);
}
