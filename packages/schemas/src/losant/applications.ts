import type * as z from 'zod/mini';
import { mustBe } from '../messages.js';
import { looseObject } from '../object.js';
import { application } from './application.js';
import { collectionShape } from './collection.js';

/**
 * One page of `GET /applications` (the vendor's `applications` schema): `items` plus the
 * echoed query. `count` is the number of items on this page, `totalCount` the number across
 * all pages. Open: unknown keys are kept.
 */
export const applications = looseObject(collectionShape(application), {
  error: mustBe('an object'),
});
/** One page of applications. */
export type Applications = z.output<typeof applications>;
