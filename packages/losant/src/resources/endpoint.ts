import { path } from '@tokenkit/core';
import { responseValidator } from '@tokenkit/schemas/validator';
import type * as z from 'zod/mini';
import { type ParamsSchema, type ParamsShape, paramsSchema } from './params-schema.js';

/**
 * What one call sends and what it answers: everything the runtime needs, in one record, and
 * the source of the call's types (its params come from `shape`, its result from `response`).
 */
export interface Endpoint<
  Name extends string = string,
  Shape extends ParamsShape = ParamsShape,
  Response extends z.ZodMiniType = z.ZodMiniType,
  Scopes extends readonly string[] = readonly string[],
> {
  /** The action's name in `losant-rest`, e.g. `'applications.get'`. */
  readonly name: Name;
  /** One sentence for the docs. */
  readonly summary: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template, e.g. `/applications/{applicationId}/tokens`; each `{param}` is encoded. */
  readonly path: string;
  /** The params the action takes besides the global ones: path ids, query, body. */
  readonly shape: Shape;
  /** Validates the whole params bag (`shape` and the global params); closed. */
  readonly params: ParamsSchema;
  /** The params sent as the query after the three global flags, in `losant-rest`'s order. */
  readonly query: readonly string[];
  /**
   * What is sent as the JSON body: the named param (`'apiToken'`), `'empty'` for `{}` (what
   * `losant-rest` sends with every DELETE), or nothing when absent.
   */
  readonly body?: string | undefined;
  /** What the answer is parsed with: the response schema's validator (`responseValidator`). */
  readonly response: Pick<Response, '~standard'>;
  /**
   * What a DELETE resolves with when its first answer was lost and its retry got 404: the
   * token is gone, as asked (core's `deletedBody`).
   */
  readonly deletedBody?: unknown;
  /** The scopes a token needs at least one of (API v1.30.0). */
  readonly scopes: Scopes;
  /** The vendor's doc page for this action. */
  readonly docs: string;
}

/**
 * Builds an endpoint record from its spec: the params schema built from its shape, and the
 * response schema's validator (compiled by zod on Node, on first use).
 */
export function endpoint<
  const Name extends string,
  const Shape extends ParamsShape,
  Response extends z.ZodMiniType,
  const Scopes extends readonly string[],
>(
  spec: Omit<Endpoint<Name, Shape, Response, Scopes>, 'params' | 'response'> & {
    response: Response;
  },
): Endpoint<Name, Shape, Response, Scopes> {
  return {
    ...spec,
    params: paramsSchema(spec.name, spec.shape),
    response: responseValidator(spec.response),
  };
}

/** Turns `instanceApiTokens` into `instance-api-tokens`, the slug of its docs page. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The vendor's doc page for an action, e.g. `https://docs.losant.com/rest-api/applications/#get`. */
export function docsUrl(resource: string, verb: string): string {
  return `https://docs.losant.com/rest-api/${kebab(resource)}/#${verb}`;
}

/** The encoded path of one request: the template with each `{param}` filled from `params`. */
export function requestPath(template: string, params: Readonly<Record<string, unknown>>): string {
  // split() with a capture group alternates literal text and param names.
  const parts = template.split(/\{(\w+)\}/);
  const literals = parts.filter((_, index) => index % 2 === 0);
  const values = parts.filter((_, index) => index % 2 === 1).map((name) => params[name]);
  return path(Object.assign(literals, { raw: literals }), ...values);
}

/** The JSON body of one request, from validated params. */
export function requestBody(
  body: Endpoint['body'],
  params: Readonly<Record<string, unknown>>,
): unknown {
  if (body === undefined) return undefined;
  return body === 'empty' ? {} : params[body];
}
