import * as z from 'zod/mini';
import { looseObject } from '#object';
import { mustBe } from '../messages.js';
import { type PermissionName, permissionNames } from './permission-names.js';

const requiredText = z
  .string({ error: mustBe('a string') })
  .check(z.minLength(1, 'must not be empty'));
const timestamp = z.int({ error: mustBe('an integer (epoch milliseconds)') });
const permission = z.optional(z.boolean({ error: mustBe('true or false') }));

const permissionShape = Object.fromEntries(permissionNames.map((name) => [name, permission])) as {
  [K in PermissionName]: typeof permission;
};

/**
 * An Instana API token, the body of POST/PUT and of every answer. Open: unknown keys are
 * kept, since the permission set changes almost every release. A permission left out
 * means `false`; the server's answer, not the request, says what a token may do.
 */
export const apiToken = looseObject(
  {
    id: z.optional(z.string({ error: mustBe('a string') })),
    accessGrantingToken: requiredText,
    internalId: requiredText,
    name: requiredText,
    createdBy: z.optional(z.string({ error: mustBe('a string') })),
    createdOn: z.optional(timestamp),
    lastUsedOn: z.optional(timestamp),
    expiresOn: z.optional(z.nullable(timestamp)),
    ...permissionShape,
  },
  { error: mustBe('an object') },
);
/** An Instana API token, after parsing. */
export type ApiToken = z.output<typeof apiToken>;
/** An Instana API token, as a caller writes it. */
export type ApiTokenInput = z.input<typeof apiToken>;

/** The answer to `GET /api/settings/api-tokens`. */
export const apiTokenList = z.array(apiToken, { error: mustBe('a list of tokens') });
/** The answer to `GET /api/settings/api-tokens`. */
export type ApiTokenList = z.output<typeof apiTokenList>;
