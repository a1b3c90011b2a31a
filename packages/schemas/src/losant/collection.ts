import * as z from 'zod/mini';
import { mustBe } from '../messages.js';
import { listSortDirection } from './enums.js';

const integer = z.int({ error: mustBe('an integer') });
const text = z.string({ error: mustBe('a string') });

/**
 * The fields every page of a Losant collection carries (`losant-rest`'s collection schemas):
 * `items`, `count` on this page, `totalCount` across all pages, and the echoed query.
 */
export function collectionShape<Item extends z.core.$ZodType>(item: Item) {
  return {
    items: z.optional(z.array(item, { error: mustBe('a list') })),
    count: z.optional(integer),
    totalCount: z.optional(integer),
    perPage: z.optional(integer),
    page: z.optional(integer),
    filter: z.optional(text),
    filterField: z.optional(text),
    sortField: z.optional(text),
    sortDirection: z.optional(listSortDirection),
  };
}
