import {
  actionScopes,
  apiTokenPatch,
  apiTokenPost,
  applicationTokenPath,
  applicationTokensPath,
  instanceTokenPath,
  instanceTokensPath,
  type LosantAction,
  listQuery,
  userTokenPath,
} from '@tokenkit/schemas/losant';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import { json, losantError, type Reply } from '../reply.js';
import type { ParsedRequest, RouteDefinition } from '../router.js';
import type { LosantCreatedApiToken, LosantOrgRole, LosantTokenSeed } from '../types.js';
import { validate } from '../validate.js';
import { APPLICATIONS_GET_SCOPES, listApplications } from './applications.js';
import { authenticate, canReach, forbidden, hasScope } from './auth.js';
import { hal } from './hal.js';
import { type ListParams, queryItems } from './list-query.js';
import { type Creator, type LosantStore, type OwnerRef, withoutSecret } from './store.js';

/** The 15 token actions' paths and methods, and `applications.get`. */
export const losantRoutes: readonly RouteDefinition[] = [
  { vendor: 'losant', segments: ['applications'], methods: { GET: 'applications.get' } },
  collection(['instances', ':instanceId', 'tokens'], 'instanceApiTokens'),
  item(['instances', ':instanceId', 'tokens', ':apiTokenId'], 'instanceApiToken'),
  collection(['applications', ':applicationId', 'tokens'], 'applicationApiTokens'),
  item(['applications', ':applicationId', 'tokens', ':apiTokenId'], 'applicationApiToken'),
  collection(['me', 'tokens'], 'userApiTokens'),
  item(['me', 'tokens', ':apiTokenId'], 'userApiToken'),
];

function collection(segments: string[], resource: string): RouteDefinition {
  return {
    vendor: 'losant',
    segments,
    methods: { GET: `${resource}.get`, POST: `${resource}.post` },
  };
}

function item(segments: string[], resource: string): RouteDefinition {
  return {
    vendor: 'losant',
    segments,
    methods: { GET: `${resource}.get`, PATCH: `${resource}.patch`, DELETE: `${resource}.delete` },
  };
}

/** What the Losant handler needs from the server. */
export interface LosantContext {
  readonly store: LosantStore;
  /** The seeded user credential. */
  readonly credential: string;
  readonly clock: Clock;
}

const PATH_SCHEMAS: Record<string, z.ZodType | undefined> = {
  instanceApiTokens: instanceTokensPath,
  instanceApiToken: instanceTokenPath,
  applicationApiTokens: applicationTokensPath,
  applicationApiToken: applicationTokenPath,
  userApiTokens: undefined,
  userApiToken: userTokenPath,
};

const LIST_PARAMS = ['sortField', 'sortDirection', 'page', 'perPage', 'filterField', 'filter'];

/**
 * Answers one of the 15 actions. The checks run in this order: 401 (no usable token), 403 (no
 * accepted scope), 400 (path params), 403 (token bound to another instance or application),
 * 404 (unknown instance or application), then the action itself (400 body/query, 404 token).
 */
export function handleLosant(context: LosantContext, request: ParsedRequest): Reply {
  const now = context.clock();
  const auth = authenticate(request.headers.authorization, context.store, context.credential, now);
  if (!auth.ok) return auth.reply;
  const { principal } = auth;
  const links = request.query._links === 'true';
  if (request.operation === 'applications.get') {
    if (!hasScope(principal, APPLICATIONS_GET_SCOPES)) {
      return forbidden('The access token does not have a scope that allows applications.get');
    }
    return listApplications(context.store, principal, request, links);
  }
  const action = request.operation as LosantAction;
  const [resource = '', verb] = action.split('.');
  if (!hasScope(principal, actionScopes[action])) {
    return forbidden(`The access token does not have a scope that allows ${action}`);
  }
  const pathSchema = PATH_SCHEMAS[resource];
  if (pathSchema !== undefined) {
    const checked = validate(pathSchema, request.params, '');
    if (!checked.ok) return validationError(checked.messages);
  }
  const owner = ownerOf(context.store, request.params);
  if (!canReach(principal, owner)) {
    return forbidden(`The access token cannot access this ${owner.kind}`);
  }
  if (!context.store.hasOwner(owner)) {
    return losantError(
      404,
      'NotFound',
      `${owner.kind === 'instance' ? 'Instance' : 'Application'} was not found`,
    );
  }
  const base = collectionPath(owner);
  if (resource.endsWith('Tokens')) {
    return verb === 'get'
      ? list(context, request, owner, base, links)
      : create(context, request, owner, principal.creator, base, links);
  }
  const token = context.store.get(owner, request.params.apiTokenId ?? '');
  if (token === undefined) return losantError(404, 'NotFound', 'Api token was not found');
  const self = `${base}/${token.id}`;
  switch (verb) {
    case 'get':
      return json(200, hal(withoutSecret(token), 'apiToken', self, links));
    case 'delete':
      context.store.remove(owner, token.id);
      return json(200, { success: true });
    default:
      return patch(token, request.body, now, self, links);
  }
}

