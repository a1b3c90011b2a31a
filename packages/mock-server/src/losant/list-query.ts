import type { LosantApiToken } from '../types.js';
import { globToRegExp } from './glob.js';

/** The six fields a list can be sorted by. */
export type SortField =
  | 'name'
  | 'status'
  | 'id'
  | 'creationDate'
  | 'lastUpdated'
  | 'expirationDate';

/** A list request's parameters after validation and defaults. */
export interface ListParams {
  readonly sortField: SortField;
  readonly sortDirection: 'asc' | 'desc';
  readonly page: number;
  readonly perPage: number;
  readonly filterField?: 'name' | 'status';
  readonly filter?: string;
}

/** One page of a filtered, sorted collection. */
export interface ListResult<T> {
  readonly items: T[];
  readonly totalCount: number;
}

/**
 * Filters, sorts and pages `tokens`. Sorting compares the field, then `id`, and `desc` is the
 * exact reverse of `asc` (so paging either way is stable). Strings compare by code unit (Mongo's
 * default binary collation); dates by instant; a missing `expirationDate` sorts before any date,
 * as a missing field does in Mongo. A filter applies only when both `filterField` and `filter`
 * are given.
 */
export function queryTokens<T extends LosantApiToken>(
  tokens: readonly T[],
  params: ListParams,
): ListResult<T> {
  let selected = tokens;
  if (params.filterField !== undefined && params.filter !== undefined) {
    const pattern = globToRegExp(params.filter);
    const field = params.filterField;
    selected = tokens.filter((token) => pattern.test(token[field]));
  }
  const sign = params.sortDirection === 'desc' ? -1 : 1;
  const key = sortKey(params.sortField);
  const sorted = [...selected].sort(
    (a, b) => sign * (compare(key(a), key(b)) || compare(a.id, b.id)),
  );
  const start = params.page * params.perPage;
  return { items: sorted.slice(start, start + params.perPage), totalCount: sorted.length };
}

type Key = string | number | undefined;

function sortKey(field: SortField): (token: LosantApiToken) => Key {
  switch (field) {
    case 'creationDate':
    case 'lastUpdated':
    case 'expirationDate':
      return (token) => {
        const value = token[field];
        return value === undefined ? undefined : Date.parse(value);
      };
    default:
      return (token) => token[field];
  }
}

function compare(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
