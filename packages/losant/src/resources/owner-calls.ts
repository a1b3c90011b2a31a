import type { HttpClient, HttpResponse, RequestOptions } from '@tokenkit/core';
import type { ApiToken, ApiTokenPostInput, CreatedApiToken } from '@tokenkit/schemas/losant';
import { type Action, defineAction } from './define-action.js';
import type { Endpoint } from './endpoint.js';

type Params = Readonly<Record<string, unknown>>;
type Call<T> = (params: Params, options?: RequestOptions) => Promise<T>;

/** One owner's token actions, as built from its endpoints (before any lost-answer handling). */
export interface OwnerActions {
  readonly post: Action<Endpoint>;
  readonly iterate: (params: Params, options?: RequestOptions) => AsyncIterable<unknown>;
  readonly get: Action<Endpoint>;
  readonly patch: Action<Endpoint>;
  readonly delete: Action<Endpoint>;
}

/** The calls a create, a rotation or a store makes on the tokens of one owner. */
export interface OwnerTokenCalls {
  /** The create, sent exactly as `losant-rest` sends it. */
  post(
    apiToken: ApiTokenPostInput,
    options?: RequestOptions,
  ): Promise<HttpResponse<CreatedApiToken>>;
  /** The owner's tokens, newest first. */
  newest(options?: RequestOptions): AsyncIterable<ApiToken>;
  read(apiTokenId: string, options?: RequestOptions): Promise<ApiToken>;
  patch(apiTokenId: string, apiToken: Params, options?: RequestOptions): Promise<ApiToken>;
  remove(apiTokenId: string, options?: RequestOptions): Promise<unknown>;
  /** Reads the token with its own secret instead of the client's credential. */
  readAs(secret: string, apiTokenId: string, options?: RequestOptions): Promise<ApiToken>;
}

/** How to reach the owner's endpoints as another token: a client holding only that secret. */
export type ClientWith = (secret: string) => HttpClient;

/**
 * The calls on one owner's tokens, from its actions (which validate and type each request;
 * here only their params are put together). `owner` holds the owner-id and global params.
 */
export function ownerCalls(
  actions: OwnerActions,
  getEndpoint: Endpoint,
  owner: Params,
  clientWith: ClientWith,
): OwnerTokenCalls {
  const post = actions.post.withResponse as Call<HttpResponse<CreatedApiToken>>;
  const read = actions.get as Call<ApiToken>;
  const patch = actions.patch as Call<ApiToken>;
  const remove = actions.delete as Call<unknown>;
  return {
    post: (apiToken, options) => post({ ...owner, apiToken }, options),
    newest: (options) =>
      actions.iterate(
        { ...owner, sortField: 'creationDate', sortDirection: 'desc' },
        options,
      ) as AsyncIterable<ApiToken>,
    read: (apiTokenId, options) => read({ ...owner, apiTokenId }, options),
    patch: (apiTokenId, apiToken, options) => patch({ ...owner, apiTokenId, apiToken }, options),
    remove: (apiTokenId, options) => remove({ ...owner, apiTokenId }, options),
    readAs: (secret, apiTokenId, options) =>
      (defineAction(clientWith(secret), getEndpoint) as Call<ApiToken>)(
        { ...owner, apiTokenId },
        options,
      ),
  };
}

/** The owner-id and global params of a call's params: what its list and delete take too. */
export function ownerParams(params: unknown, ownerKeys: readonly string[]): Params {
  // Anything but an object is refused by the action's own validation, before any request.
  if (typeof params !== 'object' || params === null) return {};
  const keep = [...ownerKeys, 'losantdomain', '_actions', '_links', '_embedded'];
  return Object.fromEntries(Object.entries(params).filter(([key]) => keep.includes(key)));
}
