import * as z from 'zod/mini';
import { closedObject } from '../closed-object.js';
import { mustBe, mustBeOneOf } from '../messages.js';

/** The fields a token list can be sorted by. */
export const sortFields = [
  'name',
  'status',
  'id',
  'creationDate',
  'lastUpdated',
  'expirationDate',
] as const;

/** The fields a token list can be filtered by. */
export const filterFields = ['name', 'status'] as const;

const sortDirections = ['asc', 'desc'] as const;

const NON_NEGATIVE_INTEGER = 'a non-negative integer (a number or a string of digits)';

/**
 * A page number or page size: a non-negative integer given as a number or a string of
 * digits, always sent as a string (the API types both as strings).
 */
const pageNumber = z.pipe(
  z.union(
    [
      z
        .int({ error: mustBe(NON_NEGATIVE_INTEGER) })
        .check(z.nonnegative(`must be ${NON_NEGATIVE_INTEGER}`)),
      z.string().check(z.regex(/^\d+$/, `must be ${NON_NEGATIVE_INTEGER}`)),
    ],
    { error: mustBe(NON_NEGATIVE_INTEGER) },
  ),
  z.transform((value: number | string) => String(value)),
);

/**
 * The query of a list action (the three `…ApiTokens.get`). Closed. `page` is 0-based;
 * `filter` supports `*` globbing on `filterField`.
 */
export const listQuery = closedObject({
  sortField: z.optional(z.enum(sortFields, { error: mustBeOneOf(sortFields) })),
  sortDirection: z.optional(z.enum(sortDirections, { error: mustBeOneOf(sortDirections) })),
  page: z.optional(pageNumber),
  perPage: z.optional(pageNumber),
  filterField: z.optional(z.enum(filterFields, { error: mustBeOneOf(filterFields) })),
  filter: z.optional(z.string({ error: mustBe('a string') })),
});
/** The query of a list action, after parsing (`page`/`perPage` as strings). */
export type ListQuery = z.output<typeof listQuery>;
/** The query of a list action, as a caller writes it. */
export type ListQueryInput = z.input<typeof listQuery>;
