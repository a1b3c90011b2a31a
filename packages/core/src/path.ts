import { RequestValidationError } from './errors.js';

// A lone surrogate (half of a UTF-16 pair) has no UTF-8 form: encodeURIComponent throws on it.
// With the `u` flag a proper pair is one code point, so only a lone half matches.
const loneSurrogate = /\p{Surrogate}/u;

/**
 * Builds a request path from a template, percent-encoding every interpolated value as one
 * segment (`/`, `?`, `#` and `%` included), so an id can never change which endpoint is called.
 *
 * @throws RequestValidationError (field `path[<index>]`, 0-based) for a value that is not a
 *   string or finite number, is empty, is `.` / `..`, or holds a lone surrogate (not well-formed
 *   UTF-16).
 * @example
 * path`/instances/${instanceId}/tokens/${apiTokenId}` // '/instances/5f…/tokens/60…'
 */
export function path(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    const field = `path[${index}]`;
    let segment: string;
    if (typeof value === 'string') segment = value;
    else if (typeof value === 'number' && Number.isFinite(value)) segment = String(value);
    else {
      throw new RequestValidationError(
        `${field} must be a string, got ${value === null ? 'null' : typeof value}`,
        { field },
      );
    }
    if (segment === '') {
      throw new RequestValidationError(`${field} must not be empty`, { field });
    }
    if (segment === '.' || segment === '..') {
      throw new RequestValidationError(`${field} must not be '.' or '..'`, { field });
    }
    if (loneSurrogate.test(segment)) {
      throw new RequestValidationError(
        `${field} must be well-formed text (it holds a lone UTF-16 surrogate)`,
        { field },
      );
    }
    result += encodeURIComponent(segment) + (strings[index + 1] ?? '');
  });
  return result;
}
