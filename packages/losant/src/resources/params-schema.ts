import { RequestValidationError, validateInput } from '@tokenkit/core';
import * as z from 'zod/mini';

const flag = z.optional(
  z.boolean({
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be true or false'),
  }),
);

/**
 * The params every Losant action takes (the official client's global params). The three
 * flags default to `_actions=false&_links=true&_embedded=true`, as `losant-rest` sends them.
 */
export const globalShape = {
  /** Domain scope of the request (rarely needed). Sent as the `losantdomain` header. */
  losantdomain: z.optional(
    z.string({
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string'),
    }),
  ),
  /** Return resource actions in the response (`_actions` query param). @default false */
  _actions: flag,
  /** Return resource links in the response (`_links` query param). @default true */
  _links: flag,
  /** Return embedded resources in the response (`_embedded` query param). @default true */
  _embedded: flag,
};

/** A params shape: the schema of each param an action takes besides the global ones. */
export type ParamsShape = Readonly<z.core.$ZodLooseShape>;

/** The params of an action with this shape, as a caller writes them, global params included. */
export type ParamsInput<Shape extends ParamsShape> = z.input<
  z.ZodMiniObject<Shape & typeof globalShape, z.core.$strict>
>;

/**
 * The schema of one action's params bag: the action's own params (path ids, query, body) and
 * the global params. Closed: a misspelt param (`perpage`) is reported at its own name instead
 * of being silently dropped, as `losant-rest` would.
 */
export function paramsSchema(action: string, ownShape: ParamsShape) {
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
