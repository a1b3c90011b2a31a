import * as z from 'zod';
import { mustBe } from '../messages.js';
import { dateTime } from './date-time.js';
import { creatorType, ownerType, tokenRole, tokenStatus } from './enums.js';
import { objectId } from './object-id.js';
import { orgRolesResponse } from './roles.js';
import { scopeListResponse } from './scopes.js';
import { text, tokenDescription, tokenName } from './text-fields.js';

/** The token's secret, as returned once by a create. */
const secret = z.string({ error: mustBe('a string') }).min(1, 'must not be empty');

/** The token fields as the API returns them (the vendor's `apiToken` schema, v1.30.0). */
const apiTokenShape = {
  id: objectId.optional(),
  apiTokenId: objectId.optional(),
  ownerId: objectId.optional(),
  ownerType: ownerType.optional(),
  creatorId: objectId.optional(),
  creatorType: creatorType.optional(),
  creatorName: text(1024).optional(),
  name: tokenName.optional(),
  description: tokenDescription.optional(),
  creationDate: dateTime.optional(),
  lastUpdated: dateTime.optional(),
  expirationDate: dateTime.optional(),
  defaultRole: tokenRole.optional(),
  orgRoles: orgRolesResponse.optional(),
  scope: scopeListResponse.optional(),
  status: tokenStatus.optional(),
  token: secret.optional(),
};

/**
 * A Losant API token as the API returns it. Open: unknown keys (HAL `_links`, `_type`,
 * fields of later API versions) are kept. `token` is present only in a create response.
 */
export const apiToken = z.looseObject(apiTokenShape, { error: mustBe('an object') });
/** A Losant API token as the API returns it. */
export type ApiToken = z.output<typeof apiToken>;

/** The answer to a create (201): the token with its secret `token`, shown this one time. */
export const createdApiToken = apiToken.extend({ token: secret });
/** The answer to a create: a token whose `token` is present. */
export type CreatedApiToken = z.output<typeof createdApiToken>;
