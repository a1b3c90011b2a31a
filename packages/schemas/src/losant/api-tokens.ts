import * as z from 'zod/mini';
import { looseObject } from '#object';
import { mustBe } from '../messages.js';
import { apiToken } from './api-token.js';
import { listSortDirection, ownerType } from './enums.js';
import { objectId } from './object-id.js';

const integer = z.int({ error: mustBe('an integer') });
const text = z.string({ error: mustBe('a string') });

/**
 * One page of a token list (the vendor's `apiTokens`): `items` plus the echoed query.
 * `count` is the number of items on this page, `totalCount` the number across all pages.
 * Open: unknown keys are kept.
 */
export const apiTokens = looseObject(
  {
    items: z.optional(z.array(apiToken, { error: mustBe('a list') })),
    count: z.optional(integer),
    totalCount: z.optional(integer),
    perPage: z.optional(integer),
    page: z.optional(integer),
    filter: z.optional(text),
    filterField: z.optional(text),
    sortField: z.optional(text),
    sortDirection: z.optional(listSortDirection),
    ownerId: z.optional(objectId),
    ownerType: z.optional(ownerType),
  },
  { error: mustBe('an object') },
);
/** One page of a token list. */
export type ApiTokens = z.output<typeof apiTokens>;
