import * as z from 'zod';
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
export const apiTokens = z.looseObject(
  {
    items: z.array(apiToken, { error: mustBe('a list') }).optional(),
    count: integer.optional(),
    totalCount: integer.optional(),
    perPage: integer.optional(),
    page: integer.optional(),
    filter: text.optional(),
    filterField: text.optional(),
    sortField: text.optional(),
    sortDirection: listSortDirection.optional(),
    ownerId: objectId.optional(),
    ownerType: ownerType.optional(),
  },
  { error: mustBe('an object') },
);
/** One page of a token list. */
export type ApiTokens = z.output<typeof apiTokens>;
