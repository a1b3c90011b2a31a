import type { ApiTokenPatch, ApiTokenPost } from '@tokenkit/schemas/losant';
import type { LosantCreatedApiToken, LosantTokenSeed } from '../models.js';
import { json, type Reply } from '../reply.js';
import { canReach, type LosantPrincipal } from './auth.js';
import type { ActionHandler, CheckedParams, LosantContext } from './context.js';
import { forbidden, notFound } from './errors.js';
import { hal } from './hal.js';
import { queryItems } from './list-query.js';
import { envelope, listParams, type TokensQuery } from './query.js';
import { type LosantStore, type OwnerRef, withoutSecret } from './store.js';

/** A token action once its owner is known to exist and to be within the caller's reach. */
type OwnedHandler<Q, B> = (
  context: LosantContext,
  owner: OwnerRef,
  principal: LosantPrincipal,
  params: CheckedParams<Q, B>,
) => Reply;

/**
 * Resolves the owner from the path, then: 403 for an owner out of the caller's reach (a token
 * bound to another instance or application), 404 "Instance/Application was not found".
 */
function owned<Q = undefined, B = undefined>(handler: OwnedHandler<Q, B>): ActionHandler<Q, B> {
  return (context, principal, params) => {
    const owner = ownerOf(context.store, params.path);
    if (!canReach(principal, owner)) return forbidden();
    if (!context.store.hasOwner(owner)) {
      return notFound(owner.kind === 'instance' ? 'Instance' : 'Application');
    }
    return handler(context, owner, principal, params);
  };
}

/** An item action once its token is found: 404 "API token was not found" otherwise. */
function item<B = undefined>(
  handler: (
    context: LosantContext,
    owner: OwnerRef,
    token: LosantCreatedApiToken,
    params: CheckedParams<undefined, B>,
  ) => Reply,
): ActionHandler<undefined, B> {
  return owned<undefined, B>((context, owner, _principal, params) => {
    const token = context.store.get(owner, params.path.apiTokenId ?? '');
    // The wording of `losant-rest`'s docs: "Error if API token was not found".
    if (token === undefined) return notFound('API token');
    return handler(context, owner, token, params);
  });
}

/** Answers a list: filter, sort and page the owner's tokens into the list envelope. */
export const listTokens = owned<TokensQuery>((context, owner, _principal, params) => {
  const query = listParams(params.query);
  const base = collectionPath(owner);
  const result = queryItems(context.store.tokens(owner), query);
  const items = result.items.map((token) =>
    hal(withoutSecret(token), 'apiToken', `${base}/${token.id}`, params.links),
  );
  const body = envelope(items, result.totalCount, query);
  body.ownerId = owner.id;
  if (owner.kind !== 'instance') body.ownerType = owner.kind;
  return json(200, hal(body, 'apiTokens', base, params.links));
});

/** Creates a token from an `apiTokenPost` body: 201 with the secret, the one time it is shown. */
export const createToken = owned<undefined, ApiTokenPost>((context, owner, principal, params) => {
  const input = params.body;
  const seed: LosantTokenSeed = { name: input.name };
  if (input.description !== undefined) seed.description = input.description;
  if (input.expirationDate !== undefined) seed.expirationDate = input.expirationDate;
  if (input.defaultRole !== undefined) seed.defaultRole = input.defaultRole;
  if (input.orgRoles !== undefined) seed.orgRoles = input.orgRoles;
  if (input.scope !== undefined) seed.scope = [...input.scope];
  if (input.status !== undefined) seed.status = input.status;
  const token = context.store.create(owner, seed, principal.creator);
  // The only response that ever carries `token`.
  return json(
    201,
    hal({ ...token }, 'apiToken', `${collectionPath(owner)}/${token.id}`, params.links),
  );
});

export const getToken = item((_context, owner, token, params) =>
  json(200, hal(withoutSecret(token), 'apiToken', selfPath(owner, token), params.links)),
);

export const deleteToken = item((context, owner, token) => {
  context.store.remove(owner, token.id);
  return json(200, { success: true });
});

/** Applies an `apiTokenPatch` body: only the fields sent change; `lastUpdated` moves. */
export const patchToken = item<ApiTokenPatch>((context, owner, token, params) => {
  const changes = params.body;
  if (changes.name !== undefined) token.name = changes.name;
  if (changes.description !== undefined) token.description = changes.description;
  if (changes.status !== undefined) token.status = changes.status;
  if (changes.defaultRole !== undefined) token.defaultRole = changes.defaultRole;
  if (changes.orgRoles !== undefined) {
    token.orgRoles = structuredClone(changes.orgRoles);
  }
  token.lastUpdated = new Date(context.clock()).toISOString();
  return json(200, hal(withoutSecret(token), 'apiToken', selfPath(owner, token), params.links));
});

function ownerOf(store: LosantStore, path: Readonly<Record<string, string>>): OwnerRef {
  if (path.instanceId !== undefined) return { kind: 'instance', id: path.instanceId.toLowerCase() };
  if (path.applicationId !== undefined) {
    return { kind: 'application', id: path.applicationId.toLowerCase() };
  }
  return { kind: 'user', id: store.seed.userId };
}

function collectionPath(owner: OwnerRef): string {
  if (owner.kind === 'user') return '/me/tokens';
  return `/${owner.kind === 'instance' ? 'instances' : 'applications'}/${owner.id}/tokens`;
}

function selfPath(owner: OwnerRef, token: LosantCreatedApiToken): string {
  return `${collectionPath(owner)}/${token.id}`;
}
