import type { StandardSchemaV1 } from '@tokenkit/core';
import {
  apiToken,
  apiTokenPatch,
  apiTokenPost,
  apiTokens,
  createdApiToken,
  listQuery,
  objectId,
  success,
} from '@tokenkit/schemas/losant';
import type { z } from 'zod';

/** The five things one can do to an owner's tokens; each owner has all five. */
export interface ActionKind {
  /** Whether the action lives on the list resource (`…ApiTokens`) or the single-token one. */
  readonly on: 'collection' | 'item';
  /** The action's name on its resource, which is also its HTTP verb in lower case. */
  readonly verb: 'get' | 'post' | 'patch' | 'delete';
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** One sentence for the docs, given the owner's noun (e.g. `an instance`). */
  readonly summary: (noun: string) => string;
  /** The params this kind takes besides the owner id and the global params. */
  readonly shape: Readonly<Record<string, z.ZodType>>;
  /** The params sent as the query string, in `losant-rest`'s order. */
  readonly query: readonly string[];
  /** The JSON body, from the validated params; `undefined` sends none. */
  readonly body: (params: Readonly<Record<string, unknown>>) => unknown;
  /** What the answer is parsed with. */
  readonly response: StandardSchemaV1;
}

const noBody = (): undefined => undefined;

/** The five kinds, in the order the docs list them. */
export const actionKinds: readonly ActionKind[] = [
  {
    on: 'collection',
    verb: 'get',
    method: 'GET',
    summary: (noun) => `Returns one page of the API tokens of ${noun}.`,
    shape: listQuery.shape,
    query: Object.keys(listQuery.shape),
    body: noBody,
    // losant-rest's spec types the instance and user lists as a single `apiToken`, a spec bug:
    // every list answers with the `apiTokens` envelope (see the README, Validation).
    response: apiTokens,
  },
  {
    on: 'collection',
    verb: 'post',
    method: 'POST',
    summary: (noun) =>
      `Creates an API token for ${noun}; the answer holds its secret \`token\`, this one time.`,
    shape: { apiToken: apiTokenPost },
    query: [],
    body: (params) => params.apiToken,
    response: createdApiToken,
  },
  {
    on: 'item',
    verb: 'get',
    method: 'GET',
    summary: (noun) => `Retrieves one API token of ${noun} (without its secret).`,
    shape: { apiTokenId: objectId },
    query: [],
    body: noBody,
    response: apiToken,
  },
  {
    on: 'item',
    verb: 'patch',
    method: 'PATCH',
    summary: (noun) =>
      `Updates an API token of ${noun}: name, description, roles or status (not scope or expiry).`,
    shape: { apiTokenId: objectId, apiToken: apiTokenPatch },
    query: [],
    body: (params) => params.apiToken,
    response: apiToken,
  },
  {
    on: 'item',
    verb: 'delete',
    method: 'DELETE',
    summary: (noun) => `Deletes an API token of ${noun}; requests made with it fail from then on.`,
    shape: { apiTokenId: objectId },
    query: [],
    // losant-rest starts every non-GET request from `data: {}`, so its DELETE carries the
    // JSON body `{}`; we send the same to stay wire-identical.
    body: () => ({}),
    response: success,
  },
];
