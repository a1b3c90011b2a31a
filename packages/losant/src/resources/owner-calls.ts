import type { HttpResponse, RequestOptions } from '@tokenkit/core';
import type { ApiToken, CreatedApiToken } from '@tokenkit/schemas/losant';
import { createSafely } from './create-safely.js';
import { type Action, asAction } from './define-action.js';
import type { Endpoint } from './endpoint.js';
import type { RotateCalls } from './rotate.js';

type Params = Readonly<Record<string, unknown>>;
type Call<T> = (params: Params, options?: RequestOptions) => Promise<T>;

/** One owner's token actions, as built from its endpoints. */
export interface OwnerActions {
  readonly post: Action<Endpoint>;
  readonly iterate: (params: Params, options?: RequestOptions) => AsyncIterable<unknown>;
  readonly get: Action<Endpoint>;
  readonly patch: Action<Endpoint>;
  readonly delete: Action<Endpoint>;
}

/**
 * The calls that safe creates and rotations make on one owner's tokens, from its actions
 * (which validate and type each request; here only their params are put together).
 */
export function ownerCalls(actions: OwnerActions): RotateCalls {
  const create = actions.post.withResponse as Call<HttpResponse<CreatedApiToken>>;
  const read = actions.get as Call<ApiToken>;
  const patch = actions.patch as Call<unknown>;
  const remove = actions.delete as Call<unknown>;
  return {
    create,
    newest: (owner, options) =>
      actions.iterate(
        { ...owner, sortField: 'creationDate', sortDirection: 'desc' },
        options,
      ) as AsyncIterable<ApiToken>,
    remove: (owner, apiTokenId, options) => remove({ ...owner, apiTokenId }, options),
    read: (owner, apiTokenId, options) => read({ ...owner, apiTokenId }, options),
    deactivate: (owner, apiTokenId, options) =>
      patch({ ...owner, apiTokenId, apiToken: { status: 'inactive' } }, options),
  };
}

/** The owner-id and global params of a call's params: what its list and delete take too. */
function ownerParams(params: unknown, ownerKeys: readonly string[]): Params {
  // Anything but an object is refused by the create's own validation, before any request.
  if (typeof params !== 'object' || params === null) return {};
  const keep = [...ownerKeys, 'losantdomain', '_actions', '_links', '_embedded'];
  return Object.fromEntries(Object.entries(params).filter(([key]) => keep.includes(key)));
}

/**
 * The create action, made safe: the same call and wire, and when its answer is lost, the token
 * it made is found and deleted before it is sent again (see `createSafely`).
 */
export function defineSafeCreate<E extends Endpoint>(
  raw: Action<E>,
  calls: RotateCalls,
  ownerKeys: readonly string[],
): Action<E> {
  const withResponse = (params: Params = {}, options?: RequestOptions) =>
    createSafely(calls, params, { owner: ownerParams(params, ownerKeys) }, options);
  return asAction<E>(withResponse, { name: raw.action, scopes: raw.scopes, docs: raw.docs });
}
