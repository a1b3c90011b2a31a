import type { z } from 'zod';

/** The outcome of checking a request part against one of the shared schemas. */
export type Validation<T> = { ok: true; value: T } | { ok: false; messages: string[] };

/**
 * Checks an Instana body with a `@tokenkit/schemas` schema. Failures become one message per
 * issue, each prefixed with the field's path under `root` (e.g. `name: is required`), for
 * Instana's `{ errors: [...] }` body. Instana publishes no wording for these endpoints' 400s.
 */
export function validate<S extends z.ZodType>(
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
