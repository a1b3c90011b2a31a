import * as z from 'zod/mini';
import { strictObject } from '#object';
import { mustBe } from './messages.js';

/** The message of an unknown key, unless the schema says more about that key. */
export const UNKNOWN_FIELD = 'is not a known field';

type RawIssue = z.core.$ZodRawIssue;

/** This object's own `unrecognized_keys` issue: a nested object's already carries its path. */
function isOwnUnknownKeys(issue: RawIssue): boolean {
  return issue.code === 'unrecognized_keys' && !issue.path?.length;
}

/**
 * A closed object (`z.strictObject`) whose unknown keys are each reported at their own path:
 * `{ scope: [] }` gives an `unrecognized_keys` issue at `['scope']` (keys `['scope']`), not one
 * issue at the object, so a consumer names the field (`apiToken.scope`). `describeKey` gives the
 * message for one key (default "is not a known field").
 *
 * It stays a strict object, so its inferred types (no index signature), `.shape` and JSON
 * Schema (`additionalProperties: false`) are those of `z.strictObject`.
 */
export function closedObject<const T extends z.core.$ZodLooseShape>(
  shape: T,
  describeKey: (key: string) => string = () => UNKNOWN_FIELD,
) {
  return strictObject(shape, { error: mustBe('an object') }).check(
    z.superRefine(
      (_, context) => {
        // zod reports every unknown key in one issue at the object; split it, in place.
        const issues = context.issues;
        const index = issues.findIndex(isOwnUnknownKeys);
        const issue = issues[index];
        if (issue?.code !== 'unrecognized_keys') return;
        const perKey = issue.keys.map(
          (key): RawIssue => ({
            ...issue,
            keys: [key],
            path: [key],
            message: describeKey(key),
          }),
        );
        issues.splice(index, 1, ...perKey);
      }, // Run even when a field has failed (the default skips checks after an aborting issue).
      { when: (payload) => payload.issues.some(isOwnUnknownKeys) },
    ),
  );
}
