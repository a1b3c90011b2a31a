import { RequestValidationError } from './errors.js';

/**
 * Checks a client's base URL and returns it without query, fragment or trailing slashes.
 * `field` is the option's name as the caller knows it (`baseUrl`, or `url` in a vendor package).
 *
 * @throws RequestValidationError naming `field` for a value that is not an absolute http(s) URL,
 *   or one holding a user name or password (the value is never echoed: it holds a credential).
 */
export function parseBaseUrl(value: unknown, field: string): string {
  const invalid = () =>
    new RequestValidationError(`${field} must be an absolute http(s) URL`, { field });
  if (typeof value !== 'string' || !URL.canParse(value)) throw invalid();
  const base = new URL(value);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw invalid();
  if (base.username !== '' || base.password !== '') {
    // fetch refuses such a URL anyway; credentials go through `auth`, where they are redacted.
    throw new RequestValidationError(
      `${field} must not contain a user name or password: pass the credential through auth`,
      { field },
    );
  }
  base.search = '';
  base.hash = '';
  return base.href.replace(/\/+$/, '');
}

/** Hosts that may be reached over plain `http`: they never leave the machine. */
function isLoopback(hostname: string): boolean {
  // WHATWG URL parsing has already normalised IPv4 forms such as `127.1` or `0x7f.1`.
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)) return true;
  return hostname === 'localhost' || hostname === '[::1]';
}

/**
 * Refuses plain `http` to a host that is not loopback: the credential would cross the network
 * in clear. Every client core creates checks its base URL with it, before connecting.
 *
 * @throws RequestValidationError naming `field`, saying what to pass instead.
 */
export function checkBaseUrlSecurity(baseUrl: string | URL, field: string): void {
  const url = typeof baseUrl === 'string' ? new URL(baseUrl) : baseUrl;
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new RequestValidationError(
      `${field} must use https for ${url.hostname}; plain http is allowed only for loopback hosts (127.0.0.0/8, localhost, [::1]): pass 'https://${url.host}'`,
      { field },
    );
  }
}
