import { path, type StandardSchemaV1 } from '@tokenkit/core';
import type { ParamsSchema } from './params-schema.js';

/** What one call sends and what it answers: everything the runtime needs, in one record. */
export interface Endpoint<Name extends string = string> {
  /** The action's name in `losant-rest`, e.g. `'applications.get'`. */
  readonly name: Name;
  /** One sentence for the docs. */
  readonly summary: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template, e.g. `/applications/{applicationId}/tokens`; each `{param}` is encoded. */
  readonly path: string;
  /** Validates the whole params bag (path ids, query, body, global params); closed. */
  readonly params: ParamsSchema;
  /** The params sent as the query after the three global flags, in `losant-rest`'s order. */
  readonly query: readonly string[];
  /** The JSON body, from the validated params; `undefined` sends none. */
  readonly body: (params: Readonly<Record<string, unknown>>) => unknown;
  /** What the answer is parsed with. */
  readonly response: StandardSchemaV1;
  /** The scopes a token needs at least one of (API v1.30.0). */
  readonly scopes: readonly string[];
  /** The vendor's doc page for this action. */
  readonly docs: string;
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
