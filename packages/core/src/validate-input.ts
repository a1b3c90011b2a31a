import { RequestValidationError, TokenkitError, type ValidationIssue } from './errors.js';
import type { StandardSchemaV1 } from './standard-schema.js';

const identifier = /^[A-Za-z_$][\w$]*$/;

/** Renders a Standard Schema issue path as `scope[2].name`, prefixed by `base` when given. */
export function formatIssuePath(path: StandardSchemaV1.Issue['path'], base = ''): string {
  let result = base;
  for (const segment of path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    if (typeof key === 'number') result += `[${key}]`;
    else if (typeof key === 'string' && identifier.test(key)) result += result ? `.${key}` : key;
    else result += `[${JSON.stringify(String(key))}]`;
  }
  return result;
}

/** Turns Standard Schema issues into {@link ValidationIssue}s with readable paths. */
export function toValidationIssues(
  issues: readonly StandardSchemaV1.Issue[],
  base = '',
): ValidationIssue[] {
  return issues.map((issue) => ({
    path: formatIssuePath(issue.path, base),
    message: issue.message,
  }));
}

/** `apiToken.scope[2]: unknown scope 'x'; apiToken.name: required` */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}

function failure(
  issues: readonly StandardSchemaV1.Issue[],
  fieldName: string,
): RequestValidationError {
  const formatted = toValidationIssues(issues, fieldName);
  return new RequestValidationError(formatIssues(formatted), {
    field: formatted[0]?.path ?? fieldName,
    issues: formatted,
  });
}

/**
 * Validates caller input against a Standard Schema (zod, valibot, …) before anything is sent.
 *
 * @param schema - Any Standard Schema that validates synchronously (zod without async
 *   refinements, valibot, arktype).
 * @param value - The caller's input.
 * @param fieldName - The name the caller knows the input by; issue paths are appended to it.
 * @returns The schema's output (defaults applied, transforms run).
 * @throws RequestValidationError naming the first offending path, e.g. `apiToken.scope[2]`, with
 *   every issue in `issues` and the message `apiToken.scope[2]: unknown scope 'x'`.
 * @example
 * const body = validateInput(apiTokenPost, params.apiToken, 'apiToken');
 */
export function validateInput<Schema extends StandardSchemaV1>(
  schema: Schema,
  value: unknown,
  fieldName: string,
): StandardSchemaV1.InferOutput<Schema> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    // Settle the promise so an async rejection is not reported as unhandled.
    result.catch(() => undefined);
    throw new TokenkitError(
      `The schema for '${fieldName}' validates asynchronously; validateInput needs a synchronous schema`,
    );
  }
  if (result.issues) throw failure(result.issues, fieldName);
  return result.value as StandardSchemaV1.InferOutput<Schema>;
}