/** Applies an `apiTokenPatch` body: only the fields sent change; `lastUpdated` moves. */
function patch(
  token: LosantCreatedApiToken,
  text: string,
  now: number,
  self: string,
  links: boolean,
): Reply {
  const body = parseJson(text);
  if (!body.ok) return body.reply;
  const checked = validate(apiTokenPatch, body.value, 'apiToken');
  if (!checked.ok) return validationError(checked.messages);
  const changes = checked.value;
  if (changes.name !== undefined) token.name = changes.name;
  if (changes.description !== undefined) token.description = changes.description;
  if (changes.status !== undefined) token.status = changes.status;
  if (changes.defaultRole !== undefined) token.defaultRole = changes.defaultRole;
  if (changes.orgRoles !== undefined) {
    token.orgRoles = structuredClone(changes.orgRoles) as LosantOrgRole[];
  }
  token.lastUpdated = new Date(now).toISOString();
  return json(200, hal(withoutSecret(token), 'apiToken', self, links));
}

/** Answers a list: filter, sort and page the owner's tokens into the list envelope. */
function list(
  context: LosantContext,
  request: ParsedRequest,
  owner: OwnerRef,
  base: string,
  links: boolean,
): Reply {
  const raw: Record<string, string> = {};
  for (const name of LIST_PARAMS) {
    const value = request.query[name];
    // "Blank or not provided means no filtering": a blank parameter counts as absent.
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const checked = validate(listQuery, raw, '');
  if (!checked.ok) return validationError(checked.messages);
  const query = checked.value;
  const params: ListParams<LosantCreatedApiToken> = {
    sortField: query.sortField ?? 'name',
    sortDirection: query.sortDirection ?? 'asc',
    page: query.page === undefined ? 0 : Number(query.page),
    perPage: query.perPage === undefined ? 100 : Number(query.perPage),
    ...(query.filterField === undefined ? {} : { filterField: query.filterField }),
    ...(query.filter === undefined ? {} : { filter: query.filter }),
  };
  const result = queryItems(context.store.tokens(owner), params);
  const envelope: Record<string, unknown> = {
    items: result.items.map((token) =>
      hal(withoutSecret(token), 'apiToken', `${base}/${token.id}`, links),
    ),
    count: result.items.length,
    totalCount: result.totalCount,
    perPage: params.perPage,
    page: params.page,
    sortField: params.sortField,
    sortDirection: params.sortDirection,
  };
  if (params.filter !== undefined) envelope.filter = params.filter;
  if (params.filterField !== undefined) envelope.filterField = params.filterField;
  envelope.ownerId = owner.id;
  if (owner.kind !== 'instance') envelope.ownerType = owner.kind;
  return json(200, hal(envelope, 'apiTokens', base, links));
}

/** Creates a token from an `apiTokenPost` body: 201 with the secret, the one time it is shown. */
function create(
  context: LosantContext,
  request: ParsedRequest,
  owner: OwnerRef,
  creator: Creator,
  base: string,
  links: boolean,
): Reply {
  const body = parseJson(request.body);
  if (!body.ok) return body.reply;
  const checked = validate(apiTokenPost, body.value, 'apiToken');
  if (!checked.ok) return validationError(checked.messages);
  const input = checked.value;
  const seed: LosantTokenSeed = { name: input.name };
  if (input.description !== undefined) seed.description = input.description;
  if (input.expirationDate !== undefined) seed.expirationDate = input.expirationDate;
  if (input.defaultRole !== undefined) seed.defaultRole = input.defaultRole;
  if (input.orgRoles !== undefined) seed.orgRoles = input.orgRoles as LosantOrgRole[];
  if (input.scope !== undefined) seed.scope = [...input.scope];
  if (input.status !== undefined) seed.status = input.status;
  const token = context.store.create(owner, seed, creator);
  // The only response that ever carries `token`.
  return json(201, hal({ ...token }, 'apiToken', `${base}/${token.id}`, links));
}

function ownerOf(store: LosantStore, params: Readonly<Record<string, string>>): OwnerRef {
  if (params.instanceId !== undefined) {
    return { kind: 'instance', id: params.instanceId.toLowerCase() };
  }
  if (params.applicationId !== undefined) {
    return { kind: 'application', id: params.applicationId.toLowerCase() };
  }
  return { kind: 'user', id: store.seed.userId };
}

function collectionPath(owner: OwnerRef): string {
  if (owner.kind === 'user') return '/me/tokens';
  return `/${owner.kind === 'instance' ? 'instances' : 'applications'}/${owner.id}/tokens`;
}

type JsonBody = { ok: true; value: unknown } | { ok: false; reply: Reply };

function parseJson(text: string): JsonBody {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      reply: validationError(['apiToken: the request body must be a JSON object']),
    };
  }
}

function validationError(messages: readonly string[]): Reply {
  return losantError(400, 'Validation', messages.join('; '));
}
