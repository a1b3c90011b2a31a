import * as z from 'zod/mini';
import { closedObject } from '../closed-object.js';
import { mustBe, mustBeOneOf } from '../messages.js';
import { listQuery } from './list-query.js';

/** The fields an application list can be sorted by. */
export const applicationSortFields = [
  'name',
  'id',
  'creationDate',
  'ownerId',
  'lastUpdated',
] as const;

/** The fields an application list can be filtered by. */
export const applicationFilterFields = ['name'] as const;

const ORG_ID = "a 24-character hexadecimal id, or '' for the user's own applications";

/**
 * The query of `GET /applications`. Closed. Paging, direction and `filter` follow the token
 * lists' rules (`page` 0-based, `filter` supports `*` globbing). `orgId` picks whose
 * applications: absent, every one the caller can see; blank, the user's own; an id, that
 * organization's. `summaryExclude`/`summaryInclude` are comma-separated summary field names.
 */
export const applicationsQuery = closedObject({
  sortField: z.optional(
    z.enum(applicationSortFields, { error: mustBeOneOf(applicationSortFields) }),
  ),
  sortDirection: listQuery.shape.sortDirection,
  page: listQuery.shape.page,
  perPage: listQuery.shape.perPage,
  filterField: z.optional(
    z.enum(applicationFilterFields, { error: mustBeOneOf(applicationFilterFields) }),
  ),
  filter: listQuery.shape.filter,
  orgId: z.optional(
    z
      .string({ error: mustBe(ORG_ID) })
      .check(z.regex(/^(?:[A-Fa-f\d]{24}|)$/, `must be ${ORG_ID}`)),
  ),
  summaryExclude: z.optional(z.string({ error: mustBe('a comma-separated list (string)') })),
  summaryInclude: z.optional(z.string({ error: mustBe('a comma-separated list (string)') })),
});
/** The query of `GET /applications`, after parsing (`page`/`perPage` as strings). */
export type ApplicationsQuery = z.output<typeof applicationsQuery>;
/** The query of `GET /applications`, as a caller writes it. */
export type ApplicationsQueryInput = z.input<typeof applicationsQuery>;
