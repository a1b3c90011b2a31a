import { checkBaseUrlSecurity, isRequestValidationError, parseBaseUrl } from '@tokenkit/core';
import { invalidInput } from './invalid-input.js';

const EXAMPLE = "'https://<unit>-<tenant>.instana.io' (the address of your Instana UI)";

/** Core's rule for every base URL (absolute http(s), no credentials), with Instana's advice. */
function parseGeneric(baseUrl: string): URL {
  try {
    parseBaseUrl(baseUrl, 'baseUrl');
  } catch (error) {
    if (!isRequestValidationError(error)) throw error;
    // Core's message never echoes the value: people paste credentials into URLs.
    throw invalidInput(
      'baseUrl',
      `${error.message}; for Instana pass your tenant unit's origin, e.g. ${EXAMPLE}`,
    );
  }
  return new URL(baseUrl);
}

/**
 * Checks the `baseUrl` option and returns its origin. Instana's paths already begin with
 * `/api/...`, so the base is the tenant unit's origin only; anything else is refused with a
 * message that says what to pass instead.
 *
 * @throws RequestValidationError naming `baseUrl`.
 */
export function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw invalidInput(
      'baseUrl',
      `baseUrl is required: pass your tenant unit's origin, e.g. ${EXAMPLE}`,
    );
  }
  const url = parseGeneric(baseUrl);
  // Core's rule, checked here too so it comes before the path advice below.
  checkBaseUrlSecurity(url, 'baseUrl');
  if (url.search !== '' || url.hash !== '') {
    // The query or fragment is not echoed: people paste tokens into them.
    throw invalidInput(
      'baseUrl',
      `baseUrl must be an origin without a query or fragment: pass '${url.origin}'`,
    );
  }
  if (url.pathname !== '/') {
    const why = /\/api\/?$/.test(url.pathname)
      ? ' (the client adds /api/settings/api-tokens itself)'
      : '';
    throw invalidInput(
      'baseUrl',
      `baseUrl must be an origin without a path, got the path '${url.pathname}'${why}: pass '${url.origin}'`,
    );
  }
  return url.origin;
}
