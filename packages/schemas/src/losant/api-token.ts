import * as z from 'zod/mini';
import { looseObject } from '#object';
import { mustBe } from '../messages.js';
import { dateTime } from './date-time.js';
import { creatorType, ownerType, tokenRole, tokenStatus } from './enums.js';
import { objectId } from './object-id.js';
import { orgRolesResponse } from './roles.js';
import { scopeListResponse } from './scopes.js';
import { text, tokenDescription, tokenName } from './text-fields.js';

/** The token's secret, as returned once by a create. */
const secret = z.string({ error: mustBe('a string') }).check(z.minLength(1, 'must not be empty'));

/** The token fields as the API returns them (the vendor's `apiToken` schema, v1.30.0). */
const apiTokenShape = {
  id: z.optional(objectId),
  apiTokenId: z.optional(objectId),
  ownerId: z.optional(objectId),
  ownerType: z.optional(ownerType),
  creatorId: z.optional(objectId),
  creatorType: z.optional(creatorType),
  creatorName: z.optional(text(1024)),
  name: z.optional(tokenName),
  description: z.optional(tokenDescription),
  creationDate: z.optional(dateTime),
  lastUpdated: z.optional(dateTime),
  expirationDate: z.optional(dateTime),
  defaultRole: z.optional(tokenRole),
  orgRoles: z.optional(orgRolesResponse),
  scope: z.optional(scopeListResponse),
  status: z.optional(tokenStatus),
  token: z.optional(secret),
};

/**
 * A Losant API token as the API returns it. Open: unknown keys (HAL `_links`, `_type`,
 * fields of later API versions) are kept. `token` is present only in a create response.
 */
export const apiToken = looseObject(apiTokenShape, { error: mustBe('an object') });
/** A Losant API token as the API returns it. */
export type ApiToken = z.output<typeof apiToken>;

/** The answer to a create (201): the token with its secret `token`, shown this one time. */
export const createdApiToken = z.extend(apiToken, { token: secret });
/** The answer to a create: a token whose `token` is present. */
export type CreatedApiToken = z.output<typeof createdApiToken>;
