import { RequestValidationError } from './errors.js';
import { isSendableHeaderValue } from './header-value.js';

/** Header values as callers pass them; `undefined` entries are skipped. */
export type HeaderInput = Readonly<Record<string, string | undefined>>;

const headerName = /^[!#$%&'*+.^_`|~\dA-Za-z-]+$/;

/**
 * Copies header sets into `target` in order (later sets win), skipping `undefined` values.
 * @throws RequestValidationError naming `headers.<name>` for a name that is not an HTTP token, or
 *   a value with a character other than tab, visible ASCII, space or Latin-1 (CR, LF and NUL
 *   would inject headers; other controls, DEL and code points above U+00FF cannot be sent);
 *   the value itself is never echoed.
 */
export function mergeHeaders(target: Headers, ...sets: (HeaderInput | undefined)[]): Headers {
  for (const set of sets) {
    if (set === undefined) continue;
    for (const name in set) {
      const value = checkedHeader(set, name);
      if (value !== undefined) target.set(name, value);
    }
  }
  return target;
}

/**
 * Like {@link mergeHeaders}, into a plain object keyed by lower-case name: the per-request path
 * uses it so that no `Headers` copy is made before ky builds its own.
 */
export function assignHeaders(
  target: Record<string, string>,
  set: HeaderInput | undefined,
): Record<string, string> {
  if (set === undefined) return target;
  for (const name in set) {
    const value = checkedHeader(set, name);
    if (value !== undefined) target[name.toLowerCase()] = value;
  }
  return target;
}

function checkedHeader(set: HeaderInput, name: string): string | undefined {
  if (!Object.hasOwn(set, name)) return undefined;
  const value = set[name];
  if (value === undefined) return undefined;
  const field = `headers.${name}`;
  if (!headerName.test(name)) {
    throw new RequestValidationError(`${JSON.stringify(name)} is not a valid header name`, {
      field,
    });
  }
  if (typeof value !== 'string') {
    throw new RequestValidationError(`${field} must be a string`, { field });
  }
  if (!isSendableHeaderValue(value)) {
    throw new RequestValidationError(
      `${field} must not contain CR, LF, NUL, other control characters or characters above U+00FF`,
      { field },
    );
  }
  return value;
}

const requestIdHeaders = [
  'x-request-id',
  'x-correlation-id',
  'request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-trace-id',
  'cf-ray',
];

/** The request id the server sent back, if any (`x-request-id`, `x-correlation-id`, …). */
export function readRequestId(headers: Headers): string | undefined {
  for (const name of requestIdHeaders) {
    const value = headers.get(name);
    if (value) return value.slice(0, 200);
  }
  return undefined;
}
