import { RequestValidationError } from './errors.js';

/** Query values; `undefined` is skipped, numbers and booleans are stringified, arrays repeat the key. */
export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | readonly (string | number | boolean)[];

const queryTypes = new Set(['string', 'number', 'boolean']);
// Characters application/x-www-form-urlencoded leaves as they are (what URLSearchParams emits).
const formSafe = /^[\w.*-]*$/;

/** Encodes like URLSearchParams; ids, numbers and flags (the usual query) need no work. */
function formEncode(value: string): string {
  return formSafe.test(value) ? value : new URLSearchParams({ v: value }).toString().slice(2);
}

function queryPair(key: string, item: unknown): string {
  if (!queryTypes.has(typeof item)) {
    throw new RequestValidationError(`query.${key} must be a string, number or boolean`, {
      field: `query.${key}`,
    });
  }
  return `${formEncode(key)}=${formEncode(String(item))}`;
}

/**
 * The query string (without `?`) for a request's `query`, encoded as URLSearchParams would.
 * @throws RequestValidationError naming `query.<key>` for a value that is not a string, number
 *   or boolean (or an array of them).
 */
export function encodeQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  let result = '';
  if (query === undefined) return result;
  for (const key in query) {
    if (!Object.hasOwn(query, key)) continue;
    const value = query[key];
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      result += `${result ? '&' : ''}${queryPair(key, item)}`;
    }
  }
  return result;
}
