import type {
  ApiToken,
  ApiTokenPatchInput,
  ApiTokenPostInput,
  CreatedApiToken,
  LosantClient,
  RequestOptions,
} from '@tokenkit/losant';
import type { LosantOwner } from './types.js';

/** Losant's token calls, bound to one owner (the three owners' resources differ only in ids). */
export interface OwnerCalls {
  iterate(perPage: number, options?: RequestOptions): AsyncIterable<ApiToken>;
  post(apiToken: ApiTokenPostInput, options?: RequestOptions): Promise<CreatedApiToken>;
  patch(
    apiTokenId: string,
    apiToken: ApiTokenPatchInput,
    options?: RequestOptions,
  ): Promise<unknown>;
  remove(apiTokenId: string, options?: RequestOptions): Promise<unknown>;
}

/** Binds the client's instance, application or user token resources to `owner`. */
export function ownerCalls(client: LosantClient, owner: LosantOwner): OwnerCalls {
  if (owner.kind === 'application') {
    const key = { applicationId: owner.id };
    const { applicationApiTokens: many, applicationApiToken: one } = client;
    return {
      iterate: (perPage, options) => many.iterate({ ...key, perPage }, options),
      post: (apiToken, options) => many.post({ ...key, apiToken }, options),
      patch: (apiTokenId, apiToken, options) =>
        one.patch({ ...key, apiTokenId, apiToken }, options),
      remove: (apiTokenId, options) => one.delete({ ...key, apiTokenId }, options),
    };
  }
  if (owner.kind === 'instance') {
    const key = { instanceId: owner.id };
    const { instanceApiTokens: many, instanceApiToken: one } = client;
    return {
      iterate: (perPage, options) => many.iterate({ ...key, perPage }, options),
      post: (apiToken, options) => many.post({ ...key, apiToken }, options),
      patch: (apiTokenId, apiToken, options) =>
        one.patch({ ...key, apiTokenId, apiToken }, options),
      remove: (apiTokenId, options) => one.delete({ ...key, apiTokenId }, options),
    };
  }
  const { userApiTokens: many, userApiToken: one } = client;
  return {
    iterate: (perPage, options) => many.iterate({ perPage }, options),
    post: (apiToken, options) => many.post({ apiToken }, options),
    patch: (apiTokenId, apiToken, options) => one.patch({ apiTokenId, apiToken }, options),
    remove: (apiTokenId, options) => one.delete({ apiTokenId }, options),
  };
}
