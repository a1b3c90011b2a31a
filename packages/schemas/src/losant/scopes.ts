import * as z from 'zod/mini';
import { closest } from '../closest.js';
import { mustBe } from '../messages.js';
import { applicationScopes } from './scopes-application.js';
import { instanceScopes } from './scopes-instance.js';
import { organizationScopes } from './scopes-organization.js';
import { userScopes } from './scopes-user.js';
import { text } from './text-fields.js';

export { applicationScopes, instanceScopes, organizationScopes, userScopes };

/** Every value `apiTokenPost.scope` accepts (Losant API v1.30.0): the four families, 500 in all. */
export const allScopes = [
  ...applicationScopes,
  ...organizationScopes,
  ...instanceScopes,
  ...userScopes,
] as const;

/**
 * The scopes of each token owner, grouped as the vendor schema groups them (application and
 * organization scopes together). The schema does not say which scopes an owner's endpoint
 * accepts; the server decides that.
 */
export const scopesByOwner = {
  instance: instanceScopes,
  application: [...applicationScopes, ...organizationScopes],
  user: userScopes,
} as const satisfies Record<'instance' | 'application' | 'user', readonly string[]>;

/**
 * One scope a token can be created with, e.g. `'all.Application.read'`. An unknown one is
 * refused with the closest known scope, if any: `unknown scope 'all.user'; did you mean
 * 'all.User'?`.
 */
export const apiTokenScope = z.enum(allScopes, {
  error: (issue) =>
    typeof issue.input === 'string'
      ? unknownScope(issue.input)
      : mustBe('a scope name (string)')(issue),
});

function unknownScope(input: string): string {
  const suggestion = closest(input, allScopes);
  const hint = suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
  return `unknown scope '${shorten(input)}'${hint}`;
}

// Echo at most a scope-sized prefix of what was given: enough to spot a typo, never a page
// of pasted text in an error message.
function shorten(value: string): string {
  return value.length > 64 ? `${value.slice(0, 63)}…` : value;
}
/** One scope a token can be created with. */
export type ApiTokenScope = z.output<typeof apiTokenScope>;

/**
 * The `scope` of a new token: known scopes, each at most once (JSON-schema `uniqueItems`).
 * A repeat is reported at its own index, naming the first one.
 */
export const scopeList = z
  .array(apiTokenScope, { error: mustBe('a list of scopes') })
  .check((ctx) => {
    const seen = new Map<string, number>();
    ctx.value.forEach((scope, index) => {
      const first = seen.get(scope);
      if (first === undefined) {
        seen.set(scope, index);
        return;
      }
      ctx.issues.push({
        code: 'custom',
        input: scope,
        path: [index],
        message: `duplicate scope '${scope}' (already at index ${first})`,
      });
    });
  });

/** The `scope` of a token in a response: any non-empty strings (not restricted to the 500). */
export const scopeListResponse = z.array(text(1024, { nonEmpty: true }), {
  error: mustBe('a list of strings'),
});
