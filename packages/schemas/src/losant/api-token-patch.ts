import * as z from 'zod/mini';
import { closedObject, UNKNOWN_FIELD } from '../closed-object.js';
import { tokenRole, tokenStatus } from './enums.js';
import { orgRoles } from './roles.js';
import { tokenDescription, tokenName } from './text-fields.js';

const FIXED_AT_CREATION = new Set(['scope', 'expirationDate']);

function describeKey(key: string): string {
  return FIXED_AT_CREATION.has(key)
    ? 'cannot be changed after the token is created'
    : UNKNOWN_FIELD;
}

/**
 * The body that changes a token. Closed, nothing required. `scope` and `expirationDate`
 * are not here: they cannot be changed after creation.
 */
export const apiTokenPatch = closedObject(
  {
    name: z.optional(tokenName),
    description: z.optional(tokenDescription),
    defaultRole: z.optional(tokenRole),
    orgRoles: z.optional(orgRoles),
    status: z.optional(tokenStatus),
  },
  describeKey,
);
/** The body that changes a token, after parsing. */
export type ApiTokenPatch = z.output<typeof apiTokenPatch>;
/** The body that changes a token, as a caller writes it. */
export type ApiTokenPatchInput = z.input<typeof apiTokenPatch>;
