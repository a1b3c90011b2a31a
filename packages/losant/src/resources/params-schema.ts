import { RequestValidationError, validateInput } from '@tokenkit/core';
import * as z from 'zod';

const flag = z
  .boolean({
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be true or false'),
  })
  .optional();

/** The global params (`losantdomain` header and the three `_…` query flags). */
const globalShape = {
  losantdomain: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .optional(),
  _actions: flag,
  _links: flag,
  _embedded: flag,
};

/**
 * The schema of one action's params bag: the action's own params (path ids, query, body) and
 * the global params. Closed: a misspelt param (`perpage`) is reported at its own name instead
 * of being silently dropped, as `losant-rest` would.
 */
export function paramsSchema(action: string, ownShape: Readonly<z.core.$ZodLooseShape>) {
  const shape = { ...ownShape, ...globalShape };
  return z.looseObject(shape).check((context) => {
    for (const key of Object.keys(context.value)) {
      if (Object.hasOwn(shape, key)) continue;
      context.issues.push({
        code: 'custom',
        input: context.value[key],
        path: [key],
        message: `is not a param of ${action}`,
      });
    }
  });
}

/** The schema of one action's params bag. */
export type ParamsSchema = ReturnType<typeof paramsSchema>;

/**
 * Validates a params bag; issues are named by their path in it (`apiToken.scope[2]`).
 * @throws RequestValidationError before anything is sent.
 */
export function validateParams(schema: ParamsSchema, params: unknown): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new RequestValidationError('params must be an object', { field: 'params' });
  }
  return validateInput(schema, params, '') as Record<string, unknown>;
}
