import type * as z from 'zod/mini';

/** The outcome of checking a request part against one of the shared schemas. */
export type Validation<T> = { ok: true; value: T } | { ok: false; messages: string[] };

/**
 * Checks `value` with a `@tokenkit/schemas` schema. Failures become one message per issue, each
 * prefixed with the field's path under `root` (e.g. `apiToken.scope[2]: …`), because Losant's own
 * messages name the offending field too (their exact wording is unverified).
 */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  root: string,
): Validation<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    messages: result.error.issues.map(
      (issue) => `${fieldPath(root, issue.path)}: ${issue.message}`,
    ),
  };
}

function fieldPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out === '' ? '(body)' : out;
}
