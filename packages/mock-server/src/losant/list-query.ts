import { globPattern } from '@tokenkit/schemas/losant';

/** A list request's parameters after validation and defaults. */
export interface ListRequest {
  readonly sortField: string;
  readonly sortDirection: 'asc' | 'desc';
  readonly page: number;
  readonly perPage: number;
  readonly filterField?: string;
  readonly filter?: string;
}

/** One page of a filtered, sorted collection. */
export interface ListResult<T> {
  readonly items: T[];
  readonly totalCount: number;
}

/** The fields the mock keeps as ISO date strings: they sort by instant. */
const DATE_FIELDS = new Set(['creationDate', 'lastUpdated', 'expirationDate']);

/**
 * Filters, sorts and pages `items` (tokens or applications). Sorting compares the field, then
 * `id`, and `desc` is the exact reverse of `asc` (so paging either way is stable). Strings compare
 * by code unit (Mongo's default binary collation); dates by instant; a missing field sorts before
 * any value, as a missing field does in Mongo. A filter applies only when both `filterField` and
 * `filter` are given; it is a glob (`globPattern`) matched without regard to case: Losant's docs
 * say only that it "supports globbing", so those rules are the mock's choice.
 */
export function queryItems<T extends { readonly id: string }>(
  items: readonly T[],
  params: ListRequest,
): ListResult<T> {
  let selected = items;
  const { filterField, filter } = params;
  if (filterField !== undefined && filter !== undefined) {
    const pattern = globPattern(filter, { ignoreCase: true });
    selected = items.filter((item) => pattern.test(String(fieldOf(item, filterField) ?? '')));
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

function sortKey(field: string): (item: object) => Key {
  const dates = DATE_FIELDS.has(field);
  return (item) => {
    const value = fieldOf(item, field);
    if (typeof value !== 'string') return undefined;
    return dates ? Date.parse(value) : value;
  };
}

function fieldOf(item: object, field: string): unknown {
  return (item as Record<string, unknown>)[field];
}

function compare(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
