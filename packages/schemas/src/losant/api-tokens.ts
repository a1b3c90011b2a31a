import * as z from 'zod/mini';
import { mustBe } from '../messages.js';
import { looseObject } from '../object.js';
import { apiToken } from './api-token.js';
import { collectionShape } from './collection.js';
import { ownerType } from './enums.js';
import { objectId } from './object-id.js';

/**
 * One page of a token list (the vendor's `apiTokens`): `items` plus the echoed query.
 * `count` is the number of items on this page, `totalCount` the number across all pages.
 * Open: unknown keys are kept.
 */
export const apiTokens = looseObject(
  {
    ...collectionShape(apiToken),
    ownerId: z.optional(objectId),
    ownerType: z.optional(ownerType),
  },
  { error: mustBe('an object') },
);
/** One page of a token list. */
export type ApiTokens = z.output<typeof apiTokens>;
