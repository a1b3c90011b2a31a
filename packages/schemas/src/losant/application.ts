import * as z from 'zod/mini';
import { looseObject } from '#object';
import { mustBe, mustBeOneOf } from '../messages.js';
import { dateTime } from './date-time.js';
import { objectId } from './object-id.js';
import { text } from './text-fields.js';

const applicationOwnerTypes = ['user', 'organization'] as const;

/** Who owns an application: a user or an organization. */
export const applicationOwnerType = z.enum(applicationOwnerTypes, {
  error: mustBeOneOf(applicationOwnerTypes),
});
/** Who owns an application. */
export type ApplicationOwnerType = z.output<typeof applicationOwnerType>;

/**
 * One Losant application as `GET /applications` lists it (the vendor's `application` schema):
 * the fields an audit needs, typed. Open: every other field (`summary`, `globals`,
 * `endpointSlug`, HAL `_links`, fields of later API versions) is kept as it came.
 * `organizationName` is present only when an organization owns the application.
 */
export const application = looseObject(
  {
    id: z.optional(objectId),
    applicationId: z.optional(objectId),
    name: z.optional(text(255, { nonEmpty: true })),
    description: z.optional(text(1024)),
    ownerId: z.optional(objectId),
    ownerType: z.optional(applicationOwnerType),
    organizationName: z.optional(text(255, { nonEmpty: true })),
    creationDate: z.optional(dateTime),
    lastUpdated: z.optional(dateTime),
  },
  { error: mustBe('an object') },
);
/** One Losant application. */
export type Application = z.output<typeof application>;
