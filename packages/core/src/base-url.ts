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
