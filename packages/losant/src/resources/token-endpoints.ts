import {
  actionScopes,
  apiToken,
  apiTokenPatch,
  apiTokenPost,
  apiTokens,
  createdApiToken,
  listQuery,
  objectId,
  success,
} from '@tokenkit/schemas/losant';
import { docsUrl, type Endpoint, endpoint } from './endpoint.js';
import type { ParamsShape } from './params-schema.js';

/** What tells one token owner from another: resource names, id param, path and wording. */
interface OwnerSpec<Collection extends string, Item extends string, IdShape extends ParamsShape> {
  /** The list/create resource, e.g. `instanceApiTokens`. */
  readonly collection: Collection;
  /** The single-token resource, e.g. `instanceApiToken`. */
  readonly item: Item;
  /** How the owner is named in summaries, e.g. `an instance`. */
  readonly noun: string;
  /** The owner's path param as a schema shape (empty for `/me`). */
  readonly idShape: IdShape;
  /** The owner's path as a template, e.g. `/instances/{instanceId}`. */
  readonly path: string;
}

/** The single-token resources' own path param. */
const tokenId = { apiTokenId: objectId };

type Scopes<Name extends string> = Name extends keyof typeof actionScopes
  ? (typeof actionScopes)[Name]
  : never;

/**
 * The five token endpoints of one owner, typed by name (written out rather than inferred, so
 * the published declarations name the schemas instead of expanding them).
 */
export interface TokenEndpoints<
  Collection extends string,
  Item extends string,
  IdShape extends ParamsShape,
> {
  readonly list: Endpoint<
    `${Collection}.get`,
    IdShape & typeof listQuery.shape,
    typeof apiTokens,
    Scopes<`${Collection}.get`>
  >;
  readonly create: Endpoint<
    `${Collection}.post`,
    IdShape & { apiToken: typeof apiTokenPost },
    typeof createdApiToken,
    Scopes<`${Collection}.post`>
  >;
  readonly get: Endpoint<
    `${Item}.get`,
    IdShape & typeof tokenId,
    typeof apiToken,
    Scopes<`${Item}.get`>
  >;
  readonly patch: Endpoint<
    `${Item}.patch`,
    IdShape & typeof tokenId & { apiToken: typeof apiTokenPatch },
    typeof apiToken,
    Scopes<`${Item}.patch`>
  >;
  readonly delete: Endpoint<
    `${Item}.delete`,
    IdShape & typeof tokenId,
    typeof success,
    Scopes<`${Item}.delete`>
  >;
}

/**
 * The list and create actions of one owner, each saying exactly what it sends: method, path,
 * params (owner id, list query, body) and what the answer is parsed with.
 */
function collectionEndpoints<C extends string, I extends string, S extends ParamsShape>({
  collection,
  noun,
  idShape,
  path,
}: OwnerSpec<C, I, S>): Pick<TokenEndpoints<C, I, S>, 'list' | 'create'> {
  const tokens = `${path}/tokens`;
  return {
    list: endpoint({
      name: `${collection}.get`,
      summary: `Returns one page of the API tokens of ${noun}.`,
      method: 'GET',
      path: tokens,
      shape: { ...idShape, ...listQuery.shape },
      query: Object.keys(listQuery.shape),
      // losant-rest's spec types the instance and user lists as a single `apiToken`, a spec
      // bug: every list answers with the `apiTokens` envelope (see the README, Validation).
      response: apiTokens,
      scopes: scopesOf(`${collection}.get`),
      docs: docsUrl(collection, 'get'),
    }),
    create: endpoint({
      name: `${collection}.post`,
      summary: `Creates an API token for ${noun}; the answer holds its secret \`token\`, this one time.`,
      method: 'POST',
      path: tokens,
      shape: { ...idShape, apiToken: apiTokenPost },
      query: [],
      body: 'apiToken',
      response: createdApiToken,
      scopes: scopesOf(`${collection}.post`),
      docs: docsUrl(collection, 'post'),
    }),
  };
}

/** The get, patch and delete actions of one owner's single token, as above. */
function itemEndpoints<C extends string, I extends string, S extends ParamsShape>({
  item,
  noun,
  idShape,
  path,
}: OwnerSpec<C, I, S>): Pick<TokenEndpoints<C, I, S>, 'get' | 'patch' | 'delete'> {
  const token = `${path}/tokens/{apiTokenId}`;
  return {
    get: endpoint({
      name: `${item}.get`,
      summary: `Retrieves one API token of ${noun} (without its secret).`,
      method: 'GET',
      path: token,
      shape: { ...idShape, ...tokenId },
      query: [],
      response: apiToken,
      scopes: scopesOf(`${item}.get`),
      docs: docsUrl(item, 'get'),
    }),
    patch: endpoint({
      name: `${item}.patch`,
      summary: `Updates an API token of ${noun}: name, description, roles or status (not scope or expiry).`,
      method: 'PATCH',
      path: token,
      shape: { ...idShape, ...tokenId, apiToken: apiTokenPatch },
      query: [],
      body: 'apiToken',
      response: apiToken,
      scopes: scopesOf(`${item}.patch`),
      docs: docsUrl(item, 'patch'),
    }),
    delete: endpoint({
      name: `${item}.delete`,
      summary: `Deletes an API token of ${noun}; requests made with it fail from then on.`,
      method: 'DELETE',
      path: token,
      shape: { ...idShape, ...tokenId },
      query: [],
      body: 'empty',
      response: success,
      deletedBody: { success: true },
      scopes: scopesOf(`${item}.delete`),
      docs: docsUrl(item, 'delete'),
    }),
  };
}

/** The five token actions of one owner. */
function tokenEndpoints<
  const Collection extends string,
  const Item extends string,
  const IdShape extends ParamsShape,
>(owner: OwnerSpec<Collection, Item, IdShape>): TokenEndpoints<Collection, Item, IdShape> {
  return { ...collectionEndpoints(owner), ...itemEndpoints(owner) };
}

/** The scopes of a token action, by its name (the table in `@tokenkit/schemas`). */
function scopesOf<Name extends string>(name: Name): Scopes<Name> {
  return actionScopes[name as keyof typeof actionScopes] as Scopes<Name>;
}

// The three owners below share one shape on purpose: they are the table's rows, and all that
// tells one owner's fifteen-action share from another's.

/** `/instances/{instanceId}/tokens…`: the API tokens of an instance. */
export const instanceTokens = tokenEndpoints({
  collection: 'instanceApiTokens',
  item: 'instanceApiToken',
  noun: 'an instance',
  idShape: { instanceId: objectId },
  path: '/instances/{instanceId}',
});

/** `/applications/{applicationId}/tokens…`: the API tokens of an application. */
export const applicationTokens = tokenEndpoints({
  collection: 'applicationApiTokens',
  item: 'applicationApiToken',
  noun: 'an application',
  idShape: { applicationId: objectId },
  path: '/applications/{applicationId}',
});

/** `/me/tokens…`: the API tokens of the current user. */
export const userTokens = tokenEndpoints({
  collection: 'userApiTokens',
  item: 'userApiToken',
  noun: 'the current user',
  idShape: {},
  path: '/me',
});

/** All fifteen token endpoints, owner by owner, in the docs' order. */
export const tokenEndpointList = [instanceTokens, applicationTokens, userTokens].flatMap(
  (owner) => [owner.list, owner.create, owner.get, owner.patch, owner.delete],
);
