import { z } from 'zod';
import { closedObject, unknownKeys } from '../messages.js';
import { tokenRole, tokenStatus } from './enums.js';
import { orgRoles } from './roles.js';
import { tokenDescription, tokenName } from './text-fields.js';

const FIXED_AT_CREATION = new Set(['scope', 'expirationDate']);

function describeKeys(keys: readonly string[]): string {
  const fixed = keys.find((key) => FIXED_AT_CREATION.has(key));
  return fixed === undefined
    ? unknownKeys(keys)
    : `has '${fixed}', which cannot be changed after the token is created`;
}

/**
 * The body that changes a token. Closed, nothing required. `scope` and `expirationDate`
 * are not here: they cannot be changed after creation.
 */
export const apiTokenPatch = z.strictObject(
  {
    name: tokenName.optional(),
    description: tokenDescription.optional(),
    defaultRole: tokenRole.optional(),
    orgRoles: orgRoles.optional(),
    status: tokenStatus.optional(),
  },
  { error: closedObject(describeKeys) },
);
/** The body that changes a token, after parsing. */
export type ApiTokenPatch = z.output<typeof apiTokenPatch>;
/** The body that changes a token, as a caller writes it. */
export type ApiTokenPatchInput = z.input<typeof apiTokenPatch>;
