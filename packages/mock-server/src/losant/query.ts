import {
  applicationFilterFields,
  applicationSortFields,
  filterFields,
  sortFields,
} from '@tokenkit/schemas/losant';
import * as z from 'zod/mini';
import type { ListParams } from './list-query.js';

// Query parameters arrive as strings, and `losant-rest`'s `apiInfo.json` types every one of them
// `string` (page numbers included), so these schemas read strings; other keys are ignored.
const digits = z.string().check(z.regex(/^\d+$/));

function listQuery<
  const S extends readonly [string, ...string[]],
  const F extends readonly [string, ...string[]],
>(sort: S, filter: F) {
  return z.object({
    sortField: z.optional(z.enum(sort)),
    sortDirection: z.optional(z.enum(['asc', 'desc'])),
    page: z.optional(digits),
    perPage: z.optional(digits),
    filterField: z.optional(z.enum(filter)),
    filter: z.optional(z.string()),
  });
}

/** The query of the three token lists (`…ApiTokens.get`). */
export const tokensQuery = listQuery(sortFields, filterFields);
/** The query of a token list, parsed. */
export type TokensQuery = z.output<typeof tokensQuery>;

/** The query of `applications.get`. */
export const applicationsQuery = z.extend(
  listQuery(applicationSortFields, applicationFilterFields),
  {
    orgId: z.optional(z.string().check(z.regex(/^([A-Fa-f\d]{24}|)$/))),
    summaryExclude: z.optional(z.string()),
    summaryInclude: z.optional(z.string()),
  },
);
/** The query of `applications.get`, parsed. */
export type ApplicationsQuery = z.output<typeof applicationsQuery>;

/** The list parameters whose blank value means "not given" (a blank `orgId` means "mine"). */
const BLANK_MEANS_ABSENT = new Set([
  'sortField',
  'sortDirection',
  'page',
  'perPage',
  'filterField',
  'filter',
]);

/** The query as the schemas above read it: blank list parameters dropped. */
export function queryParams(query: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value !== '' || !BLANK_MEANS_ABSENT.has(name)) out[name] = value;
  }
  return out;
}

/** Defaults of every list: page 0 of 100, sorted by name ascending. */
export function listParams(query: {
  sortField?: string | undefined;
  sortDirection?: 'asc' | 'desc' | undefined;
  page?: string | undefined;
  perPage?: string | undefined;
  filterField?: string | undefined;
  filter?: string | undefined;
}): ListParams {
  return {
    sortField: query.sortField ?? 'name',
    sortDirection: query.sortDirection ?? 'asc',
    page: Number(query.page ?? 0),
    perPage: Number(query.perPage ?? 100),
    ...(query.filterField === undefined ? {} : { filterField: query.filterField }),
    ...(query.filter === undefined ? {} : { filter: query.filter }),
  };
}

/** The envelope every list answers (`losant-rest`'s `apiTokens` and `applications` schemas). */
export function envelope(
  items: readonly object[],
  totalCount: number,
  params: ListParams,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    items,
    count: items.length,
    totalCount,
    perPage: params.perPage,
    page: params.page,
    sortField: params.sortField,
    sortDirection: params.sortDirection,
  };
  if (params.filter !== undefined) body.filter = params.filter;
  if (params.filterField !== undefined) body.filterField = params.filterField;
  return body;
}
