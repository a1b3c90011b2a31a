import * as z from 'zod/mini';
import { looseObject } from '#object';
import { mustBe } from '../messages.js';
import { application } from './application.js';
import { listSortDirection } from './enums.js';

const integer = z.int({ error: mustBe('an integer') });
const text = z.string({ error: mustBe('a string') });

/**
 * One page of `GET /applications` (the vendor's `applications` schema): `items` plus the
 * echoed query. `count` is the number of items on this page, `totalCount` the number across
 * all pages. Open: unknown keys are kept.
 */
export const applications = looseObject(
  {
    items: z.optional(z.array(application, { error: mustBe('a list') })),
    count: z.optional(integer),
    totalCount: z.optional(integer),
    perPage: z.optional(integer),
    page: z.optional(integer),
    filter: z.optional(text),
    filterField: z.optional(text),
    sortField: z.optional(text),
    sortDirection: z.optional(listSortDirection),
  },
  { error: mustBe('an object') },
);
/** One page of applications. */
export type Applications = z.output<typeof applications>;
