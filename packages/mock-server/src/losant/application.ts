import type { LosantApplication, LosantApplicationSeed } from '../models.js';
import { newObjectId, type RandomSource } from '../random.js';

/** An organization that owns applications; the seeded user is a member of every one. */
export interface Organization {
  readonly id: string;
  readonly name: string;
}

const OBJECT_ID = /^[A-Fa-f\d]{24}$/;

/**
 * Builds an application record: owned by the user `userId`, or by `org` (then `ownerType` is
 * `organization` and `organizationName` is set, as in `losant-rest`'s `application` schema).
 */
export function buildApplication(
  fields: LosantApplicationSeed,
  userId: string,
  random: RandomSource,
  now: number,
  org?: Organization,
): LosantApplication {
  const id = (fields.id ?? newObjectId(random, now)).toLowerCase();
  if (!OBJECT_ID.test(id)) throw new TypeError(`application id must be 24 hex characters: ${id}`);
  const created = isoDate(fields.creationDate) ?? new Date(now).toISOString();
  const application: LosantApplication = {
    id,
    applicationId: id,
    name: fields.name ?? `Application ${id.slice(-6)}`,
    ownerId: org?.id ?? userId,
    ownerType: org === undefined ? 'user' : 'organization',
    creationDate: created,
    lastUpdated: isoDate(fields.lastUpdated) ?? created,
  };
  if (org !== undefined) application.organizationName = org.name;
  if (fields.description !== undefined) application.description = fields.description;
  return application;
}

/** Normalises a date-time string to `toISOString()` form, as Losant (Mongo dates) returns them. */
export function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new TypeError(`not a date-time: ${value}`);
  return new Date(time).toISOString();
}
