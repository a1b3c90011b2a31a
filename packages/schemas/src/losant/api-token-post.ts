import * as z from 'zod/mini';
import { closedObject } from '../closed-object.js';
import { dateTime } from './date-time.js';
import { tokenRole, tokenStatus } from './enums.js';
import { orgRoles } from './roles.js';
import { scopeList } from './scopes.js';
import { tokenDescription, tokenName } from './text-fields.js';

/**
 * The body that creates a token (all three POSTs). Closed: an unknown key is an error.
 * Leave `expirationDate` out for a token that never expires. `scope` and `expirationDate`
 * cannot be changed later.
 */
export const apiTokenPost = closedObject({
  name: tokenName,
  description: z.optional(tokenDescription),
  expirationDate: z.optional(dateTime),
  defaultRole: z.optional(tokenRole),
  orgRoles: z.optional(orgRoles),
  scope: z.optional(scopeList),
  status: z.optional(tokenStatus),
});
/** The body that creates a token, after parsing. */
export type ApiTokenPost = z.output<typeof apiTokenPost>;
/** The body that creates a token, as a caller writes it. */
export type ApiTokenPostInput = z.input<typeof apiTokenPost>;
