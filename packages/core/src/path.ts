import { RequestValidationError } from './errors.js';

/**
 * Builds a request path from a template, percent-encoding every interpolated value as one
 * segment (`/`, `?`, `#` and `%` included), so an id can never change which endpoint is called.
 *
 * @throws RequestValidationError (field `path[<index>]`, 0-based) for a value that is not a
 *   string or finite number, is empty, or is `.` / `..`.
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
    result += encodeURIComponent(segment) + (strings[index + 1] ?? '');
  });
  return result;
}
