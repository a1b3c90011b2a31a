import type { StandardSchemaV1 } from '../../src/index.js';

/** A hand-written Standard Schema (core's tests do not use zod): `check` returns issues or nothing. */
export function schema<T>(
  check: (value: unknown) => StandardSchemaV1.Issue[] | undefined,
  options: { async?: boolean } = {},
): StandardSchemaV1<T, T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'test',
      validate(value) {
        const issues = check(value);
        const result: StandardSchemaV1.Result<T> = issues ? { issues } : { value: value as T };
        return options.async ? Promise.resolve(result) : result;
      },
    },
  };
}

/** `{ name: string; scope: string[] }` where every scope must be 'a' or 'b'. */
export const tokenSchema = schema<{ name: string; scope: string[] }>((value) => {
  const issues: StandardSchemaV1.Issue[] = [];
  const record = value as { name?: unknown; scope?: unknown };
  if (typeof record?.name !== 'string')
    issues.push({ message: 'must be a string', path: ['name'] });
  if (Array.isArray(record?.scope)) {
    record.scope.forEach((scope, index) => {
      if (scope !== 'a' && scope !== 'b') {
        issues.push({
          message: `unknown scope '${String(scope)}'`,
          path: [{ key: 'scope' }, index],
        });
      }
    });
  }
  return issues.length > 0 ? issues : undefined;
});
